/**
 * The preview is the runtime itself: the server's /embed/motcua.js and its `<motcua-form>` given
 * the current, unsaved definition (data-in properties), at phone or desktop width, in vi or en.
 * Until the form element takes a definition, the runtime's `<motcua-jsonforms>` shows the form
 * (schema and UI schema; rules and validation need the precompiled evaluator). Everything that
 * depends on how the runtime is fed lives in this one module.
 */
import { html, nothing } from 'lit';
import { LightElement } from '../app/light-element.ts';
import type { Lang } from '../app/api.ts';
import { t } from '../i18n/strings.ts';
import type { Definition } from '../store/definition-store.ts';

const RUNTIME_URL = '/embed/motcua.js';
let runtime: Promise<unknown> | null = null;
const loadRuntime = () => (runtime ??= import(/* @vite-ignore */ RUNTIME_URL));

/** Whether the runtime's form element takes a definition as data (rather than a procedure code). */
function takesDefinition(): boolean {
  const ctor = customElements.get('motcua-form') as
    (CustomElementConstructor & { elementProperties?: Map<string, unknown> }) | undefined;
  return Boolean(ctor?.elementProperties?.has('definition'));
}

export class PreviewPane extends LightElement {
  static override properties = {
    lang: {},
    definition: { attribute: false },
    width: { state: true },
    formLang: { state: true },
    ready: { state: true },
    error: { state: true },
  };
  declare lang: Lang;
  declare definition: Definition;
  declare width: 'phone' | 'desktop';
  declare formLang: Lang;
  declare ready: boolean;
  declare error: string;

  constructor() {
    super();
    this.width = 'phone';
    this.formLang = 'vi';
    this.ready = false;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadRuntime().then(
      () => (this.ready = true),
      (err: Error) => (this.error = err.message),
    );
  }

  override render() {
    const lang = this.lang;
    const d = this.definition;
    const form = (d.form ?? {}) as { schema?: unknown; uischema?: unknown };
    return html`<h2>${t(lang, 'preview')}</h2>
      <div class="row">
        <div class="segmented" role="group" aria-label=${t(lang, 'previewWidth')}>
          ${(['phone', 'desktop'] as const).map(
            (w) =>
              html`<button type="button" aria-pressed=${this.width === w} @click=${() => (this.width = w)}>${t(lang, w)}</button>`,
          )}
        </div>
        <div class="segmented" role="group" aria-label=${t(lang, 'previewLang')}>
          ${(['vi', 'en'] as const).map(
            (l) =>
              html`<button type="button" aria-pressed=${this.formLang === l} @click=${() => (this.formLang = l)}>
                ${l === 'vi' ? 'Tiếng Việt' : 'English'}
              </button>`,
          )}
        </div>
      </div>
      ${this.error ? html`<p class="error" role="alert">${t(lang, 'previewUnavailable', this.error)}</p>` : nothing}
      <div class="preview-frame" data-width=${this.width}>
        ${
          !this.ready
            ? html`<p role="status">${t(lang, 'loading')}</p>`
            : takesDefinition()
              ? html`<motcua-form .definition=${d} lang=${this.formLang}></motcua-form>`
              : html`<motcua-jsonforms .schema=${form.schema} .uischema=${form.uischema} lang=${this.formLang}></motcua-jsonforms>`
        }
      </div>`;
  }
}

customElements.define('mc-preview-pane', PreviewPane);
