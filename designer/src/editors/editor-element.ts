import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { Issue, Lang, LocalizedText, Procedure } from '@motcua/core';
import { pick } from '@motcua/core';
import { tr, type Key } from './i18n.ts';
import { adoptEditorStyles } from './editor-styles.ts';
import { loadEnvironment, type EditorEnvironment } from './environment.ts';

/**
 * What every section editor shares: it is given the whole definition (`procedure`, possibly an
 * incomplete draft), the language and core's problems, and answers an edit with a
 * `procedure-change` event carrying a NEW definition and a short label for the undo list. It
 * renders into the light DOM like the rest of the designer (one page stylesheet, one document for
 * accessibility checks).
 */
export class EditorElement extends LitElement {
  static override properties = {
    procedure: { attribute: false },
    lang: {},
    problems: { attribute: false },
    code: {},
    environment: { attribute: false },
  };
  declare procedure: Procedure;
  declare lang: Lang;
  /** Core's issues for this definition (validateProcedure), shown beside what they point at. */
  declare problems: Issue[] | undefined;
  /** The procedure's code on the server, when it differs from the definition's own. */
  declare code: string | undefined;
  /** Agencies, calendars and the condition evaluator; loaded through the API when not given. */
  declare environment: EditorEnvironment | undefined;

  constructor() {
    super();
    this.lang = 'vi';
  }

  protected override createRenderRoot(): HTMLElement {
    adoptEditorStyles(this.ownerDocument);
    return this;
  }

  protected t(key: Key, ...args: (string | number)[]): string {
    return tr(this.lang, key, ...args);
  }

  protected text(value: LocalizedText | undefined): string {
    return value ? pick(value, this.lang) : '';
  }

  #loaded: EditorEnvironment | null = null;
  #loading = false;
  /** Why the agencies and calendars could not be loaded, if they could not. */
  protected environmentError = '';

  /** The environment given by the host, or the one loaded through the API (null until it arrives). */
  protected env(): EditorEnvironment | null {
    if (this.environment) return this.environment;
    if (!this.#loaded && !this.#loading) {
      this.#loading = true;
      loadEnvironment().then(
        (e) => {
          this.#loaded = e;
          this.requestUpdate();
        },
        (err: unknown) => {
          this.#loading = false;
          this.environmentError = err instanceof Error ? err.message : String(err);
          this.requestUpdate();
        },
      );
    }
    return this.#loaded;
  }

  /** Emits `next` (a new object) as the definition, with `label` for the undo list. */
  protected emit(next: Procedure, label: string): void {
    this.dispatchEvent(
      new CustomEvent('procedure-change', { detail: { procedure: next, label }, bubbles: true, composed: true }),
    );
  }

  /** Emits a new definition made by `change` on a copy of the current one. */
  protected edit(label: string, change: (draft: Procedure) => void): void {
    const draft = structuredClone(this.procedure);
    change(draft);
    this.emit(draft, label);
  }

  /** Core's problems whose pointer is at or under `prefix`. */
  protected problemsAt(prefix: string): Issue[] {
    return (this.problems ?? []).filter((i) => i.pointer === prefix || i.pointer.startsWith(prefix + '/'));
  }

  protected renderIssues(
    issues: readonly Issue[],
    kind: 'problem' | 'lint' = 'problem',
  ): TemplateResult | typeof nothing {
    if (issues.length === 0) return nothing;
    return html`<ul class="mc-issues mc-issues-${kind}" aria-label=${this.t(kind === 'lint' ? 'lints' : 'problems')}>
      ${issues.map((i) => html`<li data-pointer=${i.pointer}><span aria-hidden="true">⚠</span> ${i.message[this.lang]}</li>`)}
    </ul>`;
  }
}

/** An id unused in `taken`: "prefix", "prefix-2", … */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(prefix)) return prefix;
  for (let n = 2; ; n++) if (!set.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** Moves item `i` of `list` by `delta` places, in place; false when it cannot move. */
export function move<T>(list: T[], i: number, delta: number): boolean {
  const j = i + delta;
  if (i < 0 || j < 0 || i >= list.length || j >= list.length) return false;
  [list[i], list[j]] = [list[j]!, list[i]!];
  return true;
}
