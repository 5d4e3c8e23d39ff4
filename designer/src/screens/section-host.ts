/**
 * Hosts the editor of one section: the custom element named for it (`mc-<name>-editor`,
 * `mc-publish-panel`, `mc-history-panel`) when the page defines it — it gets `.procedure` and
 * `.lang` and answers with `procedure-change` events — or else the way to edit it in the JSON
 * view; publishing and the version list have a plain built-in form meanwhile.
 */
import { html, nothing } from 'lit';
import { shownDate, type Issue } from '@motcua/core';
import type { ProcedureDetail, VersionInfo } from '@motcua/api';
import { LightElement } from '../app/light-element.ts';
import { api, errorText, type Lang } from '../app/api.ts';
import { t } from '../i18n/strings.ts';
import type { Section } from '../app/sections.ts';
import type { Definition } from '../store/definition-store.ts';

interface HostedEditor extends HTMLElement {
  procedure: Definition;
  lang: Lang;
  code?: string;
  problems?: Issue[];
  flush?: () => Promise<void>;
}

export class SectionHost extends LightElement {
  static override properties = {
    lang: {},
    procedure: { attribute: false },
    section: { attribute: false },
    code: {},
    detail: { attribute: false },
    issues: { attribute: false },
    flush: { attribute: false },
    message: { state: true },
    versions: { state: true },
  };
  declare lang: Lang;
  declare procedure: Definition;
  declare section: Section;
  declare code: string;
  declare detail: ProcedureDetail | null;
  declare issues: Issue[];
  declare flush: () => Promise<void>;
  declare message: string;
  declare versions: VersionInfo[] | null;
  #editor: HostedEditor | null = null;

  constructor() {
    super();
    this.message = '';
    this.versions = null;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('section')) {
      this.message = '';
      this.#editor = null;
      const tag = this.section.tag;
      if (tag && customElements.get(tag)) this.#editor = document.createElement(tag) as HostedEditor;
      else if (tag)
        // The editors arrive in their own chunk after the first paint; take over once it is here.
        void customElements.whenDefined(tag).then(() => {
          if (this.section.tag !== tag || this.#editor) return;
          this.#editor = document.createElement(tag) as HostedEditor;
          this.requestUpdate();
        });
      if (this.section.id === 'history' && !this.#editor) void this.#loadVersions();
    }
    if (this.#editor) {
      this.#editor.procedure = this.procedure;
      this.#editor.lang = this.lang;
      this.#editor.code = this.code;
      this.#editor.problems = this.issues;
      this.#editor.flush = this.flush;
    }
  }

  async #loadVersions() {
    try {
      this.versions = (
        await api.get('/api/v1/procedures/{procedureCode}/versions', { params: { procedureCode: this.code } })
      ).items;
    } catch (err) {
      this.message = errorText(err, this.lang);
    }
  }

  async #publish() {
    this.message = '';
    try {
      await this.flush();
      const detail = await api.get('/api/v1/procedures/{procedureCode}', { params: { procedureCode: this.code } });
      if (!detail.validation.valid) {
        this.message = t(this.lang, 'p_invalid', detail.validation.issues.length);
        return;
      }
      const v = await api.post('/api/v1/procedures/{procedureCode}/versions', {
        params: { procedureCode: this.code },
        body: { draftRevision: detail.draftRevision },
      });
      this.message = t(this.lang, 'p_published', v.version);
    } catch (err) {
      this.message = errorText(err, this.lang);
    }
  }

  override render() {
    const lang = this.lang;
    if (this.#editor) return this.#editor;
    const fallback = html`<p>${t(lang, 'noEditor')}</p>
      <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('open-json', { bubbles: true }))}>
        ${t(lang, 'openJsonAt')}
      </button>`;
    if (this.section.id === 'publish')
      return html`${fallback}
        <h2>${t(lang, 'p_publish')}</h2>
        <button type="button" class="primary" @click=${this.#publish}>${t(lang, 'p_publish')}</button>
        ${this.message ? html`<p role="status">${this.message}</p>` : nothing}`;
    if (this.section.id === 'history')
      return html`<h2>${t(lang, 'h_versions')}</h2>
        ${this.message ? html`<p role="alert">${this.message}</p>` : nothing}
        ${
          this.versions === null
            ? html`<p role="status">${t(lang, 'loading')}</p>`
            : this.versions.length === 0
              ? html`<p>${t(lang, 'h_none')}</p>`
              : html`<ul>
                ${this.versions.map(
                  (v) =>
                    html`<li>${t(lang, 'h_version', v.version, shownDate(v.effectiveFrom), v.inForce ? t(lang, 'h_inForce') : '')}</li>`,
                )}
              </ul>`
        }`;
    return fallback;
  }
}

customElements.define('mc-section-host', SectionHost);
