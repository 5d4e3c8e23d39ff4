import { LitElement, css, html, nothing } from 'lit';
import type { CaseView, PublicProcedureSummary, StaffPreferences } from '@motcua/api';
import type { InboxFilter, LiveChange, QueueScope, StaffData } from '../data/staff-data.ts';
import { LangController, msg, t } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';
import { navigate, onLinkClick, paths, setWorklist } from '../ui/navigate.ts';
import { refusalText } from '../ui/refusal.ts';
import { QUEUES, STAGES, STAGE_LABELS, WAITING, queueById, queueFilter, type QueueDef } from './queues.ts';
import {
  forgetLocalFilters,
  loadScope,
  localFilters,
  mergeFilters,
  saveScope,
  withFilter,
  withoutFilter,
  type SavedFilter,
} from './saved-filters.ts';
import { COLUMNS, COLUMN_LABELS, columnChoice, columnsOf, takeLocalColumns, type Column } from './columns.ts';
import { cell } from './cells.ts';
import { runBulk, type BulkKind, type BulkResult } from './bulk.ts';

/**
 * <motcua-staff-inbox>: the queues of an agency grouped by stage with their counts (core's queues,
 * counted by the server), and the table of one queue (personal or unit scope, filters, saved
 * filters, column choice, CSV export, cursor paging, search, bulk operations, keyboard). Live: the
 * agency's changes arrive as they happen and the list and counts are read again.
 * Properties: `data`, `agency`, `queue` (a queue id), `user` (whose saved filters).
 * Navigates with `motcua-navigate`.
 */
export class StaffInbox extends LitElement {
  static override styles = [
    staffStyles,
    css`
      /* minmax(0, …): a wide table scrolls in its own box instead of widening the page. */
      .layout {
        display: grid;
        grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr);
        gap: 1rem;
        align-items: start;
      }
      /* A landscape tablet: the narrowest list of queues, a denser table (more rows on screen). */
      @media (max-width: 80rem) {
        .layout {
          grid-template-columns: 12rem minmax(0, 1fr);
        }
        table {
          font-size: 0.875rem;
        }
        th,
        td {
          padding: 0.4rem 0.35rem;
        }
        td .hint {
          font-size: 0.8rem;
        }
      }
      /* A portrait tablet: the queues above the list, side by side, so the list still shows. */
      @media (max-width: 60rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        nav {
          columns: 14rem;
          column-gap: 1.5rem;
        }
        nav .scope,
        nav ul {
          break-inside: avoid;
        }
        nav h2 {
          break-after: avoid;
          font-size: 1rem;
          margin: 0.25rem 0;
        }
        nav ul {
          margin-bottom: 0.25rem;
        }
        nav a {
          padding-block: 0.2rem;
        }
      }
      /* On a touch screen there are no keys to tell of. */
      @media (hover: none) {
        #inbox-keys {
          display: none;
        }
      }
      nav ul {
        list-style: none;
        margin: 0 0 0.75rem;
        padding: 0;
      }
      nav a {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        padding: 0.35rem 0.5rem;
        border-radius: var(--_radius);
        text-decoration: none;
        color: var(--_text);
      }
      nav a[aria-current='page'] {
        background: var(--_primary);
        color: var(--_on-primary);
      }
      .count {
        font-variant-numeric: tabular-nums;
      }
      .table-wrap {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        background: var(--_bg);
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 0.45rem 0.5rem;
        border-bottom: 1px solid #d5dae1;
      }
      th {
        background: var(--_surface);
        font-size: 0.9rem;
      }
      tbody tr[aria-selected='true'] {
        background: #e8f0fa;
      }
      tbody tr:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: -3px;
        box-shadow: none;
      }
      tbody tr.current {
        box-shadow: inset 4px 0 0 var(--_primary);
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
        margin-bottom: 0.75rem;
      }
      .toolbar .field {
        margin: 0;
      }
      .toolbar .search {
        flex: 1 1 14rem;
      }
      .toolbar .search input {
        width: 100%;
      }
      /* Procedure titles are long: the choice keeps its width, the open list shows them whole. */
      #inbox-procedure {
        width: 16rem;
      }
      .tools {
        align-items: start;
        margin-bottom: 0.75rem;
      }
      .tools details {
        margin: 0;
      }
      /* A tap target of more than 24 px, a summary being a single line of text. */
      summary {
        padding: 0.4rem 0;
        cursor: pointer;
      }
      details {
        margin-bottom: 0.75rem;
      }
      fieldset {
        border: 1px solid #c6ccd5;
        border-radius: var(--_radius);
      }
      .choice {
        margin-inline-end: 1rem;
        font-weight: 400;
      }
      .paging {
        margin-top: 0.75rem;
      }
      [role='group'] {
        margin-bottom: 0.75rem;
      }
      .results li.failed {
        color: var(--_error);
      }
      .scope {
        margin-bottom: 0.75rem;
      }
      /* One choice a line: "Cả đơn vị" is not cut in two in the narrow column. */
      .scope .choice {
        display: block;
        white-space: nowrap;
      }
      .saved ul {
        list-style: none;
        padding: 0;
      }
      button.link {
        border: none;
        background: none;
        color: var(--_primary);
        text-decoration: underline;
        padding: 0.25rem 0;
      }
    `,
  ];
  static override properties = {
    data: { attribute: false },
    agency: { type: String },
    queue: { type: String },
    user: { type: String },
    _scope: { state: true },
    _saved: { state: true },
    _items: { state: true },
    _next: { state: true },
    _counts: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _focus: { state: true },
    _selected: { state: true },
    _columns: { state: true },
    _results: { state: true },
    _notice: { state: true },
    _busy: { state: true },
    _procedures: { state: true },
  };
  declare data: StaffData;
  declare agency: string;
  declare queue: string;
  declare user: string;
  declare _scope: QueueScope;
  declare _saved: SavedFilter[];
  declare _items: CaseView[];
  declare _next: string | null;
  declare _counts: Record<string, number>;
  declare _loading: boolean;
  declare _error: string;
  declare _focus: number;
  declare _selected: Set<string>;
  declare _columns: Set<Column>;
  declare _results: BulkResult[];
  declare _notice: string;
  declare _busy: boolean;
  declare _procedures: PublicProcedureSummary[];
  private search: Pick<InboxFilter, 'q' | 'channel' | 'procedure'> = {};
  /** Cursors of the pages before the one shown ('' for the first). */
  private cursors: string[] = [];
  private cursor = '';
  private stopWatch: (() => void) | null = null;
  private abort: AbortController | null = null;
  private now = Date.now();
  private liveTimer: ReturnType<typeof setTimeout> | null = null;
  /** The stored preferences as last known (saved whole on each change, one save after the other). */
  private prefs: StaffPreferences = { savedFilters: [], columns: null };
  private saving: Promise<unknown> = Promise.resolve();
  private shown!: () => void;
  private isDrawn = false;
  /**
   * Resolves once the first page of the list (or why it failed) is drawn. What the first screen
   * does not need waits for it: the procedures of the search form here, the other screens' code in
   * the app. Marked `motcua-inbox-drawn` for the browser's performance timeline.
   */
  readonly drawn: Promise<void> = new Promise((resolve) => (this.shown = resolve));

  constructor() {
    super();
    new LangController(this);
    this.agency = '';
    this.queue = '';
    this.user = '';
    this._scope = 'unit';
    this._saved = [];
    this._items = [];
    this._next = null;
    this._counts = {};
    this._loading = false;
    this._error = '';
    this._focus = 0;
    this._selected = new Set();
    this._columns = columnsOf(null);
    this._results = [];
    this._notice = '';
    this._busy = false;
    this._procedures = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.drawn.then(() =>
      this.data
        ?.procedures()
        .then((p) => (this._procedures = p))
        .catch(() => undefined),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatch?.();
    this.stopWatch = null;
    this.abort?.abort();
    if (this.liveTimer) clearTimeout(this.liveTimer);
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('user')) this._scope = loadScope(globalThis.localStorage, this.user);
    if ((changed.has('user') || changed.has('data')) && this.data && this.user) void this.loadPreferences();
    if ((changed.has('agency') || changed.has('data')) && this.data && this.agency) {
      this.stopWatch?.();
      this.stopWatch = this.data.watch(this.agency, (c) => this.onLiveChange(c));
    }
    const recount = ['agency', 'data', '_scope'].some((k) => changed.has(k));
    const reload = recount || changed.has('queue');
    if (reload && this.data && this.agency) {
      this.cursors = [];
      this.cursor = '';
      this._selected = new Set();
      this._focus = 0;
      const listed = this.load();
      // The counts scan all the agency's open dossiers: asked once the list has come, so that the
      // rows are not slowed down by them.
      if (recount) void listed.then(() => this.loadCounts());
    }
  }

  private get def(): QueueDef {
    return queueById(this.queue);
  }

  private filter(): InboxFilter {
    return { ...this.viewFilter(), ...(this.cursor ? { cursor: this.cursor } : {}), limit: 25 };
  }

  /** The list shown, without paging: what the export takes. */
  private viewFilter(): InboxFilter {
    return { ...queueFilter(this.def, this._scope), ...this.search };
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this._loading = true;
    this._error = '';
    try {
      const page = await this.data.inbox(this.agency, this.filter(), abort.signal);
      if (abort.signal.aborted) return;
      this.now = Date.now();
      this._items = page.items;
      this._next = page.nextCursor;
      this._focus = Math.min(this._focus, Math.max(0, page.items.length - 1));
      setWorklist(page.items.map((d) => d.code));
    } catch (e) {
      if (!abort.signal.aborted) this._error = refusalText(e);
    } finally {
      if (!abort.signal.aborted) {
        this._loading = false;
        void this.updateComplete.then(() => this.firstDrawn());
      }
    }
  }

  private firstDrawn() {
    if (this.isDrawn) return;
    this.isDrawn = true;
    performance.mark?.('motcua-inbox-drawn');
    this.shown();
  }

  private async loadCounts(): Promise<void> {
    const agency = this.agency;
    try {
      const queues = await this.data.queues(agency, this._scope);
      if (agency !== this.agency || queues.scope !== this._scope) return;
      this._counts = Object.fromEntries(queues.stages.flatMap((s) => s.queues.map((q) => [q.id, q.count])));
    } catch {
      // the counts stay as they were; the list says what went wrong
    }
  }

  /** A burst of changes (a bulk claim) is read once, shortly after the last of them. */
  private onLiveChange(c: LiveChange): void {
    if (this.liveTimer) clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(() => {
      this.liveTimer = null;
      void Promise.all([this.load(), this.loadCounts()]).then(() => {
        const who = c.change?.actor.name;
        this._notice = c.change?.code && who ? t('liveChangeBy', { code: c.change.code, who }) : t('liveUpdated');
      });
    }, 250);
  }

  /**
   * The person's saved filters and columns, from the server (asked beside the page, not before it).
   * What this browser kept before they lived on the server is moved there once.
   */
  private async loadPreferences() {
    const user = this.user;
    let p: StaffPreferences;
    try {
      p = await this.data.preferences();
    } catch {
      return; // the defaults stay; the list and the actions still work
    }
    if (user !== this.user) return;
    const local = localFilters(globalThis.localStorage, user);
    const localColumns = p.columns === null ? takeLocalColumns() : null;
    const merged = { savedFilters: mergeFilters(p.savedFilters, local), columns: p.columns ?? localColumns };
    this.show(merged);
    if (local.length || localColumns) {
      if (await this.savePreferences(merged)) forgetLocalFilters(globalThis.localStorage, user);
    }
  }

  private show(p: StaffPreferences) {
    this.prefs = p;
    this._saved = p.savedFilters;
    this._columns = columnsOf(p.columns);
  }

  /** Shows the change at once and stores it; a refusal is said, and the server's copy shown again. */
  private savePreferences(next: StaffPreferences): Promise<boolean> {
    this.show(next);
    const done = this.saving.then(async () => {
      try {
        this.show(await this.data.savePreferences(next));
        return true;
      } catch (e) {
        this._error = `${t('preferencesNotSaved')} ${refusalText(e)}`;
        this.show(await this.data.preferences().catch(() => this.prefs));
        return false;
      }
    });
    this.saving = done;
    return done;
  }

  private setScope(scope: QueueScope) {
    if (scope === this._scope) return;
    this._scope = scope;
    saveScope(globalThis.localStorage, this.user, scope);
  }

  private saveCurrent(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!name) return;
    const filter: SavedFilter = { name, queue: this.def.id, scope: this._scope };
    if (this.search.q) filter.q = this.search.q;
    if (this.search.channel) filter.channel = this.search.channel;
    if (this.search.procedure) filter.procedure = this.search.procedure;
    void this.savePreferences({ ...this.prefs, savedFilters: withFilter(this.prefs.savedFilters, filter) });
    form.reset();
    this._notice = t('filterSaved', { name });
  }

  private applySaved(f: SavedFilter) {
    this.search = {
      ...(f.q ? { q: f.q } : {}),
      ...(f.channel ? { channel: f.channel } : {}),
      ...(f.procedure ? { procedure: f.procedure } : {}),
    };
    if (f.scope !== this._scope) this.setScope(f.scope);
    if (f.queue !== this.def.id) navigate(this, paths.inbox(f.queue));
    else {
      this.cursors = [];
      this.cursor = '';
      void this.load();
    }
  }

  private onSearch(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const channel = String(f.get('channel') ?? '');
    this.search = {
      q: String(f.get('q') ?? '').trim() || undefined,
      procedure: String(f.get('procedure') ?? '') || undefined,
      channel: (['online', 'direct', 'postal'].includes(channel) ? channel : undefined) as InboxFilter['channel'],
    };
    this.cursors = [];
    this.cursor = '';
    void this.load();
  }

  private page(direction: 'next' | 'first') {
    if (direction === 'next' && this._next) {
      this.cursors.push(this.cursor);
      this.cursor = this._next;
    } else {
      this.cursors = [];
      this.cursor = '';
    }
    this._focus = 0;
    void this.load();
  }

  private toggleColumn(column: Column, on: boolean) {
    const next = new Set(this._columns);
    if (on) next.add(column);
    else if (column !== 'code') next.delete(column);
    void this.savePreferences({ ...this.prefs, columns: columnChoice(next) });
  }

  private toggleSelected(code: string, on?: boolean) {
    const next = new Set(this._selected);
    if (on ?? !next.has(code)) next.add(code);
    else next.delete(code);
    this._selected = next;
  }

  private toggleAll(on: boolean) {
    this._selected = on ? new Set(this._items.map((d) => d.code)) : new Set();
  }

  private async bulk(kind: BulkKind) {
    const chosen = this._items.filter((d) => this._selected.has(d.code));
    if (chosen.length === 0) return;
    this._busy = true;
    try {
      const results = await runBulk(this.data, kind, chosen, (label) => msg(label));
      this._results = [...results, ...this._results];
      this._selected = new Set(results.filter((r) => !r.ok).map((r) => r.code));
      await Promise.all([this.load(), this.loadCounts()]);
    } finally {
      this._busy = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#bulk-results')?.focus();
  }

  private focusRow(index: number) {
    if (this._items.length === 0) return;
    this._focus = Math.max(0, Math.min(this._items.length - 1, index));
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`tbody tr[data-index="${this._focus}"]`)?.focus(),
    );
  }

  private onKey(e: KeyboardEvent) {
    const target = e.composedPath()[0] as HTMLElement;
    if (target.matches('input, select, textarea, button, a') && !target.matches('tr')) {
      if (!(target instanceof HTMLInputElement && target.type === 'checkbox')) return;
    }
    const d = this._items[this._focus];
    switch (e.key) {
      case 'j':
      case 'ArrowDown':
        e.preventDefault();
        this.focusRow(this._focus + 1);
        break;
      case 'k':
      case 'ArrowUp':
        e.preventDefault();
        this.focusRow(this._focus - 1);
        break;
      case 'Enter':
        if (d && !(target instanceof HTMLInputElement)) {
          e.preventDefault();
          navigate(this, paths.dossier(d.code));
        }
        break;
      case 'x':
      case ' ':
        if (d && !(target instanceof HTMLInputElement)) {
          e.preventDefault();
          this.toggleSelected(d.code);
        }
        break;
    }
  }

  private queueLink(q: QueueDef) {
    const c = this._counts[q.id];
    const counted = q.id !== WAITING;
    return html`<li>
      <a href=${paths.inbox(q.id)} @click=${onLinkClick} aria-current=${q.id === this.def.id ? 'page' : 'false'}
        ><span>${t(q.label)}</span>${
          counted
            ? html`<span class="count" aria-label=${c === undefined ? t('loading') : t('queueCount', { count: c })}
              >${c ?? '…'}</span
            >`
            : nothing
        }</a
      >
    </li>`;
  }

  private renderQueues() {
    return html`<nav aria-label=${t('queues')}>
      <fieldset class="scope">
        <legend>${t('scope')}</legend>
        ${(['personal', 'unit'] as const).map(
          (s) =>
            html`<label class="choice"
              ><input
                type="radio"
                name="scope"
                value=${s}
                .checked=${this._scope === s}
                @change=${() => this.setScope(s)}
              />
              ${t(s === 'personal' ? 'scopePersonal' : 'scopeUnit')}</label
            >`,
        )}
      </fieldset>
      <ul>
        ${QUEUES.filter((q) => q.stage === null).map((q) => this.queueLink(q))}
      </ul>
      ${STAGES.map(
        (stage) =>
          html`<h2 id="stage-${stage}">${t(STAGE_LABELS[stage])}</h2>
            <ul aria-labelledby="stage-${stage}">
              ${QUEUES.filter((q) => q.stage === stage).map((q) => this.queueLink(q))}
            </ul>`,
      )}
    </nav>`;
  }

  private renderSaved() {
    return html`<details class="saved">
      <summary>${t('savedFilters')} (${this._saved.length})</summary>
      ${
        this._saved.length
          ? html`<ul>
            ${this._saved.map(
              (f) =>
                html`<li class="row">
                  <button type="button" class="link" @click=${() => this.applySaved(f)}>${f.name}</button>
                  <button
                    type="button"
                    aria-label=${t('deleteFilter', { name: f.name })}
                    @click=${() =>
                      void this.savePreferences({
                        ...this.prefs,
                        savedFilters: withoutFilter(this.prefs.savedFilters, f.name),
                      })}
                  >
                    ×
                  </button>
                </li>`,
            )}
          </ul>`
          : html`<p>${t('noSavedFilters')}</p>`
      }
      <form class="row" @submit=${this.saveCurrent}>
        <div class="field">
          <label for="filter-name">${t('filterName')}</label>
          <input id="filter-name" name="name" maxlength="80" required />
        </div>
        <button type="submit">${t('saveFilter')}</button>
      </form>
    </details>`;
  }

  private renderToolbar() {
    return html`<form class="toolbar" role="search" @submit=${this.onSearch}>
        <div class="field search">
          <label for="inbox-q">${t('search')}</label>
          <input id="inbox-q" name="q" type="search" size="32" aria-describedby="inbox-q-hint" .value=${this.search.q ?? ''} />
          <span id="inbox-q-hint" class="hint">${t('searchHint')}</span>
        </div>
        <div class="field">
          <label for="inbox-channel">${t('channel')}</label>
          <select id="inbox-channel" name="channel">
            <option value="">${t('anyChannel')}</option>
            ${(['online', 'direct', 'postal'] as const).map(
              (c) => html`<option value=${c} ?selected=${this.search.channel === c}>${t(`channel_${c}`)}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="inbox-procedure">${t('procedure')}</label>
          <select id="inbox-procedure" name="procedure">
            <option value="">${t('anyProcedure')}</option>
            ${this._procedures.map(
              (p) =>
                html`<option value=${p.code} ?selected=${this.search.procedure === p.code}>
                  ${p.code} — ${msg(p.title)}
                </option>`,
            )}
          </select>
        </div>
        <button type="submit" class="primary">${t('apply')}</button>
      </form>
      <div class="row tools">
        <a
          class="button"
          href=${this.data.exportUrl(this.agency, this.viewFilter())}
          download
          aria-describedby="export-hint"
          >${t('exportCsv')}</a
        >
        <span id="export-hint" class="visually-hidden">${t('exportHint')}</span>
        ${this.renderSaved()}
        <details>
          <summary>${t('columns')}</summary>
          <fieldset>
            <legend>${t('columns')}</legend>
            ${COLUMNS.map(
              (c) =>
                html`<label class="choice"
                  ><input
                    type="checkbox"
                    .checked=${this._columns.has(c)}
                    ?disabled=${c === 'code'}
                    @change=${(e: Event) => this.toggleColumn(c, (e.target as HTMLInputElement).checked)}
                  />
                  ${t(COLUMN_LABELS[c])}</label
                >`,
            )}
          </fieldset>
        </details>
      </div>`;
  }

  private renderBulk() {
    const n = this._selected.size;
    return html`<div class="row" role="group" aria-label=${t('selected', { count: n })}>
        <span aria-live="polite">${t('selected', { count: n })}</span>
        <button type="button" ?disabled=${n === 0 || this._busy} @click=${() => this.bulk('claim')}>
          ${t('bulkClaim')}
        </button>
        <button type="button" ?disabled=${n === 0 || this._busy} @click=${() => this.bulk('forward')}>
          ${t('bulkForward')}
        </button>
        <button type="button" ?disabled=${n === 0 || this._busy} @click=${() => this.bulk('print')}>
          ${t('bulkPrint')}
        </button>
      </div>
      ${
        this._results.length
          ? html`<section class="panel results" id="bulk-results" tabindex="-1" aria-labelledby="bulk-title">
            <h2 id="bulk-title">${t('bulkResults')}</h2>
            <ul>
              ${this._results.map(
                (r) =>
                  html`<li class=${r.ok ? '' : 'failed'}>
                    <strong>${r.code}</strong> — ${r.ok ? t('bulkOk') : t('bulkFailed')}: ${r.message}
                    ${
                      r.slip
                        ? html`<a href=${this.data.slipUrl(r.code, r.slip.id)} target="_blank" rel="noopener"
                          >${t('openSlip')}</a
                        >`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>
            <button type="button" @click=${() => (this._results = [])}>${t('clearResults')}</button>
          </section>`
          : nothing
      }`;
  }

  private renderTable() {
    const columns = COLUMNS.filter((c) => this._columns.has(c));
    const allSelected = this._items.length > 0 && this._items.every((d) => this._selected.has(d.code));
    const title = t('inboxTable', { queue: t(this.def.label) });
    return html`<p class="hint" id="inbox-keys">${t('keyboardHelp')}</p>
      <div class="table-wrap">
        <table aria-label=${title} aria-describedby="inbox-keys" @keydown=${this.onKey}>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label=${t('selectAll')}
                  .checked=${allSelected}
                  @change=${(e: Event) => this.toggleAll((e.target as HTMLInputElement).checked)}
                />
              </th>
              ${columns.map(
                (c) =>
                  html`<th scope="col" aria-sort=${c === 'due' ? 'ascending' : nothing}>
                    ${t(COLUMN_LABELS[c])}${c === 'due' ? html` <span aria-hidden="true">▲</span>` : nothing}
                  </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${this._items.map(
              (d, i) =>
                html`<tr
                  data-index=${i}
                  data-code=${d.code}
                  tabindex=${i === this._focus ? 0 : -1}
                  class=${i === this._focus ? 'current' : ''}
                  aria-selected=${this._selected.has(d.code) ? 'true' : 'false'}
                  @focus=${() => (this._focus = i)}
                  @dblclick=${() => navigate(this, paths.dossier(d.code))}
                >
                  <td>
                    <input
                      type="checkbox"
                      tabindex="-1"
                      aria-label=${t('selectRow', { code: d.code })}
                      .checked=${this._selected.has(d.code)}
                      @change=${(e: Event) => this.toggleSelected(d.code, (e.target as HTMLInputElement).checked)}
                    />
                  </td>
                  ${columns.map((c) => html`<td>${cell(c, d, this.now)}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this._items.length === 0 && !this._loading ? this.renderEmpty() : nothing}
      <div class="row paging">
        <button type="button" ?disabled=${this.cursors.length === 0 && !this.cursor} @click=${() => this.page('first')}>
          ${t('firstPage')}
        </button>
        <button type="button" ?disabled=${!this._next} @click=${() => this.page('next')}>${t('nextPage')}</button>
      </div>`;
  }

  /** Why the list is empty: a search that matched nothing says so, and undoes itself in one tap. */
  private renderEmpty() {
    if (!this.searching()) return html`<p id="inbox-empty">${t('emptyQueue', { queue: t(this.def.label) })}</p>`;
    return html`<div class="row" id="inbox-empty">
      <p>${t('emptySearch', { queue: t(this.def.label) })}</p>
      <button type="button" @click=${this.clearSearch}>${t('clearSearch')}</button>
    </div>`;
  }

  private searching(): boolean {
    return Boolean(this.search.q || this.search.channel || this.search.procedure);
  }

  private clearSearch() {
    this.search = {};
    this.renderRoot.querySelector<HTMLFormElement>('form.toolbar')?.reset();
    this.cursors = [];
    this.cursor = '';
    void this.load().then(() => this.renderRoot.querySelector<HTMLElement>('#inbox-q')?.focus());
  }

  override render() {
    return html`<div class="layout">
      ${this.renderQueues()}
      <main id="main" tabindex="-1">
        <h1>${t(this.def.label)}</h1>
        <p class="visually-hidden" role="status" aria-live="polite">${this._loading ? t('loading') : this._notice}</p>
        ${this.renderToolbar()} ${this.renderBulk()}
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing} ${this.renderTable()}
      </main>
    </div>`;
  }
}
