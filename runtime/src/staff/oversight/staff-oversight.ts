import { LitElement, html, nothing } from 'lit';
import { BIEU06_COLUMNS, BIEU06_HEADINGS, shownDate, typedDate, isCalendarDate } from '@motcua/core';
import type { OversightMeasure, PublicProcedureSummary } from '@motcua/api';
import type { AgencyEntry, Bieu06Report, OversightDashboard, StaffData } from '../data/staff-data.ts';
import { LangController, lang, msg, t } from '../i18n/language.ts';
import type { StringKey } from '../i18n/strings.ts';
import { staffStyles } from '../ui/styles.ts';
import { navigate, onLinkClick, paths } from '../ui/navigate.ts';
import { refusalText } from '../ui/refusal.ts';
import { CARDS, INDEX_MEASURES, change, countOf, type Card } from './cards.ts';
import { dashboardQuery, previousPeriod, searchOf, viewFromSearch, type OversightView } from './filters.ts';
import { oversightStyles } from './styles.ts';
import type { ChartSeries } from './ov-chart.ts';

/** How often the numbers are read again while the page is open (a wall screen stays fresh). */
export const REFRESH_MINUTES = 5;

type Row = OversightDashboard['ranking'][number];
type SortKey = 'name' | 'earlyOrOnTimePercent' | 'resolved' | 'late' | 'overdue' | 'accepted' | 'online' | 'days';

const SORTS: {
  key: SortKey;
  label: StringKey;
  value: (r: Row) => number | string | null;
  measure?: OversightMeasure;
}[] = [
  { key: 'name', label: 'ovAgency', value: (r) => msg(r.agencyName) },
  {
    key: 'earlyOrOnTimePercent',
    label: 'ovEarlyOnTime',
    value: (r) => r.values.earlyOrOnTimePercent,
    measure: 'earlyOrOnTime',
  },
  { key: 'resolved', label: 'ovResolved', value: (r) => r.values.resolved, measure: 'resolved' },
  { key: 'late', label: 'ovLate', value: (r) => r.values.late, measure: 'late' },
  { key: 'overdue', label: 'ovOverdue', value: (r) => r.overdueInProgress, measure: 'overdue' },
  { key: 'accepted', label: 'ovAccepted', value: (r) => r.values.accepted, measure: 'accepted' },
  { key: 'online', label: 'ovOnline', value: (r) => r.values.onlineSharePercent, measure: 'online' },
  { key: 'days', label: 'ovMeanDays', value: (r) => r.values.meanProcessingDays, measure: 'resolved' },
];

const fmt = (v: number | null, digits = 1) =>
  v === null ? '—' : v.toLocaleString(lang() === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: digits });
/** Satisfaction (index 5.4), or why there is none: before any rating, that no applicant has rated yet. */
const satisfactionFigure = (sat: OversightDashboard['satisfaction'], none: string) =>
  sat.ratings === 0 ? t('ovSatisfactionNone') : sat.index === null ? none : `${fmt(sat.index)}%`;
const timeOfDay = (at: number) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }).format(at);

/**
 * <motcua-staff-oversight>: the supervisors' dashboard of an agency's subtree — filters kept in the
 * address, KPI cards with their change on the previous period and a sparkline, the national service
 * index, satisfaction, a sortable ranking, charts (uPlot, with tables), Biểu 06 with its files, and
 * the dossiers behind any number (read only). TV mode: full screen, big numbers, refreshed every
 * REFRESH_MINUTES. Properties: `data`, `agency` (the workspace's), `search` (the address's query).
 */
export class StaffOversight extends LitElement {
  static override styles = [staffStyles, ...oversightStyles];
  static override properties = {
    data: { attribute: false },
    agency: { type: String },
    search: { type: String },
    tv: { type: Boolean, reflect: true },
    _dash: { state: true },
    _before: { state: true },
    _bieu06: { state: true },
    _agencies: { state: true },
    _procedures: { state: true },
    _error: { state: true },
    _formError: { state: true },
    _loading: { state: true },
    _updatedAt: { state: true },
    _sort: { state: true },
  };
  declare data: StaffData;
  declare agency: string;
  declare search: string;
  declare tv: boolean;
  declare _dash: OversightDashboard | null;
  declare _before: OversightDashboard | null;
  declare _bieu06: Bieu06Report | null;
  declare _agencies: AgencyEntry[];
  declare _procedures: PublicProcedureSummary[];
  declare _error: string;
  declare _formError: string;
  declare _loading: boolean;
  declare _updatedAt: number | null;
  declare _sort: { key: SortKey; descending: boolean };
  /** The clock (tests). */
  now: () => number = () => Date.now();
  private timer: ReturnType<typeof setInterval> | null = null;
  private abort: AbortController | null = null;
  private loadedFor = '';

  constructor() {
    super();
    new LangController(this);
    this.agency = '';
    this.search = '';
    this.tv = false;
    this._dash = null;
    this._before = null;
    this._bieu06 = null;
    this._agencies = [];
    this._procedures = [];
    this._error = '';
    this._formError = '';
    this._loading = false;
    this._updatedAt = null;
    this._sort = { key: 'earlyOrOnTimePercent', descending: true };
  }

  /** Leaving full screen (Esc) leaves TV mode; the document sees only the outermost host, its root sees this. */
  private readonly onFullscreen = () =>
    (this.tv = (this.getRootNode() as Document | ShadowRoot).fullscreenElement === this);

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('fullscreenchange', this.onFullscreen);
    this.timer = setInterval(() => void this.load(true), REFRESH_MINUTES * 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.abort?.abort();
  }

  /** The view the address asks for. */
  get view(): OversightView {
    return viewFromSearch(this.search, this.now());
  }

  /** The agency whose subtree is shown: one of the workspace agency's subtree, or that agency. */
  private get root(): string {
    const v = this.view.agency;
    return v && (this._agencies.length === 0 || this._agencies.some((a) => a.code === v)) ? v : this.agency;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('agency') && this.agency && this.data) void this.loadChoices();
    if ((changed.has('search') || changed.has('agency')) && this.agency && this.data) {
      const v = this.view;
      const key = JSON.stringify([this.agency, { ...v, measure: undefined, unit: undefined }]);
      if (key !== this.loadedFor) void this.load(false);
    }
  }

  private async loadChoices() {
    const [agencies, procedures] = await Promise.allSettled([
      this.data.agenciesWithin(this.agency),
      this.data.procedures(),
    ]);
    this._agencies = agencies.status === 'fulfilled' ? agencies.value : [];
    this._procedures = procedures.status === 'fulfilled' ? procedures.value : [];
  }

  /** Reads the dashboard, the previous period's (for the trends) and Biểu 06 for the view. */
  async load(refresh: boolean): Promise<void> {
    const v = this.view;
    this.loadedFor = JSON.stringify([this.agency, { ...v, measure: undefined, unit: undefined }]);
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const root = this.root;
    const query = dashboardQuery(v);
    this._loading = true;
    try {
      const [dash, before, bieu06] = await Promise.all([
        this.data.oversight(root, query, abort.signal),
        this.data.oversight(root, { ...query, ...previousPeriod(v) }, abort.signal).catch(() => null),
        this.data
          .bieu06(root, { from: v.from, to: v.to, ...(v.field ? { field: v.field } : {}) }, abort.signal)
          .catch(() => null),
      ]);
      if (abort.signal.aborted) return;
      this._dash = dash;
      this._before = before;
      this._bieu06 = bieu06;
      this._updatedAt = this.now();
      this._error = '';
    } catch (e) {
      // A failed refresh keeps the numbers shown, with their time.
      if (!abort.signal.aborted) this._error = refusalText(e);
    } finally {
      if (!abort.signal.aborted) this._loading = false;
    }
    if (!refresh) this.dispatchEvent(new CustomEvent('mc-ov-loaded'));
  }

  private go(view: OversightView) {
    navigate(this, paths.oversight(searchOf(view)));
  }

  private link(measure: OversightMeasure, unit?: string) {
    const { measure: _m, unit: _u, ...rest } = this.view;
    return paths.oversight(searchOf({ ...rest, measure, ...(unit ? { unit } : {}) }));
  }

  private apply(e: Event) {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    const from = typedDate(text('from'));
    const to = typedDate(text('to'));
    if (!isCalendarDate(from) || !isCalendarDate(to)) {
      this._formError = t('ovBadDate', { field: !isCalendarDate(from) ? t('ovFrom') : t('ovTo') });
      return;
    }
    if (from > to) {
      this._formError = t('ovBadPeriod');
      return;
    }
    this._formError = '';
    const channel = text('channel');
    const agency = text('agency');
    this.go({
      from,
      to,
      ...(agency && agency !== this.agency ? { agency } : {}),
      ...(text('level') ? { level: text('level') } : {}),
      ...(text('field') ? { field: text('field') } : {}),
      ...(text('procedure') ? { procedure: text('procedure') } : {}),
      ...(channel ? { channel: channel as OversightView['channel'] } : {}),
    });
  }

  private async toggleTv() {
    if (this.tv) {
      if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
      this.tv = false;
    } else {
      // Full screen where the browser allows it; the big layout either way.
      await this.requestFullscreen?.().catch(() => undefined);
      this.tv = true;
    }
  }

  private renderFilters() {
    const v = this.view;
    const levels = new Map(this._agencies.map((a) => [a.kind, a.kindTitle]));
    const fields = new Map(this._procedures.map((p) => [p.field.code, p.field.title]));
    return html`<form class="filters panel" @submit=${this.apply} aria-labelledby="filters-title">
      <h2 id="filters-title" class="visually-hidden">${t('ovFilters')}</h2>
      <div class="field">
        <label for="ov-from">${t('ovFrom')}</label>
        <input id="ov-from" name="from" inputmode="numeric" size="10" .value=${shownDate(v.from)} aria-describedby="ov-date-hint" />
      </div>
      <div class="field">
        <label for="ov-to">${t('ovTo')}</label>
        <input id="ov-to" name="to" inputmode="numeric" size="10" .value=${shownDate(v.to)} aria-describedby="ov-date-hint" />
      </div>
      <div class="field">
        <label for="ov-agency">${t('ovAgency')}</label>
        <select id="ov-agency" name="agency">
          ${(this._agencies.length ? this._agencies : [{ code: this.agency, name: { vi: this.agency } }]).map(
            (a) => html`<option value=${a.code} ?selected=${a.code === this.root}>${msg(a.name)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="ov-level">${t('ovLevel')}</label>
        <select id="ov-level" name="level">
          <option value="">${t('ovAnyLevel')}</option>
          ${[...levels].map(([k, title]) => html`<option value=${k} ?selected=${v.level === k}>${msg(title)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="ov-field">${t('ovField')}</label>
        <select id="ov-field" name="field">
          <option value="">${t('ovAnyField')}</option>
          ${[...fields].map(([code, title]) => html`<option value=${code} ?selected=${v.field === code}>${msg(title)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="ov-procedure">${t('procedure')}</label>
        <select id="ov-procedure" name="procedure">
          <option value="">${t('anyProcedure')}</option>
          ${this._procedures.map(
            (p) =>
              html`<option value=${p.code} ?selected=${v.procedure === p.code}>${p.code} — ${msg(p.title)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="ov-channel">${t('channel')}</label>
        <select id="ov-channel" name="channel">
          <option value="">${t('ovAnyChannel')}</option>
          ${(['online', 'direct', 'postal'] as const).map(
            (c) => html`<option value=${c} ?selected=${v.channel === c}>${t(`channel_${c}`)}</option>`,
          )}
        </select>
      </div>
      <button type="submit" class="primary">${t('ovShow')}</button>
      <p id="ov-date-hint" class="hint">${t('ovDateHint')}</p>
      ${this._formError ? html`<p class="error" role="alert">${this._formError}</p>` : nothing}
    </form>`;
  }

  private renderCard(card: Card, d: OversightDashboard) {
    const value = card.value(d);
    const before = this._before ? card.value(this._before) : null;
    const delta = card.kind === 'count' ? null : change(value, before);
    const shown =
      value === null
        ? t('ovNoData')
        : card.kind === 'percent'
          ? `${fmt(value)}%`
          : card.kind === 'days'
            ? t('ovDays', { n: fmt(value) })
            : fmt(value, 0);
    const count = countOf(d.totals, d.overdueInProgress, card.measure);
    const what = t(`ovM_${card.measure}` as StringKey);
    const good = delta !== null && delta !== 0 && delta > 0 === card.higherIsBetter;
    return html`<li class="card" data-card=${card.id}>
      <h3>${t(card.label)}</h3>
      ${
        value === null
          ? html`<p class="big empty">${shown}</p>`
          : count === 0
            ? // No dossier behind the figure: a link would only open an empty list.
              html`<p class="big">${shown}</p>`
            : html`<a
              class="big"
              href=${this.link(card.measure)}
              @click=${onLinkClick}
              aria-label=${`${t(card.label)}: ${shown}. ${t('ovListDossiers', { n: count, what })}`}
              >${shown}</a
            >`
      }
      ${
        card.of
          ? html`<p class="hint">${t('ovOfCount', { n: card.of(d.totals)[0], d: card.of(d.totals)[1] })}</p>`
          : card.measure === 'overdue'
            ? html`<p class="hint">${t('ovOverdueNote')}</p>`
            : html`<p class="hint">${t('ovResolvedNote', { n: d.totals.resolved })}</p>`
      }
      ${
        card.kind === 'count'
          ? nothing
          : html`<p class="trend ${delta === null || delta === 0 ? '' : good ? 'good' : 'bad'}">
            ${
              delta === null
                ? t('ovTrendNone')
                : delta === 0
                  ? t('ovTrendSame')
                  : html`<span aria-hidden="true">${delta > 0 ? '▲' : '▼'}</span>
                    ${t(delta > 0 ? 'ovTrendUp' : 'ovTrendDown', { d: fmt(Math.abs(delta)) })}`
            }
          </p>`
      }
      ${this.sparkline(d.trend.map((m) => card.monthly(m.values)))}
    </li>`;
  }

  /** A small line of the monthly figures (decoration: the trend chart and its table say them). */
  private sparkline(values: (number | null)[]) {
    const known = values.filter((v): v is number => v !== null);
    if (values.length < 2 || known.length < 2) return nothing;
    const max = Math.max(...known);
    const min = Math.min(...known);
    const y = (v: number) => (max === min ? 10 : 18 - ((v - min) / (max - min)) * 16);
    const step = 100 / (values.length - 1);
    const points = values.flatMap((v, i) => (v === null ? [] : [`${(i * step).toFixed(1)},${y(v).toFixed(1)}`]));
    return html`<svg class="spark" viewBox="0 0 100 20" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <polyline points=${points.join(' ')} fill="none" stroke="currentColor" stroke-width="1.5" vector-effect="non-scaling-stroke" />
    </svg>`;
  }

  private renderIndex(d: OversightDashboard) {
    return html`<section class="panel" aria-labelledby="index-title">
      <h2 id="index-title">${t('ovServiceIndex')}</h2>
      <p class="hint">${t('ovDefinitionOnTime', { text: d.definitions.serviceIndex })}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${t('ovIndex')}</th>
              <th scope="col">${t('ovValue')}</th>
              <th scope="col">${t('ovNumerator')}</th>
              <th scope="col">${t('ovDenominator')}</th>
              <th scope="col">${t('ovDefinition')}</th>
            </tr>
          </thead>
          <tbody>
            ${(Object.keys(INDEX_MEASURES) as (keyof typeof INDEX_MEASURES)[]).map((k) => {
              const x = d.serviceIndex[k];
              return html`<tr data-index=${k}>
                <th scope="row">${t(`ovIdx_${k}` as StringKey)}</th>
                <td class="num">${x.percent === null ? '—' : `${fmt(x.percent)}%`}</td>
                <td class="num">
                  ${
                    x.numerator > 0
                      ? html`<a href=${this.link(INDEX_MEASURES[k])} @click=${onLinkClick}>${x.numerator}</a>`
                      : x.numerator
                  }
                </td>
                <td class="num">${x.denominator}</td>
                <td>${t(`ovIdxDef_${k}` as StringKey)}</td>
              </tr>`;
            })}
            <tr data-index="satisfaction">
              <th scope="row">${t('ovSatisfaction')}</th>
              <td class="num">${satisfactionFigure(d.satisfaction, '—')}</td>
              <td class="num">${d.satisfaction.ratings - d.satisfaction.dissatisfied}</td>
              <td class="num">${d.satisfaction.ratings}</td>
              <td>
                ${t('ovSatisfactionNote', { ratings: d.satisfaction.ratings, dissatisfied: d.satisfaction.dissatisfied })}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private sortedRanking(rows: Row[]): Row[] {
    const s = SORTS.find((x) => x.key === this._sort.key)!;
    const dir = this._sort.descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = s.value(a);
      const y = s.value(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * dir;
    });
  }

  private renderRanking(d: OversightDashboard) {
    const rows = this.sortedRanking(d.ranking);
    return html`<section class="panel" aria-labelledby="ranking-title">
      <h2 id="ranking-title">${t('ovRanking')}</h2>
      <div class="table-wrap">
        <table class="ranking">
          <caption class="hint">${t('ovRankingCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('ovRank')}</th>
              ${SORTS.map((s) => {
                const on = this._sort.key === s.key;
                return html`<th scope="col" aria-sort=${on ? (this._sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button
                    type="button"
                    class="sort"
                    data-sort=${s.key}
                    @click=${() => (this._sort = { key: s.key, descending: on ? !this._sort.descending : s.key !== 'name' })}
                  >
                    ${t(s.label)}<span aria-hidden="true">${on ? (this._sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>`;
              })}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r, i) => html`<tr data-agency=${r.agency}>
                <td class="num">${i + 1}</td>
                <th scope="row">${msg(r.agencyName)}</th>
                ${SORTS.slice(1).map((s) => {
                  const v = s.value(r) as number | null;
                  const shown =
                    s.key === 'earlyOrOnTimePercent' || s.key === 'online' ? (v === null ? '—' : `${fmt(v)}%`) : fmt(v);
                  const n = countOf(r.values, r.overdueInProgress, s.measure!);
                  return html`<td class="num">
                    ${
                      n > 0 && s.key !== 'days'
                        ? html`<a href=${this.link(s.measure!, r.agency)} @click=${onLinkClick}
                            aria-label=${`${msg(r.agencyName)} — ${t(s.label)}: ${shown}`}>${shown}</a>`
                        : shown
                    }
                  </td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderCharts(d: OversightDashboard) {
    const months = d.trend.map((m) => `${m.month.slice(5)}/${m.month.slice(0, 4)}`);
    const series: ChartSeries[] = [
      {
        label: t('ovEarlyOnTime'),
        values: d.trend.map((m) => m.values.earlyOrOnTimePercent),
        color: '#1e6b34',
        unit: '%',
      },
      { label: t('ovOnline'), values: d.trend.map((m) => m.values.onlineSharePercent), color: '#0b4f8a', unit: '%' },
      { label: t('ovDigitised'), values: d.trend.map((m) => m.values.digitisedPercent), color: '#7a4b00', unit: '%' },
    ];
    const top = d.ranking.slice(0, 15);
    return html`<section class="panel charts" aria-labelledby="charts-title">
      <h2 id="charts-title" class="visually-hidden">${t('ovTrend')}</h2>
      <mc-ov-chart .heading=${t('ovTrend')} .categories=${months} .series=${series} kind="line"></mc-ov-chart>
      <mc-ov-chart
        .heading=${`${t('ovByAgency')}: ${t('ovEarlyOnTime')}`}
        .categories=${top.map((r) => msg(r.agencyName))}
        .series=${[
          {
            label: t('ovEarlyOnTime'),
            values: top.map((r) => r.values.earlyOrOnTimePercent),
            color: '#1e6b34',
            unit: '%',
          },
        ]}
        kind="bars"
      ></mc-ov-chart>
    </section>`;
  }

  private renderBieu06(r: Bieu06Report) {
    const v = this.view;
    const query = { from: v.from, to: v.to, ...(v.field ? { field: v.field } : {}) };
    const file = (format: 'csv' | 'xlsx' | 'pdf', label: StringKey) =>
      html`<a class="button" data-format=${format} href=${this.data.bieu06Url(this.root, query, format)} download>${t(label)}</a>`;
    return html`<section class="panel bieu06" aria-labelledby="bieu06-title">
      <h2 id="bieu06-title">${t('ovBieu06')}</h2>
      <div class="row" role="group" aria-label=${t('ovBieu06Export')}>
        ${file('csv', 'ovBieu06Csv')} ${file('xlsx', 'ovBieu06Xlsx')} ${file('pdf', 'ovBieu06Pdf')}
      </div>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${t('ovAgency')}</th>
              ${BIEU06_COLUMNS.map((c) => html`<th scope="col">${msg(BIEU06_HEADINGS[c])}</th>`)}
              <th scope="col">${t('ovOnTimeRate')}</th>
            </tr>
          </thead>
          <tbody>
            ${r.rows.map(
              (row) => html`<tr>
                <th scope="row" class=${`depth-${Math.min(row.depth ?? 0, 4)}`}>
                  ${row.agencyName ? msg(row.agencyName) : (row.agency ?? t('ovTotal'))}
                </th>
                ${BIEU06_COLUMNS.map((c) => html`<td class="num">${row.values[c]}</td>`)}
                <td class="num">${row.onTimeRate === null ? '—' : `${fmt(row.onTimeRate)}%`}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderDrill(v: OversightView) {
    const what = t(`ovM_${v.measure!}` as StringKey);
    const unit = v.unit ? this._dash?.ranking.find((r) => r.agency === v.unit) : undefined;
    const heading = unit ? t('ovDrillOf', { what, agency: msg(unit.agencyName) }) : what;
    const { measure: _m, unit: _u, ...back } = v;
    return html`<section class="panel drill" aria-labelledby="drill-title">
      <h2 id="drill-title" tabindex="-1">${t('ovDrill', { what: heading })}</h2>
      <p class="hint">${t('ovPeriod', { from: shownDate(v.from), to: shownDate(v.to) })}</p>
      <a href=${paths.oversight(searchOf(back))} @click=${onLinkClick}>${t('ovDrillBack')}</a>
      <mc-ov-dossiers
        .data=${this.data}
        .agency=${this.root}
        .heading=${heading}
        .query=${{ ...dashboardQuery(v), measure: v.measure!, ...(v.unit ? { unit: v.unit } : {}) }}
      ></mc-ov-dossiers>
    </section>`;
  }

  override render() {
    const v = this.view;
    const d = this._dash;
    const rootName = this._agencies.find((a) => a.code === this.root)?.name;
    return html`<main id="main" tabindex="-1">
      <div class="head">
        <h1>${t('ovTitle', { agency: rootName ? msg(rootName) : this.root })}</h1>
        <p class="stamp" role="status" aria-live="polite">
          ${this._loading && !d ? t('loading') : nothing}
          ${this._updatedAt !== null ? t('ovUpdatedAt', { time: timeOfDay(this._updatedAt) }) : nothing}
          <span class="hint">· ${t('ovPeriod', { from: shownDate(v.from), to: shownDate(v.to) })} ·
            ${t('ovRefreshEvery', { minutes: REFRESH_MINUTES })}</span>
        </p>
        <button type="button" class="tv-toggle" aria-pressed=${this.tv ? 'true' : 'false'} @click=${this.toggleTv}>
          ${this.tv ? t('ovTvExit') : t('ovTvMode')}
        </button>
      </div>
      ${this.tv ? nothing : this.renderFilters()}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${v.measure && !this.tv ? this.renderDrill(v) : nothing}
      ${
        d
          ? html`<section aria-labelledby="kpi-title">
              <h2 id="kpi-title">${t('ovKpis')}</h2>
              <p class="hint definition">${t('ovDefinitionOnTime', { text: d.definitions.onTime })}</p>
              <ul class="cards">
                ${CARDS.map((c) => this.renderCard(c, d))}
                <li class="card" data-card="satisfaction">
                  <h3>${t('ovSatisfaction')}</h3>
                  <p class=${d.satisfaction.index === null ? 'big empty' : 'big'}>
                    ${satisfactionFigure(d.satisfaction, t('ovNoData'))}
                  </p>
                  <p class="hint">
                    ${
                      d.satisfaction.ratings === 0
                        ? t('ovSatisfactionNoneNote')
                        : t('ovSatisfactionNote', {
                            ratings: d.satisfaction.ratings,
                            dissatisfied: d.satisfaction.dissatisfied,
                          })
                    }
                  </p>
                </li>
              </ul>
            </section>
            ${this.renderRanking(d)} ${this.tv ? nothing : this.renderIndex(d)} ${this.renderCharts(d)}
            ${this._bieu06 && !this.tv ? this.renderBieu06(this._bieu06) : nothing}`
          : nothing
      }
    </main>`;
  }
}
