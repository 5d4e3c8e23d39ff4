import { html, nothing } from 'lit';
import { mergeCalendars, parseCalendar, pick, type Calendar } from '@motcua/core';
import type { CalendarView } from '@motcua/api';
import { AdminScreen, fieldValue } from './admin-screen.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The years a calendar has dated entries for, and the current one. */
export function calendarYears(c: Calendar, now = new Date()): string[] {
  const dated = [...c.holidays, ...c.extraWorkingDays, ...Object.keys(c.notes ?? {})];
  return [...new Set([...dated.map((d) => d.slice(0, 4)), String(now.getFullYear())])].sort();
}

/**
 * <mc-admin-calendars .client .lang>: the working calendars and the agencies using each; per
 * year, its holidays and extra working days with their notes — add or remove a date, or import
 * a year's file as the government publishes it (checked and merged by core). Changes are kept
 * in a draft until saved; removing dates is confirmed. A new calendar for an agency starts as a
 * copy of an existing one.
 */
export class AdminCalendars extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    calendars: { state: true },
    selected: { state: true },
    draft: { state: true },
    year: { state: true },
  };

  declare calendars: CalendarView[];
  declare selected: string;
  /** The selected calendar as edited (saved when the user says so). */
  declare draft: Calendar | null;
  declare year: string;

  constructor() {
    super();
    this.calendars = [];
    this.selected = '';
    this.draft = null;
    this.year = String(new Date().getFullYear());
  }

  protected override async load(): Promise<void> {
    await this.act(async () => {
      const [calendars] = await Promise.all([this.client!.get('/api/v1/calendars'), this.loadAgencies(true)]);
      this.calendars = calendars.items;
    });
  }

  private get current(): CalendarView | undefined {
    return this.calendars.find((c) => c.id === this.selected);
  }

  private get dirty(): boolean {
    return !!this.draft && JSON.stringify(this.draft) !== JSON.stringify(this.current?.calendar);
  }

  private choose(id: string): void {
    this.selected = id;
    this.error = null;
    this.status = '';
    const c = this.current;
    this.draft = c ? (JSON.parse(JSON.stringify(c.calendar)) as Calendar) : null;
    if (this.draft) {
      const years = calendarYears(this.draft);
      if (!years.includes(this.year)) this.year = years[years.length - 1]!;
    }
  }

  private edit(change: (c: Calendar) => void): void {
    const next = JSON.parse(JSON.stringify(this.draft)) as Calendar;
    change(next);
    next.holidays.sort();
    next.extraWorkingDays.sort();
    this.draft = next;
  }

  private addDate(e: SubmitEvent): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if (this.missing(form, ['date'])) return;
    const date = fieldValue(form, 'date');
    if (!DATE.test(date)) return;
    const kind = fieldValue(form, 'kind') === 'extra' ? 'extraWorkingDays' : 'holidays';
    const note = fieldValue(form, 'note');
    this.error = null;
    this.edit((c) => {
      if (!c[kind].includes(date)) c[kind].push(date);
      if (note) c.notes = { ...c.notes, [date]: note };
    });
    this.year = date.slice(0, 4);
    form.reset();
    this.status = this.t('unsavedChanges');
  }

  private removeDate(kind: 'holidays' | 'extraWorkingDays', date: string): void {
    this.edit((c) => {
      c[kind] = c[kind].filter((d) => d !== date);
      const other = kind === 'holidays' ? c.extraWorkingDays : c.holidays;
      if (c.notes && !other.includes(date)) delete c.notes[date];
    });
    this.status = this.t('unsavedChanges');
    // Focus stays in the list: on the next row's button, or on the list's heading.
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#${kind === 'holidays' ? 'y-hol' : 'y-extra'}`)?.focus(),
    );
  }

  private async importYear(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      input.value = '';
      return this.fail(this.t('invalidFile'), [{ pointer: '', label: file.name, message: 'JSON' }]);
    }
    input.value = '';
    const parsed = parseCalendar(json);
    const lang = this.lang === 'en' ? 'en' : 'vi';
    if (!parsed.ok) {
      return this.fail(
        this.t('invalidFile'),
        parsed.issues.map((i) => ({
          pointer: i.pointer,
          label: `${file.name} ${i.pointer}`,
          message: pick(i.message, lang),
        })),
      );
    }
    let merged: Calendar;
    try {
      merged = mergeCalendars(this.draft!, parsed.calendar);
    } catch (err) {
      return this.fail(this.t('invalidFile'), [{ pointer: '', label: file.name, message: (err as Error).message }]);
    }
    const count =
      merged.holidays.length +
      merged.extraWorkingDays.length -
      this.draft!.holidays.length -
      this.draft!.extraWorkingDays.length;
    this.draft = merged;
    const years = calendarYears(parsed.calendar);
    this.year = years.find((y) => parsed.calendar.holidays.some((d) => d.startsWith(y))) ?? this.year;
    this.error = null;
    this.status = this.t('imported', { count });
  }

  private async save(): Promise<void> {
    const c = this.current!;
    const draft = this.draft!;
    const removed = [
      ...c.calendar.holidays.filter((d) => !draft.holidays.includes(d)),
      ...c.calendar.extraWorkingDays.filter((d) => !draft.extraWorkingDays.includes(d)),
    ];
    if (
      removed.length &&
      !(await this.confirm(this.t('confirmRemoveDate', { date: removed.join(', '), name: this.text(c.name) })))
    )
      return;
    const saved = await this.act(
      () =>
        this.client!.put('/api/v1/calendars/{calendarId}', {
          params: { calendarId: c.id },
          body: { calendar: draft, revision: c.revision },
        }),
      {
        done: () => this.t('calendarSaved', { name: this.text(c.name) }),
        // The draft stays as typed; saving again replaces the newer calendar knowingly.
        onConflict: async () => {
          const res = await this.client!.get('/api/v1/calendars/{calendarId}', { params: { calendarId: c.id } });
          this.calendars = this.calendars.map((x) => (x.id === c.id ? res : x));
        },
      },
    );
    if (!saved) return;
    const status = this.status;
    await this.act(async () => {
      const res = await this.client!.get('/api/v1/calendars/{calendarId}', { params: { calendarId: c.id } });
      this.calendars = this.calendars.map((x) => (x.id === c.id ? res : x));
      this.draft = JSON.parse(JSON.stringify(res.calendar)) as Calendar;
    });
    if (!this.error) this.status = status;
  }

  private async create(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const agency = fieldValue(form, 'agency');
    const id = fieldValue(form, 'id');
    const vi = fieldValue(form, 'nameVi');
    const from = this.calendars.find((c) => c.id === fieldValue(form, 'from'));
    if (this.missing(form, ['agency', 'id', 'nameVi', 'from']) || !from) return;
    const done = await this.act(
      () =>
        this.client!.post('/api/v1/agencies/{agencyCode}/calendars', {
          params: { agencyCode: agency },
          body: { id, name: { vi }, calendar: from!.calendar },
        }),
      { form, done: () => this.t('calendarCreated', { name: vi }) },
    );
    if (!done) return;
    form.reset();
    const status = this.status;
    await this.load();
    this.choose(id);
    this.status = status;
  }

  private renderDates(kind: 'holidays' | 'extraWorkingDays', id: string, title: string) {
    const dates = this.draft![kind].filter((d) => d.startsWith(`${this.year}-`));
    const notes = this.draft!.notes ?? {};
    return html`<h4 id=${id} tabindex="-1">${title}</h4>
      ${
        dates.length
          ? html`<ul class="plain" aria-labelledby=${id}>
            ${dates.map(
              (d) =>
                html`<li>
                  <time datetime=${d}>${d}</time>${notes[d] ? html` — ${notes[d]}` : nothing}
                  <button
                    type="button"
                    class="danger"
                    aria-label=${this.t('removeDate', { date: d })}
                    @click=${() => this.removeDate(kind, d)}
                  >
                    ✕
                  </button>
                </li>`,
            )}
          </ul>`
          : html`<p class="hint">${this.t('noDates')}</p>`
      }`;
  }

  private renderCalendar(c: CalendarView) {
    const d = this.draft!;
    const days = this.t('weekdays').split('|');
    const users = this.agencies.filter((a) => a.calendarId === c.id);
    const years = calendarYears(d);
    return html`<section aria-labelledby="k-title">
      <h2 id="k-title">${this.text(c.name)} <span class="hint">(${c.id})</span></h2>
      <dl>
        <dt>${this.t('calendarOwner')}</dt>
        <dd>${c.owner ? this.agencyName(c.owner) : this.t('sharedCalendar')}</dd>
        <dt>${this.t('usedBy')}</dt>
        <dd>${users.length ? users.map((a) => html`<span class="tag">${this.text(a.name)}</span>`) : this.t('noneListed')}</dd>
        <dt>${this.t('timeZone')}</dt>
        <dd>${d.timeZone}</dd>
        <dt>${this.t('workingHours')}</dt>
        <dd>${d.workingHours.map(([from, to]) => `${from}–${to}`).join(', ')}</dd>
        <dt>${this.t('weekend')}</dt>
        <dd>${d.weekend.map((w) => days[w]).join(', ')}</dd>
      </dl>
      <h3>${this.t('holidayYears')}</h3>
      <label for="k-year">${this.t('year')}</label>
      <select id="k-year" .value=${this.year} @change=${(e: Event) => (this.year = (e.target as HTMLSelectElement).value)}>
        ${years.map((y) => html`<option value=${y} ?selected=${y === this.year}>${y}</option>`)}
      </select>
      ${this.renderDates('holidays', 'y-hol', this.t('holidaysOf', { year: this.year }))}
      ${this.renderDates('extraWorkingDays', 'y-extra', this.t('extraOf', { year: this.year }))}
      <form @submit=${this.addDate} novalidate>
        <fieldset>
          <legend>${this.t('addDate')}</legend>
          <label for="k-date">${this.t('date')} ${this.t('required')}</label>
          <input id="k-date" name="date" type="date" required />
          <label for="k-kind">${this.t('dayType')}</label>
          <select id="k-kind" name="kind">
            <option value="holiday">${this.t('holiday')}</option>
            <option value="extra">${this.t('extraDay')}</option>
          </select>
          <label for="k-note">${this.t('note')}</label>
          <input id="k-note" name="note" />
          <button>${this.t('addDate')}</button>
        </fieldset>
      </form>
      <fieldset>
        <legend>${this.t('importYear')}</legend>
        <label for="k-file">${this.t('importYear')}</label>
        <input
          id="k-file"
          type="file"
          accept="application/json,.json"
          aria-describedby="k-file-hint"
          @change=${this.importYear}
        />
        <p class="hint" id="k-file-hint">${this.t('importHint')}</p>
      </fieldset>
      <p class="hint" id="k-save-hint">${this.t('calendarApplies')}</p>
      <button
        type="button"
        class="primary"
        aria-describedby="k-save-hint"
        ?disabled=${this.busy || !this.dirty}
        @click=${this.save}
      >
        ${this.t('saveCalendar')}
      </button>
      ${this.dirty ? html`<p><strong>${this.t('unsavedChanges')}</strong></p>` : nothing}
    </section>`;
  }

  protected override render() {
    const c = this.current;
    return html`${this.renderFeedback()}
      <div class="layout">
        <div>
          <label for="k-list">${this.t('calendarList')}</label>
          <select
            id="k-list"
            size="8"
            .value=${this.selected}
            @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}
          >
            ${this.calendars.map(
              (k) =>
                html`<option value=${k.id} ?selected=${k.id === this.selected}>${this.text(k.name)} (${k.id})</option>`,
            )}
          </select>
          <form @submit=${this.create} novalidate>
            <fieldset>
              <legend>${this.t('createCalendar')}</legend>
              ${this.agencySelect('k-agency', this.t('agency'), '', () => {}, { name: 'agency' })}
              <label for="k-id">${this.t('calendarId')}</label>
              <input id="k-id" name="id" data-pointer="/body/id" autocomplete="off" />
              <label for="k-name">${this.t('nameVi')}</label>
              <input id="k-name" name="nameVi" data-pointer="/body/name/vi" />
              <label for="k-from">${this.t('copyFrom')}</label>
              <select id="k-from" name="from">
                ${this.calendars.map((k) => html`<option value=${k.id}>${this.text(k.name)} (${k.id})</option>`)}
              </select>
              <button class="primary" ?disabled=${this.busy}>${this.t('createCalendar')}</button>
            </fieldset>
          </form>
        </div>
        <div>${c && this.draft ? this.renderCalendar(c) : nothing}</div>
      </div>`;
  }
}
