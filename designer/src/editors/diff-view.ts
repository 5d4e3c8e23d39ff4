import { html } from 'lit';
import { changeSummary, lineDiff, type DiffLine, type Lang } from '@motcua/core';
import { tr } from './i18n.ts';

const CONTEXT = 3;

/** The changed lines of a JSON diff with a few lines of context; long unchanged runs are folded. */
function hunks(lines: DiffLine[]): (DiffLine | { fold: number })[] {
  const keep = lines.map(() => false);
  lines.forEach((l, i) => {
    if (l.kind === 'same') return;
    for (let k = Math.max(0, i - CONTEXT); k <= Math.min(lines.length - 1, i + CONTEXT); k++) keep[k] = true;
  });
  const out: (DiffLine | { fold: number })[] = [];
  let folded = 0;
  lines.forEach((l, i) => {
    if (keep[i]) {
      if (folded) out.push({ fold: folded });
      folded = 0;
      out.push(l);
    } else folded++;
  });
  if (folded) out.push({ fold: folded });
  return out;
}

/** A readable change summary, then the JSON diff, of `before` (null: nothing yet) → `after`. */
export function diffView(lang: Lang, before: unknown, after: unknown, caption: string) {
  const summary = changeSummary(before, after);
  const lines = lineDiff(before === null ? '' : JSON.stringify(before, null, 2), JSON.stringify(after, null, 2));
  const shown = hunks(lines);
  return html`<h3>${tr(lang, 'changeSummary')}</h3>
    ${
      summary.length
        ? html`<ul data-summary>
          ${summary.map((s) => html`<li>${s.message[lang]}</li>`)}
        </ul>`
        : html`<p>${tr(lang, 'noChanges')}</p>`
    }
    <h3>${caption}</h3>
    <pre class="mc-diff" tabindex="0" aria-label=${caption}>${shown.map((l) =>
      'fold' in l
        ? html`<span>… ${tr(lang, 'foldedLines', l.fold)}\n</span>`
        : html`<span class=${l.kind === 'added' ? 'mc-added' : l.kind === 'removed' ? 'mc-removed' : ''}>${l.kind === 'added' ? '+ ' : l.kind === 'removed' ? '- ' : '  '}${l.text}\n</span>`,
    )}</pre>`;
}
