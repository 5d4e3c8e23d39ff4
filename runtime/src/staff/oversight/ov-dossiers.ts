import { LitElement, html, nothing } from 'lit';
import type { CaseView } from '@motcua/api';
import type { OversightDossiersQuery, StaffData } from '../data/staff-data.ts';
import { LangController, msg, t } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';
import { refusalText } from '../ui/refusal.ts';
import { onLinkClick, paths, setWorklist } from '../ui/navigate.ts';
import { COLUMN_LABELS, type Column } from '../inbox/columns.ts';
import { cell } from '../inbox/cells.ts';
import { tableStyles } from './styles.ts';

/** The inbox's columns that say what a dossier is and where it stands; no selection, no action. */
const COLUMNS: Column[] = ['code', 'applicant', 'procedure', 'step', 'channel', 'received', 'due'];

/**
 * <mc-ov-dossiers>: the dossiers behind a dashboard number, in the inbox's table read only (each
 * code opens the dossier page, where the server decides what the reader may do).
 * Properties: `data`, `agency`, `query`, `heading`.
 */
export class OvDossiers extends LitElement {
  static override styles = [staffStyles, tableStyles];
  static override properties = {
    data: { attribute: false },
    agency: { type: String },
    query: { attribute: false },
    heading: { type: String },
    _items: { state: true },
    _next: { state: true },
    _loading: { state: true },
    _error: { state: true },
  };
  declare data: StaffData;
  declare agency: string;
  declare query: OversightDossiersQuery;
  declare heading: string;
  declare _items: CaseView[];
  declare _next: string | null;
  declare _loading: boolean;
  declare _error: string;
  private abort: AbortController | null = null;

  constructor() {
    super();
    new LangController(this);
    this.heading = '';
    this._items = [];
    this._next = null;
    this._loading = false;
    this._error = '';
  }

  /** What the list shown was read for: the host draws a new but equal query on every render. */
  private shownFor = '';

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('query') && !changed.has('agency')) return;
    const key = JSON.stringify([this.agency, this.query]);
    if (key === this.shownFor) return;
    this.shownFor = key;
    void this.load(null);
  }

  private async load(cursor: string | null) {
    if (!this.data || !this.query) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this._loading = true;
    try {
      const page = await this.data.oversightDossiers(
        this.agency,
        { ...this.query, ...(cursor ? { cursor } : {}) },
        abort.signal,
      );
      if (abort.signal.aborted) return;
      this._items = cursor ? [...this._items, ...page.items] : page.items;
      this._next = page.nextCursor;
      this._error = '';
      setWorklist(this._items.map((d) => d.code));
    } catch (e) {
      if (!abort.signal.aborted) this._error = refusalText(e);
    } finally {
      if (!abort.signal.aborted) this._loading = false;
    }
  }

  override render() {
    const now = Date.now();
    return html`<p class="visually-hidden" role="status" aria-live="polite">${this._loading ? t('loading') : ''}</p>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <div class="table-wrap">
        <table class="list" aria-label=${t('ovDrillTable', { what: this.heading })}>
          <thead>
            <tr>
              ${COLUMNS.map((c) => html`<th scope="col">${t(COLUMN_LABELS[c])}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${this._items.map(
              (d) =>
                html`<tr data-code=${d.code}>
                  ${COLUMNS.map((c) => html`<td>${c === 'code' ? codeCell(d) : cell(c, d, now)}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this._items.length === 0 && !this._loading && !this._error ? html`<p>${t('ovDrillEmpty')}</p>` : nothing}
      ${
        this._next
          ? html`<button type="button" ?disabled=${this._loading} @click=${() => this.load(this._next)}>
            ${t('ovMoreDossiers')}
          </button>`
          : nothing
      }`;
  }
}

/** The inbox's code cell, but reachable by Tab (the inbox reaches its rows by keys instead). */
function codeCell(d: CaseView) {
  return html`<a href=${paths.dossier(d.code)} @click=${onLinkClick}>${d.code}</a>
    <div class="hint">${msg(d.statusLabel)}</div>`;
}
