import { css, html, nothing, render, type TemplateResult } from 'lit';
import { formatVnd, pick, type Lang } from '@motcua/core';
import type { ProcedureView } from '../../api/types.ts';
import { addWords, t } from '../../i18n/strings.ts';
import { RECEIPT_WORDS_VI } from '../../i18n/strings-receipt.ts';
import { humanDateTime, humanIso } from './format.ts';
import type { Receipt } from './form-model.ts';
import { lazy } from '../../lazy.ts';

/**
 * How much is owed and how to pay it: a chunk of its own (<motcua-track> shows it too), which the
 * form fetches with a receipt that has something to pay, before showing it.
 */
export const payInfoPart = lazy(() => import('./pay-info.ts'));

export { checkSubmission } from '@motcua/core';

type View = Pick<ProcedureView, 'code' | 'procedure'>;

// This module is its own chunk, loaded when the applicant submits (form-controller.ts): its Vietnamese
// words come with it (the English ones with the form's English words), and so does core's
// submission check, which a page needs no sooner.
addWords('vi', RECEIPT_WORDS_VI);

/** The receipt's facts, shared by the on-screen view and the printed page. */
function facts(r: Receipt, view: View, lang: Lang): [string, string | TemplateResult][] {
  const rows: [string, string | TemplateResult][] = [
    [t('receiptProcedure', lang), `${pick(view.procedure.title, lang)} (${view.code})`],
    [t('receiptCode', lang), html`<strong class="code">${r.code}</strong>`],
    [t('receiptSecret', lang), html`<strong class="secret">${r.secret}</strong>`],
    [t('receiptSubmittedAt', lang), humanDateTime(r.submittedAt, lang)],
    [t('receiptStatus', lang), pick(r.statusLabel, lang)],
  ];
  if (r.agency) rows.push([t('receiptAgency', lang), pick(r.agency.name, lang)]);
  if (r.dueAt) rows.push([t('receiptDue', lang), humanIso(r.dueAt, lang)]);
  else if (r.expectedDueAt) rows.push([t('receiptExpected', lang), humanIso(r.expectedDueAt, lang)]);
  if (r.fees) rows.push([t('receiptFees', lang), pick(formatVnd(r.fees.total), lang)]);
  return rows;
}

/**
 * What is owed and how to pay it, or nothing; `agency` names whom to ask when the procedure does not
 * say how (a host's handler may leave the agency out). If the instructions' chunk could not be
 * fetched, the total stays among the facts.
 */
function payment(r: Receipt, lang: Lang, print: boolean) {
  const part = payInfoPart.value;
  if (!r.payment || !part) return nothing;
  const agency = r.agency ? pick(r.agency.name, lang) : t('receiptAgency', lang);
  return part.payInfoTemplate(r.payment, agency, lang, print);
}

export function receiptTemplate(
  r: Receipt,
  view: View,
  lang: Lang,
  actions: { print(): void; copy(): void; again(): void; copied: boolean; kiosk: boolean },
): TemplateResult {
  return html`<section class="receipt" part="receipt" aria-labelledby="mc-receipt-title">
    <h2 id="mc-receipt-title" tabindex="-1">✓ ${t('receiptTitle', lang)}</h2>
    <dl class="facts">${facts(r, view, lang).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
    ${payment(r, lang, false)}
    <p class="note" part="receipt-note">${t('receiptSecretNote', lang)}</p>
    <div class="actions">
      <button type="button" class="primary" part="button button-primary print" @click=${actions.print}>${t('print', lang)}</button>
      ${
        actions.kiosk
          ? nothing
          : html`<button type="button" part="button copy" @click=${actions.copy}>${actions.copied ? `✓ ${t('copied', lang)}` : t('copySecret', lang)}</button>`
      }
      <button type="button" part="button again" @click=${actions.again}>${t('newDossier', lang)}</button>
    </div>
  </section>`;
}

/** The printed page's look (css`` so that the build minifies it; the frame gets it as text). */
const PRINT_CSS = css`
  @page { size: A4; margin: 18mm; }
  body { font-family: 'Times New Roman', 'Noto Serif', serif; font-size: 13pt; color: #000; }
  h1 { font-size: 15pt; text-align: center; margin: 0 0 6mm; }
  .procedure { text-align: center; margin: 0 0 8mm; }
  dl { display: grid; grid-template-columns: 48mm 1fr; gap: 2mm 4mm; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  .note { margin-top: 8mm; font-style: italic; }
  .pay-info h2 { font-size: 13pt; margin: 6mm 0 2mm; }
  .pay-info table { border-collapse: collapse; }
  .pay-info th, .pay-info td { text-align: left; font-weight: normal; padding: 0.5mm 6mm 0.5mm 0; }
  .pay-info caption { text-align: left; }
`;

/**
 * Prints the receipt alone (not the host page) from a hidden same-origin frame, built with DOM
 * calls and a constructed style sheet: no inline styles or scripts, so a strict CSP allows it.
 * Returns the frame (tests inspect it; it is removed after printing).
 */
export function printReceipt(
  container: ShadowRoot | HTMLElement,
  r: Receipt,
  view: View,
  lang: Lang,
  doPrint = true,
): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = t('print', lang);
  frame.className = 'print-frame';
  container.appendChild(frame);
  const win = frame.contentWindow!;
  const doc = frame.contentDocument!;
  doc.documentElement.lang = lang;
  doc.title = `${t('receiptCode', lang)} ${r.code}`;
  const sheet = new (win as unknown as typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(PRINT_CSS.cssText);
  doc.adoptedStyleSheets = [sheet];
  render(
    html`<h1>${t('printHeading', lang)}</h1>
      <p class="procedure">${pick(view.procedure.title, lang)}</p>
      <dl>${facts(r, view, lang).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
      ${payment(r, lang, true)}
      <p class="note">${t('receiptSecretNote', lang)}</p>`,
    doc.body,
  );
  if (doPrint) {
    const cleanup = () => setTimeout(() => frame.remove(), 1000);
    win.addEventListener('afterprint', cleanup, { once: true });
    win.focus();
    win.print();
    cleanup();
  }
  return frame;
}

/** The receipt's look on screen (adopted by <motcua-form> when this chunk loads). */
export const styles = css`
  .receipt {
    border: 2px solid var(--_success);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .receipt h2 {
    color: var(--_success);
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(9rem, max-content) 1fr;
    gap: 0.35rem 1rem;
    margin: 0 0 var(--_space);
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
    word-break: break-word;
  }
  .code,
  .secret {
    font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace;
    font-size: 1.05em;
  }
  .print-frame {
    position: absolute;
    width: 0;
    height: 0;
    border: 0;
    visibility: hidden;
  }
`;
