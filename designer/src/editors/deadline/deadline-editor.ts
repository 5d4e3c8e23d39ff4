import { html, nothing } from 'lit';
import { computeDue, routeLints, workingDayMinutes, zonedInstant, type Deadline, type Issue } from '@motcua/core';
import { EditorElement } from '../editor-element.ts';
import { agencySelect, defaultAgency, showInstant } from '../agency-choice.ts';
import type { Key } from '../i18n.ts';

const UNITS = ['working-days', 'working-hours', 'calendar-days', 'same-day'] as const;

/**
 * The legal deadline: working days or hours, calendar days, or the same day with a cut-off hour.
 * Pick a submission instant and an agency: core computes the due date on that agency's calendar.
 */
export class DeadlineEditor extends EditorElement {
  static override properties = { ...EditorElement.properties, at: { state: true }, agency: { state: true } };
  /** The submission instant as the agency's wall time, "YYYY-MM-DDTHH:MM". */
  declare at: string;
  declare agency: string;

  constructor() {
    super();
    this.at = '';
    this.agency = '';
  }

  #setUnit(unit: (typeof UNITS)[number]) {
    const d = this.procedure.deadline;
    const next: Deadline =
      unit === 'same-day'
        ? { unit, cutoff: d?.unit === 'same-day' ? d.cutoff : '15:00' }
        : { unit, value: d && d.unit !== 'same-day' ? d.value : 1 };
    this.edit(this.t('editDeadline'), (p) => (p.deadline = next));
  }

  override render() {
    const d = this.procedure?.deadline;
    return html`<section class="mc-editor" aria-labelledby="mc-deadline-h">
      <h2 id="mc-deadline-h">${this.t('deadlineTitle')}</h2>
      <div class="mc-row">
        <label
          >${this.t('deadlineUnit')}
          <select @change=${(e: Event) => this.#setUnit((e.target as HTMLSelectElement).value as (typeof UNITS)[number])}>
            ${UNITS.map((u) => html`<option value=${u} ?selected=${d?.unit === u}>${this.t(`unit-${u}` as Key)}</option>`)}
          </select></label
        >
        ${
          d && d.unit !== 'same-day'
            ? html`<label
              >${this.t('deadlineValue')}
              <input
                type="number"
                min="0.5"
                step=${d.unit === 'calendar-days' ? '1' : '0.5'}
                .value=${String(d.value)}
                @change=${(e: Event) => {
                  const value = Number((e.target as HTMLInputElement).value);
                  if (value > 0) this.edit(this.t('editDeadline'), (p) => (p.deadline = { unit: d.unit, value }));
                }}
            /></label>`
            : nothing
        }
        ${
          d?.unit === 'same-day'
            ? html`<label
              >${this.t('cutoff')}
              <input
                type="time"
                .value=${d.cutoff}
                @change=${(e: Event) => {
                  const cutoff = (e.target as HTMLInputElement).value;
                  if (/^\d\d:\d\d$/.test(cutoff))
                    this.edit(this.t('editDeadline'), (p) => (p.deadline = { unit: 'same-day', cutoff }));
                }}
            /></label>`
            : nothing
        }
      </div>
      ${this.renderIssues(this.problemsAt('/deadline'))}
      ${this.#renderPreview()}
    </section>`;
  }

  #renderPreview() {
    const env = this.env();
    if (!env) {
      return html`<p role="status">${this.environmentError ? `${this.t('envError')}: ${this.environmentError}` : this.t('loading')}</p>`;
    }
    const agency = this.agency || defaultAgency(this.procedure);
    let due = '';
    let lints: Issue[] = [];
    let error = '';
    try {
      const cal = env.calendarOf(agency);
      lints = routeLints(this.procedure, { dayMinutes: workingDayMinutes(cal) }).filter(
        (i) => i.code === 'budgets-exceed-deadline',
      );
      if (this.at && this.procedure.deadline) {
        const [date, time] = this.at.split('T');
        const start = zonedInstant(date!, time!.slice(0, 5), cal.timeZone);
        due = showInstant(computeDue(cal, start, this.procedure.deadline), cal.timeZone);
      }
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    return html`<fieldset>
      <legend>${this.t('duePreview')}</legend>
      <div class="mc-row">
        ${agencySelect(this.lang, this.t('agency'), env.agencies, agency, (code) => (this.agency = code))}
        <label
          >${this.t('submittedAt')}
          <input type="datetime-local" .value=${this.at} @change=${(e: Event) => (this.at = (e.target as HTMLInputElement).value)}
        /></label>
      </div>
      <p aria-live="polite" data-due=${due}>${due ? html`${this.t('dueAt')}: <strong>${due}</strong>` : error ? nothing : this.t('pickInstant')}</p>
      ${error ? html`<p role="alert" class="mc-fail">${error}</p>` : nothing} ${this.renderIssues(lints, 'lint')}
    </fieldset>`;
  }
}

customElements.define('mc-deadline-editor', DeadlineEditor);
