import { LitElement, css, html, nothing } from 'lit';
import type uPlotType from 'uplot';
import { LangController, t } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';

export interface ChartSeries {
  label: string;
  /** One value per category; null where there is none. */
  values: (number | null)[];
  color: string;
  /** A unit shown after each value in the table (e.g. '%'). */
  unit?: string;
}

let lib: Promise<typeof import('./chart-lib.ts')> | null = null;
/** uPlot comes with the first chart drawn: the other screens never load it. */
const loadLib = () => (lib ??= import('./chart-lib.ts').catch((e: unknown) => ((lib = null), Promise.reject(e))));

/**
 * <mc-ov-chart>: a line (trend per month) or bar chart (by agency) drawn by uPlot, with the same
 * figures as a table for screen readers and keyboard users (the canvas is hidden from them).
 * Properties: `heading`, `categories` (the x labels), `series`, `kind` ('line' | 'bars').
 */
export class OvChart extends LitElement {
  static override styles = [
    staffStyles,
    css`
      figure {
        margin: 0;
      }
      .plot {
        min-height: 16rem;
        width: 100%;
      }
      table {
        border-collapse: collapse;
        font-size: 0.9rem;
      }
      th,
      td {
        border: 1px solid #c6ccd5;
        padding: 0.2rem 0.5rem;
        text-align: end;
      }
      th[scope='row'] {
        text-align: start;
      }
    `,
  ];
  static override properties = {
    heading: { type: String },
    categories: { attribute: false },
    series: { attribute: false },
    kind: { type: String },
    _failed: { state: true },
  };
  declare heading: string;
  declare categories: string[];
  declare series: ChartSeries[];
  declare kind: 'line' | 'bars';
  declare _failed: boolean;
  private plot: uPlotType | null = null;
  private resize: ResizeObserver | null = null;
  private styled = false;

  constructor() {
    super();
    new LangController(this);
    this.heading = '';
    this.categories = [];
    this.series = [];
    this.kind = 'line';
    this._failed = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.resize = null;
    this.plot?.destroy();
    this.plot = null;
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('categories') || changed.has('series') || changed.has('kind')) void this.draw();
  }

  private async draw() {
    let m: Awaited<ReturnType<typeof loadLib>>;
    try {
      m = await loadLib();
    } catch {
      this._failed = true;
      return;
    }
    this._failed = false;
    const root = this.renderRoot as ShadowRoot;
    if (!this.styled) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(m.uplotCss);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.styled = true;
    }
    const target = root.querySelector<HTMLElement>('.plot');
    if (!target) return;
    this.plot?.destroy();
    const { uPlot } = m;
    const labels = this.categories;
    const bars = this.kind === 'bars';
    const width = Math.max(target.clientWidth, 280);
    const opts: uPlotType.Options = {
      width,
      height: 260,
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: [-0.5, Math.max(labels.length - 0.5, 0.5)] },
        // Percentages on their whole scale, so that a month at 100% does not look half way up.
        ...(this.series.every((s) => s.unit === '%') ? { y: { range: [0, 100] as uPlotType.Range.MinMax } } : {}),
      },
      axes: [
        {
          values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? (labels[v] ?? '') : '')),
          incrs: [1],
          gap: 4,
          size: bars ? 90 : 40,
          rotate: bars ? -30 : 0,
        } as uPlotType.Axis,
        { size: 50 },
      ],
      series: [
        {},
        ...this.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          ...(bars
            ? {
                fill: s.color,
                paths: uPlot.paths.bars!({ size: [0.6, 60] }),
                points: { show: false },
              }
            : { points: { show: true, size: 6 } }),
        })),
      ],
    };
    const x = labels.map((_, i) => i);
    const data = [x, ...this.series.map((s) => s.values)] as uPlotType.AlignedData;
    this.plot = new uPlot(opts, data, target);
    this.resize ??= new ResizeObserver(() =>
      this.plot?.setSize({ width: Math.max(target.clientWidth, 280), height: 260 }),
    );
    this.resize.observe(target);
  }

  override render() {
    const id = 'chart-heading';
    return html`<figure aria-labelledby=${id}>
      <figcaption><h3 id=${id}>${this.heading}</h3></figcaption>
      ${this._failed ? html`<p class="hint" role="status">${t('ovChartFailed')}</p>` : nothing}
      <div class="plot" aria-hidden="true"></div>
      <details>
        <summary>${t('ovChartTable')}</summary>
        <table>
          <caption class="visually-hidden">${this.heading}</caption>
          <thead>
            <tr>
              <th scope="col">${this.kind === 'bars' ? t('ovAgency') : t('ovMonth')}</th>
              ${this.series.map((s) => html`<th scope="col">${s.label}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${this.categories.map(
              (c, i) =>
                html`<tr>
                  <th scope="row">${c}</th>
                  ${this.series.map((s) => {
                    const v = s.values[i];
                    return html`<td>${v === null || v === undefined ? '—' : `${round(v)}${s.unit ?? ''}`}</td>`;
                  })}
                </tr>`,
            )}
          </tbody>
        </table>
      </details>
    </figure>`;
  }
}

const round = (v: number) => Math.round(v * 10) / 10;
