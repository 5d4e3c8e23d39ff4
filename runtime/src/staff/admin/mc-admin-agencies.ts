import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { createAgencyDirectoryUnchecked } from '@motcua/core';
import type { AgencyView, CalendarView } from '@motcua/api';
import { AdminScreen, fieldValue } from './admin-screen.ts';

interface Kind {
  id: string;
  title: { vi: string; en?: string };
  level: number;
}
interface HistoryEntry {
  at: string;
  change: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

const CHANGES = ['created', 'renamed', 'calendar', 'kind', 'moved', 'merged'] as const;

/**
 * <mc-admin-agencies .client .lang>: the agency tree with its merged agencies, and for the chosen
 * agency: rename (or change its kind or calendar), add a child, move it under another parent,
 * merge it into another (the 2025 reorganisation), and its history. The server's policy decides
 * who may: its refusals are shown as they come.
 */
export class AdminAgencies extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    selected: { state: true },
    kinds: { state: true },
    calendars: { state: true },
    history: { state: true },
    showInactive: { state: true },
  };

  declare selected: string;
  declare kinds: Kind[];
  declare calendars: CalendarView[];
  declare history: HistoryEntry[];
  declare showInactive: boolean;

  constructor() {
    super();
    this.selected = '';
    this.kinds = [];
    this.calendars = [];
    this.history = [];
    this.showInactive = false;
  }

  protected override async load(): Promise<void> {
    await this.act(async () => {
      const [kinds, calendars] = await Promise.all([
        this.client!.get('/api/v1/agency-kinds'),
        this.client!.get('/api/v1/calendars'),
        this.loadAgencies(),
      ]);
      this.kinds = kinds.items;
      this.calendars = calendars.items;
      if (this.selected) await this.loadHistory();
    });
  }

  private get current(): AgencyView | undefined {
    return this.agencies.find((a) => a.code === this.selected);
  }

  private async select(code: string): Promise<void> {
    this.selected = code;
    this.status = '';
    this.error = null;
    await this.act(() => this.loadHistory());
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#mc-agency-detail')?.focus();
  }

  private async loadHistory(): Promise<void> {
    const res = await this.client!.get('/api/v1/agencies/{agencyCode}/history', {
      params: { agencyCode: this.selected },
    });
    this.history = res.items;
  }

  private kindTitle(id: string): string {
    const k = this.kinds.find((x) => x.id === id);
    return k ? this.text(k.title) : id;
  }

  /** A history row in words: the change and its values before and after (names, agencies, kinds). */
  private describeChange(h: HistoryEntry): string {
    const known = CHANGES.find((c) => c === h.change);
    if (!known) return h.change;
    const side = (v: unknown): string => {
      const o = (v ?? {}) as {
        name?: { vi: string; en?: string };
        parent?: string;
        successor?: string;
        kind?: string;
        calendarId?: string;
      };
      if (o.name) return this.text(o.name);
      if (o.parent !== undefined) return this.agencyName(o.parent);
      if (o.successor) return this.agencyName(o.successor);
      if (o.kind) return this.kindTitle(o.kind);
      return o.calendarId ?? '';
    };
    return this.t(`change_${known}`, { before: side(h.before), after: side(h.after) });
  }

  private async rename(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const a = this.current!;
    if (this.missing(form, ['nameVi'])) return;
    const vi = fieldValue(form, 'nameVi');
    const en = fieldValue(form, 'nameEn');
    const reason = fieldValue(form, 'reason');
    const calendarId = fieldValue(form, 'calendarId');
    const done = await this.act(
      () =>
        this.client!.patch('/api/v1/agencies/{agencyCode}', {
          params: { agencyCode: a.code },
          body: {
            name: en ? { vi, en } : { vi },
            kind: fieldValue(form, 'kind'),
            ...(calendarId && calendarId !== a.calendarId ? { calendarId } : {}),
            ...(reason ? { reason } : {}),
            revision: a.revision,
          },
        }),
      {
        form,
        done: (v) => this.t('renamed', { name: this.text(v.name) }),
        onConflict: () => this.loadAgencies(),
      },
    );
    if (done) await this.refresh();
  }

  private async create(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const code = fieldValue(form, 'code');
    const vi = fieldValue(form, 'nameVi');
    const kind = fieldValue(form, 'kind');
    if (this.missing(form, ['code', 'nameVi', 'kind'])) return;
    const en = fieldValue(form, 'nameEn');
    const calendarId = fieldValue(form, 'calendarId');
    const created = await this.act(
      () =>
        this.client!.post('/api/v1/agencies/{agencyCode}/children', {
          params: { agencyCode: this.selected },
          body: { code, name: en ? { vi, en } : { vi }, kind, ...(calendarId ? { calendarId } : {}) },
        }),
      { form, done: (v) => this.t('created', { name: this.text(v.name) }) },
    );
    if (created) {
      form.reset();
      await this.refresh();
    }
  }

  private async move(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if (this.missing(form, ['parent'])) return;
    const parent = fieldValue(form, 'parent');
    const a = this.current!;
    if (!(await this.confirm(this.t('confirmMove', { from: this.agencyName(a.code), into: this.agencyName(parent) }))))
      return;
    const reason = fieldValue(form, 'reason');
    const done = await this.act(
      () =>
        this.client!.post('/api/v1/agencies/{agencyCode}/move', {
          params: { agencyCode: a.code },
          body: { parent, ...(reason ? { reason } : {}) },
        }),
      { form, done: (v) => this.t('moved', { name: this.text(v.name) }) },
    );
    if (done) await this.refresh();
  }

  private async merge(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const into = fieldValue(form, 'into');
    const reason = fieldValue(form, 'reason');
    if (this.missing(form, ['into', 'reason'])) return;
    const a = this.current!;
    if (!(await this.confirm(this.t('confirmMerge', { from: this.agencyName(a.code), into: this.agencyName(into) }))))
      return;
    const done = await this.act(
      () =>
        this.client!.post('/api/v1/agencies/{agencyCode}/merge', {
          params: { agencyCode: a.code },
          body: { into, reason },
        }),
      { form, done: (v) => this.t('merged', { name: this.text(v.name) }) },
    );
    if (done) await this.refresh();
  }

  private async refresh(): Promise<void> {
    const status = this.status;
    await this.act(async () => {
      await this.loadAgencies();
      await this.loadHistory();
    });
    this.status = status;
  }

  private renderTree(): TemplateResult {
    const shown = this.agencies.filter((a) => this.showInactive || a.active);
    const codes = new Set(shown.map((a) => a.code));
    const children = new Map<string | null, AgencyView[]>();
    for (const a of shown) {
      const parent = a.parent !== null && codes.has(a.parent) ? a.parent : null;
      children.set(parent, [...(children.get(parent) ?? []), a]);
    }
    const branch = (parent: string | null): TemplateResult | typeof nothing => {
      const list = children.get(parent);
      if (!list?.length) return nothing;
      return html`<ul>
        ${list.map(
          (a) =>
            html`<li>
              <button
                type="button"
                class="node"
                aria-current=${a.code === this.selected ? 'true' : 'false'}
                @click=${() => this.select(a.code)}
              >
                ${this.text(a.name)}
              </button>
              <span class="hint"
                >${a.code} · ${this.kindTitle(a.kind)}${
                  a.active
                    ? nothing
                    : html` · ${a.successor ? this.t('inactiveMerged', { code: a.successor }) : this.t('inactive')}`
                }</span
              >
              ${branch(a.code)}
            </li>`,
        )}
      </ul>`;
    };
    return html`<nav aria-labelledby="mc-tree-title">
      <h2 id="mc-tree-title">${this.t('agencyTree')}</h2>
      <label class="inline"
        ><input
          type="checkbox"
          .checked=${this.showInactive}
          @change=${(e: Event) => (this.showInactive = (e.target as HTMLInputElement).checked)}
        />${this.t('showInactive')}</label
      >
      ${branch(null)}
    </nav>`;
  }

  private renderDetail(a: AgencyView): TemplateResult {
    const directory = createAgencyDirectoryUnchecked(
      this.agencies.map((x) => ({ code: x.code, name: x.name, kind: x.kind, parent: x.parent, timeZone: x.timeZone })),
    );
    const below = new Set(directory.subtree(a.code).map((x) => x.code));
    const kindOptions = (value: string) =>
      this.kinds.map((k) => html`<option value=${k.id} ?selected=${k.id === value}>${this.text(k.title)}</option>`);
    const calendarOptions = (value: string) =>
      this.calendars.map(
        (c) => html`<option value=${c.id} ?selected=${c.id === value}>${this.text(c.name)} (${c.id})</option>`,
      );
    return html`<section id="mc-agency-detail" tabindex="-1" aria-labelledby="mc-agency-title">
      <h2 id="mc-agency-title">${this.text(a.name)} <span class="hint">(${a.code})</span></h2>
      <p>
        ${this.t('kind')}: ${this.kindTitle(a.kind)} · ${this.t('parent')}: ${this.agencyName(a.parent) || this.t('noneListed')}
        · ${this.t('calendar')}: ${a.calendarId}
      </p>
      ${
        a.active
          ? html`
            ${keyed(
              a.code,
              html`<form @submit=${this.rename} novalidate>
              <fieldset>
                <legend>${this.t('rename')}</legend>
                <label for="r-vi">${this.t('nameVi')} ${this.t('required')}</label>
                <input id="r-vi" name="nameVi" data-pointer="/body/name/vi" value=${a.name.vi} required />
                <label for="r-en">${this.t('nameEn')}</label>
                <input id="r-en" name="nameEn" data-pointer="/body/name/en" value=${a.name.en ?? ''} lang="en" />
                <label for="r-kind">${this.t('kind')}</label>
                <select id="r-kind" name="kind" data-pointer="/body/kind">
                  ${kindOptions(a.kind)}
                </select>
                <label for="r-cal">${this.t('calendar')}</label>
                <select id="r-cal" name="calendarId" data-pointer="/body/calendarId">
                  ${calendarOptions(a.calendarId)}
                </select>
                <label for="r-reason">${this.t('reason')} ${this.t('optional')}</label>
                <input id="r-reason" name="reason" data-pointer="/body/reason" />
                <button class="primary" ?disabled=${this.busy}>${this.t('renameSubmit')}</button>
              </fieldset>
            </form>`,
            )}
            <form @submit=${this.create} novalidate>
              <fieldset>
                <legend>${this.t('createChild')}</legend>
                <label for="c-code">${this.t('code')} ${this.t('required')}</label>
                <input id="c-code" name="code" data-pointer="/body/code" required autocomplete="off" />
                <label for="c-vi">${this.t('nameVi')} ${this.t('required')}</label>
                <input id="c-vi" name="nameVi" data-pointer="/body/name/vi" required />
                <label for="c-en">${this.t('nameEn')}</label>
                <input id="c-en" name="nameEn" data-pointer="/body/name/en" lang="en" />
                <label for="c-kind">${this.t('kind')} ${this.t('required')}</label>
                <select id="c-kind" name="kind" data-pointer="/body/kind" required>
                  <option value="">—</option>
                  ${kindOptions('')}
                </select>
                <label for="c-cal">${this.t('calendar')}</label>
                <select id="c-cal" name="calendarId" data-pointer="/body/calendarId">
                  <option value="">${this.t('parentCalendar')}</option>
                  ${calendarOptions('')}
                </select>
                <button class="primary" ?disabled=${this.busy}>${this.t('createSubmit')}</button>
              </fieldset>
            </form>
            <form @submit=${this.move} novalidate>
              <fieldset>
                <legend>${this.t('move')}</legend>
                ${this.agencySelect('m-parent', this.t('parent'), '', () => {}, {
                  name: 'parent',
                  pointer: '/body/parent',
                  exclude: (x) => below.has(x.code) || x.code === a.parent,
                })}
                <label for="m-reason">${this.t('reason')} ${this.t('optional')}</label>
                <input id="m-reason" name="reason" data-pointer="/body/reason" />
                <button ?disabled=${this.busy}>${this.t('moveSubmit')}</button>
              </fieldset>
            </form>
            <form @submit=${this.merge} novalidate>
              <fieldset>
                <legend>${this.t('merge')}</legend>
                <p class="hint" id="mg-hint">${this.t('mergeHint')}</p>
                ${this.agencySelect('mg-into', this.t('mergeInto'), '', () => {}, {
                  name: 'into',
                  pointer: '/body/into',
                  exclude: (x) => below.has(x.code),
                })}
                <label for="mg-reason">${this.t('reason')} ${this.t('required')}</label>
                <input id="mg-reason" name="reason" data-pointer="/body/reason" required />
                <button class="danger" ?disabled=${this.busy} aria-describedby="mg-hint">${this.t('mergeSubmit')}</button>
              </fieldset>
            </form>
          `
          : html`<p>${this.t('agencyInactiveNote')}</p>`
      }
      <h3>${this.t('history')}</h3>
      ${
        this.history.length
          ? html`<ol>
            ${this.history.map(
              (h) =>
                html`<li>
                  <time datetime=${h.at}>${new Date(h.at).toLocaleString(this.lang === 'en' ? 'en-GB' : 'vi-VN')}</time>
                  — ${this.describeChange(h)}${h.reason ? html` — ${h.reason}` : nothing}
                </li>`,
            )}
          </ol>`
          : html`<p class="hint">${this.t('historyEmpty')}</p>`
      }
    </section>`;
  }

  protected override render() {
    const a = this.current;
    return html`${this.renderFeedback()}
      <div class="layout">
        ${this.renderTree()}
        <div>${a ? this.renderDetail(a) : html`<p>${this.t('chooseInTree')}</p>`}</div>
      </div>`;
  }
}
