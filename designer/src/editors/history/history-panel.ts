import { html, nothing } from 'lit';
import { shownDate } from '@motcua/core';
import type { VersionInfo } from '@motcua/api';
import type { Client } from '@motcua/api/client';
import { EditorElement } from '../editor-element.ts';
import { editorClient } from '../environment.ts';
import { diffView } from '../diff-view.ts';
import { canDesign } from '../grants.ts';

const DRAFT = 'draft';

/** Published versions, the diff between any two (or a version and the draft), and retiring the procedure. */
export class HistoryPanel extends EditorElement {
  static override properties = {
    ...EditorElement.properties,
    client: { attribute: false },
    versions: { state: true },
    from: { state: true },
    to: { state: true },
    compared: { state: true },
    retiredAt: { state: true },
    allowed: { state: true },
    reason: { state: true },
    message: { state: true },
  };
  declare client: Client | undefined;
  declare versions: VersionInfo[] | null;
  declare from: string;
  declare to: string;
  declare compared: { before: unknown; after: unknown; caption: string } | null;
  declare retiredAt: string | null;
  declare allowed: boolean;
  declare reason: string;
  declare message: string;
  #loadedFor = '';
  #definitions = new Map<string, unknown>();

  constructor() {
    super();
    this.versions = null;
    this.from = '';
    this.to = DRAFT;
    this.compared = null;
    this.retiredAt = null;
    this.allowed = false;
    this.reason = '';
    this.message = '';
  }

  get #client(): Client {
    return this.client ?? editorClient();
  }

  get #code(): string {
    return this.code ?? this.procedure?.code ?? '';
  }

  protected override willUpdate(): void {
    const code = this.#code;
    if (code && code !== this.#loadedFor) {
      this.#loadedFor = code;
      void this.#load(code);
    }
  }

  async #load(code: string) {
    try {
      const [list, detail] = await Promise.all([
        this.#client.get('/api/v1/procedures/{procedureCode}/versions', { params: { procedureCode: code } }),
        this.#client.get('/api/v1/procedures/{procedureCode}', { params: { procedureCode: code } }),
      ]);
      this.versions = list.items;
      this.retiredAt = detail.retiredAt;
      this.from = list.items[0] ? String(list.items[0].version) : '';
      this.allowed = await canDesign(this.#client, this.procedure.owner, this.env()?.directory ?? null);
    } catch (err) {
      this.message = err instanceof Error ? err.message : String(err);
      this.versions ??= [];
    }
  }

  async #definition(which: string): Promise<unknown> {
    if (which === DRAFT) return this.procedure;
    if (!this.#definitions.has(which)) {
      const v = await this.#client.get('/api/v1/procedures/{procedureCode}/versions/{version}', {
        params: { procedureCode: this.#code, version: Number(which) },
      });
      this.#definitions.set(which, v.definition);
    }
    return this.#definitions.get(which);
  }

  async #compare() {
    this.message = '';
    try {
      const [before, after] = await Promise.all([this.#definition(this.from), this.#definition(this.to)]);
      const name = (w: string) => (w === DRAFT ? this.t('draft') : this.t('versionN', w));
      this.compared = { before, after, caption: this.t('jsonDiffBetween', name(this.from), name(this.to)) };
    } catch (err) {
      this.message = err instanceof Error ? err.message : String(err);
    }
  }

  async #retire() {
    this.message = '';
    try {
      await this.#client.post('/api/v1/procedures/{procedureCode}/retire', {
        params: { procedureCode: this.#code },
        body: { reason: this.reason.trim() },
      });
      this.message = this.t('retiredDone');
      this.reason = '';
      this.#loadedFor = '';
      this.requestUpdate();
    } catch (err) {
      this.message = err instanceof Error ? err.message : String(err);
    }
  }

  override render() {
    const versions = this.versions;
    const choice = (value: string, set: (v: string) => void, label: string) => html`<label
      >${label}
      <select @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        <option value=${DRAFT} ?selected=${value === DRAFT}>${this.t('draft')}</option>
        ${(versions ?? []).map((v) => html`<option value=${v.version} ?selected=${String(v.version) === value}>${this.t('versionN', v.version)}</option>`)}
      </select></label
    >`;
    return html`<section class="mc-editor" aria-labelledby="mc-history-h">
      <h2 id="mc-history-h">${this.t('historyTitle')}</h2>
      ${
        versions === null
          ? html`<p role="status">${this.t('loading')}</p>`
          : versions.length === 0
            ? html`<p>${this.t('noVersions')}</p>`
            : html`<table>
              <caption>${this.t('versionsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">${this.t('version')}</th>
                  <th scope="col">${this.t('effectiveFrom')}</th>
                  <th scope="col">${this.t('effectiveUntil')}</th>
                  <th scope="col">${this.t('publishedAt')}</th>
                  <th scope="col">${this.t('inForce')}</th>
                  <th scope="col">${this.t('changeNote')}</th>
                </tr>
              </thead>
              <tbody>
                ${versions.map(
                  (v) => html`<tr>
                    <td>${v.version}</td>
                    <td>${shownDate(v.effectiveFrom)}</td>
                    <td>${v.effectiveUntil ? shownDate(v.effectiveUntil) : '—'}</td>
                    <td>${v.publishedAt}</td>
                    <td>${v.inForce ? this.t('yes') : this.t('no')}</td>
                    <td class="mc-note">${v.note ?? '—'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }
      <fieldset>
        <legend>${this.t('compareTitle')}</legend>
        <div class="mc-row">
          ${choice(this.from, (v) => (this.from = v), this.t('compareFrom'))} ${choice(this.to, (v) => (this.to = v), this.t('compareTo'))}
          <button type="button" ?disabled=${!this.from} @click=${this.#compare}>${this.t('compare')}</button>
        </div>
        ${this.compared ? diffView(this.lang, this.compared.before, this.compared.after, this.compared.caption) : nothing}
      </fieldset>
      <fieldset>
        <legend>${this.t('retireTitle')}</legend>
        ${
          this.retiredAt
            ? html`<p>${this.t('retiredAt', this.retiredAt)}</p>`
            : html`<label
                >${this.t('retireReason')}
                <textarea rows="2" cols="60" required .value=${this.reason} @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
              </label>
              ${this.allowed ? nothing : html`<p>${this.t('blockRole')}</p>`}
              <button type="button" ?disabled=${!this.allowed || !this.reason.trim()} @click=${this.#retire}>${this.t('retire')}</button>`
        }
      </fieldset>
      <p role="status">${this.message}</p>
    </section>`;
  }
}

customElements.define('mc-history-panel', HistoryPanel);
