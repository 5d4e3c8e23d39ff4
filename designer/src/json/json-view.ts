/**
 * The whole definition as JSON in Monaco. Edits become definitions in the one store (one undo
 * history with the visual views: Ctrl+Z here is the store's undo); text that is not valid JSON
 * never reaches the store, so the visual views keep the last valid definition while the syntax
 * problem is reported. Core's problems are marked at their places.
 */
import { html } from 'lit';
import { parseJsonSource } from '@motcua/core/json-source';
import type { Issue } from '@motcua/core';
import { LightElement } from '../app/light-element.ts';
import type { Lang } from '../app/api.ts';
import { t } from '../i18n/strings.ts';
import type { Definition, DefinitionStore } from '../store/definition-store.ts';

type Monaco = typeof import('./monaco-setup.ts');
type Editor = ReturnType<Monaco['monaco']['editor']['create']>;

let loading: Promise<Monaco> | null = null;
const loadMonaco = () => (loading ??= import('./monaco-setup.ts'));

export class JsonView extends LightElement {
  static override properties = {
    lang: {},
    definition: { attribute: false },
    store: { attribute: false },
    issues: { attribute: false },
    ready: { state: true },
  };
  declare lang: Lang;
  declare definition: Definition;
  declare store: DefinitionStore;
  declare issues: Issue[];
  declare ready: boolean;
  #m: Monaco | null = null;
  #editor: Editor | null = null;
  #applying = false;
  #shown: Definition | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.ready = false;
    this.issues = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadMonaco().then((m) => {
      this.#m = m;
      this.ready = true;
    });
  }

  override disconnectedCallback(): void {
    this.flush();
    this.#editor?.getModel()?.dispose();
    this.#editor?.dispose();
    this.#editor = null;
    super.disconnectedCallback();
  }

  protected override updated(): void {
    const m = this.#m;
    if (!m) return;
    const host = this.querySelector('.monaco-host') as HTMLElement | null;
    if (!this.#editor && host) {
      const model = m.monaco.editor.createModel('', 'json', m.monaco.Uri.parse(m.PROCEDURE_URI));
      this.#editor = m.monaco.editor.create(host, {
        model,
        automaticLayout: true,
        minimap: { enabled: false },
        tabSize: 2,
        fixedOverflowWidgets: true,
        ariaLabel: t(this.lang, 'jsonEditor'),
      });
      model.onDidChangeContent(() => {
        if (this.#applying) return;
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => this.flush(), 250);
      });
    }
    if (this.#editor && this.definition !== this.#shown) this.#show(this.definition);
    this.#mark();
  }

  /** Puts a definition that came from elsewhere (a visual edit, undo) into the text. */
  #show(definition: Definition) {
    const editor = this.#editor!;
    this.#shown = definition;
    const text = JSON.stringify(definition, null, 2);
    const model = editor.getModel()!;
    if (model.getValue() === text) return;
    const view = editor.saveViewState();
    this.#applying = true;
    model.setValue(text);
    this.#applying = false;
    if (view) editor.restoreViewState(view);
    this.dispatchEvent(new CustomEvent('json-syntax', { detail: [], bubbles: true }));
  }

  /** Applies pending typing now (before an undo, or when the view closes). */
  flush(): void {
    clearTimeout(this.#timer);
    const model = this.#editor?.getModel();
    if (!model) return;
    const parsed = parseJsonSource(model.getValue());
    if (!parsed.ok) {
      const line = parsed.position.line;
      const issue: Issue = {
        pointer: '',
        code: 'json-syntax',
        message: {
          vi: `${t('vi', 'line', line)}: ${parsed.message.vi}`,
          en: `${t('en', 'line', line)}: ${parsed.message.en}`,
        },
      };
      this.dispatchEvent(new CustomEvent('json-syntax', { detail: [issue], bubbles: true }));
      return;
    }
    this.dispatchEvent(new CustomEvent('json-syntax', { detail: [], bubbles: true }));
    const value = parsed.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    if (JSON.stringify(value) === JSON.stringify(this.#shown)) return;
    this.#shown = value as Definition;
    this.dispatchEvent(
      new CustomEvent('procedure-change', {
        detail: { procedure: value, label: 'JSON', source: 'json' },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** Core's problems as markers at their places. */
  #mark() {
    const m = this.#m;
    const model = this.#editor?.getModel();
    if (!m || !model) return;
    const parsed = parseJsonSource(model.getValue());
    if (!parsed.ok) return;
    m.monaco.editor.setModelMarkers(
      model,
      'motcua',
      this.issues.map((i) => {
        const s = parsed.span(i.pointer);
        return {
          severity: m.monaco.MarkerSeverity.Error,
          message: this.lang === 'en' ? i.message.en : i.message.vi,
          startLineNumber: s.start.line,
          startColumn: s.start.column,
          endLineNumber: s.end.line,
          endColumn: s.end.column,
        };
      }),
    );
  }

  /** Puts the cursor on the place of `pointer`. */
  async reveal(pointer: string): Promise<void> {
    await loadMonaco();
    await this.updateComplete;
    const editor = this.#editor;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const parsed = parseJsonSource(model.getValue());
    if (!parsed.ok) return;
    const p = parsed.locate(pointer);
    editor.setPosition({ lineNumber: p.line, column: p.column });
    editor.revealLineInCenter(p.line);
    editor.focus();
  }

  override render() {
    return html`${this.ready ? '' : html`<p role="status">${t(this.lang, 'jsonLoading')}</p>`}
      <div class="monaco-host" data-testid="json-editor"></div>`;
  }
}

customElements.define('mc-json-view', JsonView);
