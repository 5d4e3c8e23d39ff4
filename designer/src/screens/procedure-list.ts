/**
 * The procedures owned by the designer's agencies, with their state (draft, published, scheduled,
 * retired), and the way to create one: from scratch, from a template or from a JSON file.
 */
import { html } from 'lit';
import type { ProcedureSummary } from '@motcua/api';
import { LightElement } from '../app/light-element.ts';
import { api, errorText, type Lang } from '../app/api.ts';
import { t } from '../i18n/strings.ts';
import { rebase, skeleton, templates } from '../app/new-procedure.ts';
import { provinceToday } from '../app/province-today.ts';
import type { Definition } from '../store/definition-store.ts';

type State = 'draft' | 'published' | 'scheduled' | 'retired';

const FILTER_KEYS = {
  draft: 'stateDraft',
  published: 'filterPublished',
  scheduled: 'stateScheduled',
  retired: 'stateRetired',
} as const;

export function stateOf(p: ProcedureSummary): State {
  if (p.retiredAt) return 'retired';
  if (p.latestVersion === 0) return 'draft';
  return p.versionInForce !== null ? 'published' : 'scheduled';
}

export class ProcedureList extends LightElement {
  static override properties = {
    lang: {},
    agencies: { attribute: false },
    items: { state: true },
    filter: { state: true },
    creating: { state: true },
    source: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  declare lang: Lang;
  declare agencies: string[];
  declare items: ProcedureSummary[] | null;
  declare filter: State | 'all';
  declare creating: boolean;
  declare source: 'scratch' | 'template' | 'import';
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.lang = 'vi';
    this.agencies = [];
    this.items = null;
    this.filter = 'all';
    this.creating = false;
    this.source = 'scratch';
    this.error = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    try {
      const lists = await Promise.all(
        this.agencies.map((owner) => api.get('/api/v1/procedures', { query: { owner } }).then((r) => r.items)),
      );
      const byCode = new Map(lists.flat().map((p) => [p.code, p]));
      this.items = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
    } catch (err) {
      this.error = errorText(err, this.lang);
      this.items = [];
    }
  }

  #stateText(p: ProcedureSummary) {
    const s = stateOf(p);
    const lang = this.lang;
    if (s === 'published') return t(lang, 'statePublished', p.versionInForce ?? '');
    return t(lang, s === 'draft' ? 'stateDraft' : s === 'scheduled' ? 'stateScheduled' : 'stateRetired');
  }

  async #create(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const code = String(data.get('code')).trim();
    const owner = String(data.get('owner'));
    this.busy = true;
    this.error = '';
    try {
      let definition: Definition;
      if (this.source === 'template') {
        const tpl = templates().find((x) => x.id === data.get('template'))!;
        definition = rebase(await tpl.load(), code, owner);
      } else if (this.source === 'import') {
        const file = data.get('file') as File;
        let parsed: unknown;
        try {
          parsed = JSON.parse(await file.text());
        } catch (err) {
          throw new Error(t(this.lang, 'invalidFile', (err as Error).message));
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error(t(this.lang, 'invalidFile', '{…}'));
        definition = rebase(parsed as Definition, code, owner);
      } else {
        const today = provinceToday(Date.now());
        definition = skeleton(
          code,
          owner,
          { vi: String(data.get('titleVi')).trim(), en: String(data.get('titleEn') ?? '').trim() },
          today,
        );
      }
      await api.post('/api/v1/agencies/{agencyCode}/procedures', { params: { agencyCode: owner }, body: definition });
      location.hash = `#/p/${encodeURIComponent(code)}/general`;
    } catch (err) {
      this.error = errorText(err, this.lang);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const lang = this.lang;
    const items = (this.items ?? []).filter((p) => this.filter === 'all' || stateOf(p) === this.filter);
    return html`
      <section aria-labelledby="list-title">
        <div class="row">
          <h1 id="list-title">${t(lang, 'procedures')}</h1>
          <span class="spacer"></span>
          <label
            >${t(lang, 'filter')}
            <select @change=${(e: Event) => (this.filter = (e.target as HTMLSelectElement).value as State)}>
              <option value="all">${t(lang, 'filterAll')}</option>
              ${(['draft', 'published', 'scheduled', 'retired'] as const).map(
                (s) => html`<option value=${s}>${t(lang, FILTER_KEYS[s])}</option>`,
              )}
            </select>
          </label>
          <button class="primary" type="button" @click=${() => (this.creating = !this.creating)} aria-expanded=${this.creating}>
            ${t(lang, 'create')}
          </button>
        </div>
        ${this.creating ? this.#createForm() : ''} ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        ${
          this.items === null
            ? html`<p role="status">${t(lang, 'loading')}</p>`
            : items.length === 0
              ? html`<p>${t(lang, 'noProcedures')}</p>`
              : html`<table class="list">
                <thead>
                  <tr>
                    <th scope="col">${t(lang, 'code')}</th>
                    <th scope="col">${t(lang, 'name')}</th>
                    <th scope="col">${t(lang, 'agency')}</th>
                    <th scope="col">${t(lang, 'state')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${items.map(
                    (p) => html`<tr>
                      <td><a href="#/p/${encodeURIComponent(p.code)}/general">${p.code}</a></td>
                      <td>${lang === 'en' ? (p.title.en ?? p.title.vi) : p.title.vi}</td>
                      <td>${p.owner}</td>
                      <td>${this.#stateText(p)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`
        }
      </section>
    `;
  }

  #createForm() {
    const lang = this.lang;
    const source = this.source;
    return html`<form class="card" @submit=${this.#create} aria-labelledby="create-title">
      <h2 id="create-title">${t(lang, 'create')}</h2>
      <fieldset>
        <legend>${t(lang, 'createFrom')}</legend>
        ${(['scratch', 'template', 'import'] as const).map(
          (s) =>
            html`<label class="inline"
              ><input
                type="radio"
                name="source"
                value=${s}
                .checked=${source === s}
                @change=${() => (this.source = s)}
              />
              ${t(lang, s === 'scratch' ? 'fromScratch' : s === 'template' ? 'fromTemplate' : 'fromImport')}</label
            >`,
        )}
      </fieldset>
      <label
        >${t(lang, 'newCode')}
        <input name="code" required pattern="[0-9A-Za-z][0-9A-Za-z._\\-]*" maxlength="64" aria-describedby="code-help" />
      </label>
      <p id="code-help" class="hint">${t(lang, 'newCodeHelp')}</p>
      <label
        >${t(lang, 'agency')}
        <select name="owner">
          ${this.agencies.map((a) => html`<option value=${a}>${a}</option>`)}
        </select>
      </label>
      ${
        source === 'scratch'
          ? html`<label>${t(lang, 'titleVi')} <input name="titleVi" required /></label>
            <label>${t(lang, 'titleEn')} <input name="titleEn" /></label>`
          : source === 'template'
            ? html`<label
              >${t(lang, 'template')}
              <select name="template">
                ${templates().map((x) => html`<option value=${x.id}>${x.id}</option>`)}
              </select></label
            >`
            : html`<label>${t(lang, 'jsonFile')} <input name="file" type="file" accept=".json,application/json" required /></label>`
      }
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy}>${t(lang, 'createNow')}</button>
        <button type="button" @click=${() => (this.creating = false)}>${t(lang, 'cancel')}</button>
      </div>
    </form>`;
  }
}

customElements.define('mc-procedure-list', ProcedureList);
