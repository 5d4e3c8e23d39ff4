import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { documentsOnChannel, pick, type DocumentRequirement, type Procedure } from '@motcua/core';
import { LangController, lang, t } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';
import { formatDate } from '../ui/format.ts';

/**
 * <motcua-staff-guidance>: the guidance slip (phiếu hướng dẫn) for a dossier found incomplete at
 * the counter. The clerk ticks what is missing among the documents the procedure asks on the
 * dossier's channel (core's documentsOnChannel: a paper declaration at the counter, not online),
 * documents to show (xuất trình) apart; the slip lists them the same way and is printed, under
 * the office's name and over the day and the clerk who gave it (what the applicant takes home).
 */
export class StaffGuidance extends LitElement {
  static override styles = [
    staffStyles,
    css`
      .slip ul {
        padding-inline-start: 1.25rem;
      }
      .slip .office {
        font-weight: 700;
        text-transform: uppercase;
        margin: 0 0 0.5rem;
      }
      .slip .issued {
        margin-top: 1.5rem;
      }
      @media print {
        .no-print {
          display: none !important;
        }
      }
    `,
  ];
  static override properties = {
    procedure: { attribute: false },
    channel: {},
    office: {},
    clerk: {},
    _missing: { state: true },
    _open: { state: true },
  };
  declare procedure: Procedure;
  declare channel: 'direct' | 'postal';
  /** The receiving office's name, at the top of the slip. */
  declare office: string;
  /** The clerk who gives the slip, at its foot. */
  declare clerk: string;
  declare _missing: ReadonlySet<string>;
  declare _open: boolean;

  constructor() {
    super();
    new LangController(this);
    this.channel = 'direct';
    this.office = '';
    this.clerk = '';
    this._missing = new Set();
    this._open = false;
  }

  /** The next applicant starts with nothing ticked and no slip. */
  reset(): void {
    this._missing = new Set();
    this._open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('procedure') && changed.get('procedure') !== undefined) this.reset();
  }

  private toggle(id: string, on: boolean) {
    const next = new Set(this._missing);
    if (on) next.add(id);
    else next.delete(id);
    this._missing = next;
  }

  private checkboxes(docs: DocumentRequirement[], legend: string) {
    if (docs.length === 0) return nothing;
    return html`<fieldset>
      <legend>${legend}</legend>
      ${docs.map(
        (d) =>
          html`<div>
            <label
              ><input
                type="checkbox"
                data-document=${d.id}
                .checked=${this._missing.has(d.id)}
                @change=${(e: Event) => this.toggle(d.id, (e.target as HTMLInputElement).checked)}
              />
              ${pick(d.title, lang())}</label
            >
          </div>`,
      )}
    </fieldset>`;
  }

  private renderSlip(handIn: DocumentRequirement[], show: DocumentRequirement[]) {
    const item = (d: DocumentRequirement) => html`<li>${pick(d.title, lang())}</li>`;
    const day = formatDate(Date.now(), lang());
    return html`<section class="panel slip" aria-labelledby="guidance-title">
      ${this.office ? html`<p class="office">${this.office}</p>` : nothing}
      <h2 id="guidance-title">${t('slip_guidance')}</h2>
      <p>${pick(this.procedure.title, lang())}</p>
      <p>${t('guidanceChannel', { channel: t(`channel_${this.channel}`) })}</p>
      <p>${t('guidanceIncomplete')}</p>
      ${
        handIn.length
          ? html`<p>${t('guidanceHandIn')}</p>
            <ul class="hand-in">
              ${handIn.map(item)}
            </ul>`
          : nothing
      }
      ${
        show.length
          ? html`<h3>${t('documentsToShow')}</h3>
            <p>${t('guidanceShow')}</p>
            <ul class="show">
              ${show.map(item)}
            </ul>`
          : nothing
      }
      <p class="issued">
        ${this.clerk ? t('guidanceIssuedBy', { day, clerk: this.clerk }) : t('guidanceIssued', { day })}
      </p>
      <p class="no-print">
        <button type="button" class="primary" @click=${() => window.print()}>${t('print')}</button>
        <button type="button" @click=${() => (this._open = false)}>${t('close')}</button>
      </p>
    </section>`;
  }

  override render() {
    if (!this.procedure) return nothing;
    const asked = documentsOnChannel(this.procedure, this.channel);
    // Ticks kept from another channel are not asked on this one: never on the slip.
    const handIn = asked.handIn.filter((d) => this._missing.has(d.id));
    const show = asked.show.filter((d) => this._missing.has(d.id));
    return html`<details class="panel no-print">
        <summary>${t('guidanceSlip')}</summary>
        ${this.checkboxes(asked.handIn, t('documents'))} ${this.checkboxes(asked.show, t('documentsToShow'))}
        <button type="button" ?disabled=${handIn.length + show.length === 0} @click=${() => (this._open = true)}>
          ${t('guidanceSlip')}
        </button>
      </details>
      ${this._open ? this.renderSlip(handIn, show) : nothing}`;
  }
}
