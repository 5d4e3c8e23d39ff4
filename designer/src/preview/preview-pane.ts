/**
 * The preview is the runtime itself: the server's /embed/motcua.js and its `<motcua-form>` given
 * the current, unsaved definition as data (`.definition .evaluator .agencies .calendars`), at
 * phone or desktop width, in vi or en. This page's CSP forbids eval, and a draft has no
 * precompiled validators: core's interpreted evaluator (a schema walker) runs its conditions and
 * validation. Without a submit handler the form says it is a preview. How the runtime is fed lives
 * here and in scenario-form.ts (a test scenario's answers entered in the same form).
 */
import { html, nothing } from 'lit';
import { createInterpretedEvaluator, type Calendar, type SchemaEvaluator } from '@motcua/core';
import type { PublicAgency } from '@motcua/api';
import { LightElement } from '../app/light-element.ts';
import { api, type Lang } from '../app/api.ts';
import { t } from '../i18n/strings.ts';
import { loadRuntime } from './runtime-loader.ts';
import type { Definition } from '../store/definition-store.ts';

interface Directory {
  agencies: PublicAgency[];
  calendars: Record<string, Calendar>;
}

const evaluator: SchemaEvaluator = createInterpretedEvaluator();
let directory: Promise<Directory> | null = null;

/** The province's active agencies and each one's calendar by agency code, read once. */
function loadDirectory(): Promise<Directory> {
  if (directory) return directory;
  const loading = (async (): Promise<Directory> => {
    const [agencies, calendars] = await Promise.all([
      api.get('/api/v1/agencies', { query: { active: true } }),
      api.get('/api/v1/calendars'),
    ]);
    const byId = new Map(calendars.items.map((c) => [c.id, c.calendar as Calendar]));
    const byAgency: Record<string, Calendar> = {};
    for (const a of agencies.items) {
      const cal = byId.get(a.calendarId);
      if (cal) byAgency[a.code] = cal;
    }
    return {
      agencies: agencies.items.map((a) => ({ code: a.code, name: a.name, kind: a.kind, parent: a.parent ?? null })),
      calendars: byAgency,
    };
  })();
  loading.catch(() => (directory = null));
  return (directory = loading);
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
  #directory: Directory = { agencies: [], calendars: {} };

  constructor() {
    super();
    this.width = 'phone';
    this.formLang = 'vi';
    this.ready = false;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    Promise.all([loadRuntime(), loadDirectory()]).then(
      ([, dir]) => {
        this.#directory = dir;
        this.ready = true;
      },
      (err: Error) => (this.error = err.message),
    );
  }

  override render() {
    const lang = this.lang;
    const d = this.definition;
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
            : html`<motcua-form
                .definition=${d}
                .evaluator=${evaluator}
                .agencies=${this.#directory.agencies}
                .calendars=${this.#directory.calendars}
                lang=${this.formLang}
              ></motcua-form>`
        }
      </div>`;
  }
}

customElements.define('mc-preview-pane', PreviewPane);
