import { LitElement, css, html, nothing } from 'lit';
import type { Procedure } from '@motcua/core';
import type { ActionOutcome, ArtefactView, CaseView, DossierView, PaymentView, SlipKind } from '@motcua/api';
import type { AllowedAction, DossierEvent, StaffData } from '../data/staff-data.ts';
import { LangController, lang, msg, t, tKey } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';
import { dueBadge } from '../ui/due-badge.ts';
import { formatDateTime, formatMoney } from '../ui/format.ts';
import { navigate, nextInWorklist, onLinkClick, paths } from '../ui/navigate.ts';
import { refusalText } from '../ui/refusal.ts';
import { timelineTemplate, type Handover } from './timeline.ts';
import { paymentsTemplate } from './payments.ts';

/**
 * <motcua-staff-dossier>: one dossier for staff — summary, applicant and submitter, form data
 * (read-only, the citizen renderers), documents with a viewer and their provenance, fees and
 * payment, the timeline with on time / late per step, slips issued, and the action panel.
 * After an action the next dossier of the list is one key away.
 */
export class StaffDossier extends LitElement {
  static override styles = [
    staffStyles,
    css`
      /*
       * The actions beside the dossier on a wide screen; on a narrow one right under its summary,
       * not after the whole form (the page's order is the narrow one, so focus follows it too).
       */
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(18rem, 1fr);
        grid-template-areas: 'head side' 'body side';
        grid-template-rows: auto 1fr;
        gap: 0 1rem;
        align-items: start;
      }
      .head {
        grid-area: head;
      }
      .side {
        grid-area: side;
      }
      .body {
        grid-area: body;
      }
      @media (max-width: 64rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
          grid-template-areas: 'head' 'side' 'body';
          grid-template-rows: auto;
        }
      }
      .back {
        display: inline-block;
        padding: 0.4rem 0;
      }
      ul.files,
      ul.slips {
        padding-inline-start: 1.25rem;
      }
      .next {
        margin-top: 0.5rem;
      }
    `,
  ];
  static override properties = {
    data: { attribute: false },
    code: { type: String },
    _dossier: { state: true },
    _case: { state: true },
    _actions: { state: true },
    _events: { state: true },
    _slips: { state: true },
    _payments: { state: true },
    _error: { state: true },
    _viewing: { state: true },
    _acted: { state: true },
    _notice: { state: true },
    _procedure: { state: true },
  };
  declare data: StaffData;
  declare code: string;
  declare _dossier: DossierView | null;
  declare _case: CaseView | null;
  declare _actions: AllowedAction[];
  declare _events: DossierEvent[];
  declare _slips: ArtefactView[];
  declare _payments: PaymentView[];
  declare _error: string;
  declare _viewing: DossierView['files'][number] | null;
  declare _acted: boolean;
  declare _notice: string;
  declare _procedure: Procedure | null;
  #procedureKey = '';

  constructor() {
    super();
    new LangController(this);
    this.code = '';
    this._dossier = null;
    this._case = null;
    this._actions = [];
    this._events = [];
    this._slips = [];
    this._payments = [];
    this._error = '';
    this._viewing = null;
    this._acted = false;
    this._notice = '';
    this._procedure = null;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('code') && this.code && this.data) {
      this._dossier = null;
      this._acted = false;
      this._viewing = null;
      this._notice = '';
      void this.load();
    }
  }

  private async load() {
    const code = this.code;
    try {
      const [dossier, allowed, events, slips, payments] = await Promise.all([
        this.data.dossier(code),
        this.data.actions(code),
        this.data.events(code),
        this.data.slips(code),
        this.data.payments(code),
      ]);
      if (code !== this.code) return;
      this._dossier = dossier;
      this._case = allowed.dossier;
      this._actions = allowed.actions;
      this._events = events;
      this._slips = slips;
      this._payments = payments;
      this._error = '';
      // The version's documents and steps, for the action forms (a failure leaves them typed by id).
      const key = `${dossier.procedure.code}@${dossier.procedure.version}`;
      if (this.#procedureKey !== key) {
        this.#procedureKey = key;
        this._procedure = null;
        void this.data
          .procedureVersion(dossier.procedure.code, dossier.procedure.version)
          .then((v) => {
            if (this.#procedureKey === key) this._procedure = v.procedure;
          })
          .catch(() => undefined);
      }
    } catch (e) {
      this._error = refusalText(e);
    }
  }

  private async printSlip(kind: SlipKind) {
    try {
      const issued = await this.data.issueSlip(this.code, kind);
      const pdf = issued.find((s) => s.format === 'pdf') ?? issued[0];
      this._slips = await this.data.slips(this.code);
      if (pdf) window.open(this.data.slipUrl(this.code, pdf.id), '_blank', 'noopener');
    } catch (e) {
      this._notice = refusalText(e);
    }
  }

  private async onActed(e: CustomEvent<{ outcome: ActionOutcome }>) {
    this._acted = true;
    this._case = e.detail.outcome.dossier;
    await this.load();
  }

  private async onStale() {
    await this.load();
  }

  private onKey(e: KeyboardEvent) {
    const target = e.composedPath()[0] as HTMLElement;
    if (target.matches('input, textarea, select')) return;
    if (e.key === 'n' && this._acted) {
      const next = nextInWorklist(this.code);
      if (next) navigate(this, paths.dossier(next));
    }
  }

  private renderSummary(d: DossierView, c: CaseView) {
    const now = Date.now();
    return html`<section class="panel" aria-labelledby="summary-title">
      <h2 id="summary-title">${t('summary')}</h2>
      <dl class="facts">
        <dt>${t('procedure')}</dt>
        <dd>${msg(c.procedure.title)} (${d.procedure.code} v${d.procedure.version})</dd>
        <dt>${t('status')}</dt>
        <dd>${msg(d.statusLabel)}</dd>
        <dt>${t('channel')}</dt>
        <dd>${tKey(`channel_${d.channel}`, d.channel)}</dd>
        <dt>${t('submittedAt')}</dt>
        <dd>${formatDateTime(d.submittedAt, lang())}</dd>
        <dt>${t('acceptedAt')}</dt>
        <dd>${formatDateTime(d.acceptedAt, lang())}</dd>
        <dt>${t('dueAt')}</dt>
        <dd>${formatDateTime(d.dueAt, lang())} ${d.dueAt ? html`— ${dueBadge(d.dueAt, now, d.overdue)}` : nothing}</dd>
        <dt>${t('currentStep')}</dt>
        <dd>${c.location.stepTitle ? msg(c.location.stepTitle) : msg(c.location.agencyName)}</dd>
        <dt>${t('handler')}</dt>
        <dd>${c.location.assigneeName ?? t('unassigned')}</dd>
        ${
          c.stepDueAt
            ? html`<dt>${t('colStepDue')}</dt>
              <dd>${dueBadge(c.stepDueAt, now)}</dd>`
            : nothing
        }
      </dl>
    </section>`;
  }

  private renderPeople(d: DossierView) {
    const a = d.applicant;
    const s = d.submitter;
    return html`<section class="panel" aria-labelledby="people-title">
      <h2 id="people-title">${t('applicant')}</h2>
      <dl class="facts">
        <dt>${t('name')}</dt>
        <dd>${a.fullName ?? a.name ?? '—'}</dd>
        <dt>${t('idNumber')}</dt>
        <dd>${a.idNumber ?? a.taxCode ?? '—'}</dd>
        <dt>${t('phone')}</dt>
        <dd>${a.phone ?? '—'}</dd>
        <dt>${t('email')}</dt>
        <dd>${a.email ?? '—'}</dd>
      </dl>
      ${
        s
          ? html`<h3>${t('submitter')}</h3>
            <dl class="facts">
              <dt>${t('name')}</dt>
              <dd>${s.fullName ?? '—'}</dd>
              <dt>${t('idNumber')}</dt>
              <dd>${s.idNumber ?? '—'}</dd>
              <dt>${t('phone')}</dt>
              <dd>${s.phone ?? '—'}</dd>
            </dl>`
          : nothing
      }
    </section>`;
  }

  private renderDocuments(d: DossierView) {
    return html`<section class="panel" aria-labelledby="docs-title">
      <h2 id="docs-title">${t('documents')}</h2>
      ${
        d.files.length === 0
          ? html`<p>${t('noDocuments')}</p>`
          : html`<ul class="files">
            ${d.files.map(
              (f) =>
                html`<li>
                  ${f.name ?? f.documentId} <span class="hint">(${f.documentId}; ${tKey(`provenance_${f.provenance}`, f.provenance)};
                  ${Math.ceil(f.size / 1024)} KB)</span>
                  <button type="button" @click=${() => (this._viewing = f)} aria-label="${t('view')}: ${f.name ?? f.documentId}">
                    ${t('view')}
                  </button>
                </li>`,
            )}
          </ul>`
      }
      ${
        this._viewing
          ? html`<motcua-staff-viewer
            .src=${this.data.fileUrl(d.code, this._viewing.id)}
            .name=${this._viewing.name ?? this._viewing.documentId}
            .mediaType=${this._viewing.mediaType}
            .activeContent=${this._viewing.activeContent}
          ></motcua-staff-viewer>`
          : nothing
      }
    </section>`;
  }

  private renderFees(d: DossierView, c: CaseView) {
    return html`<section class="panel" aria-labelledby="fees-title">
      <h2 id="fees-title">${t('fees')}</h2>
      ${
        d.fees.items.length
          ? html`<ul>
            ${d.fees.items.map((i) => html`<li>${msg((i as { title?: { vi: string; en?: string } }).title)}: ${formatMoney(i.amount, lang())}</li>`)}
          </ul>`
          : nothing
      }
      <p>${t('feeTotal')}: <strong>${formatMoney(d.fees.total, lang())}</strong></p>
      ${
        c.payment
          ? html`<p>
            ${t('payment')}:
            ${
              c.payment.paidAt
                ? t('feePaid', { amount: formatMoney(c.payment.amount, lang()) })
                : t('feeUnpaid', { amount: formatMoney(c.payment.amount, lang()) })
            }
          </p>`
          : nothing
      }
    </section>`;
  }

  private renderSlips() {
    return html`<section class="panel" aria-labelledby="slips-title">
      <h2 id="slips-title">${t('slips')}</h2>
      ${
        this._slips.length === 0
          ? html`<p>${t('noSlips')}</p>`
          : html`<ul class="slips">
            ${this._slips
              .filter((s) => s.format !== 'html')
              .map(
                (s) =>
                  html`<li>
                    <a href=${this.data.slipUrl(this.code, s.id)} target="_blank" rel="noopener">${tKey(`slip_${s.kind}`, s.kind)}</a>
                    <span class="hint">${formatDateTime(s.issuedAt, lang())}</span>
                  </li>`,
              )}
          </ul>`
      }
      <button type="button" @click=${() => this.printSlip('control')}>${t('printSlip', { slip: t('slip_control') })}</button>
      ${this._notice ? html`<p class="error" role="alert">${this._notice}</p>` : nothing}
    </section>`;
  }

  override render() {
    const back = html`<a class="back" href=${paths.inbox()} @click=${onLinkClick}>${t('backToInbox')}</a>`;
    if (this._error && !this._dossier)
      return html`<main id="main" tabindex="-1">${back}<p class="error" role="alert">${this._error}</p></main>`;
    const d = this._dossier;
    const c = this._case;
    if (!d || !c) return html`<main id="main" tabindex="-1">${back}<p role="status">${t('loading')}</p></main>`;
    const next = this._acted ? nextInWorklist(this.code) : null;
    const state = d.state as { handovers?: Handover[] };
    return html`<main id="main" tabindex="-1" @keydown=${this.onKey}>
      ${back}
      <h1>${t('dossierTitle', { code: d.code })}</h1>
      <div class="layout">
        <div class="head">${this.renderSummary(d, c)} ${this.renderPeople(d)}</div>
        <div class="side">
          <motcua-staff-actions
            .data=${this.data}
            .dossier=${c}
            .actions=${this._actions}
            .procedure=${this._procedure}
            @motcua-acted=${this.onActed}
            @motcua-stale=${this.onStale}
          ></motcua-staff-actions>
          ${
            next
              ? html`<p class="next">
                <a class="button primary" id="next-dossier" href=${paths.dossier(next)} @click=${onLinkClick} aria-keyshortcuts="n"
                  >${t('nextDossier')} →</a
                >
              </p>`
              : nothing
          }
          ${this.renderFees(d, c)} ${c.payment || this._payments.length ? paymentsTemplate(this._payments) : nothing}
          ${this.renderSlips()}
        </div>
        <div class="body">
          <section class="panel" aria-labelledby="form-title">
            <h2 id="form-title">${t('formData')}</h2>
            <motcua-staff-form-data
              .data=${this.data}
              .procedure=${d.procedure.code}
              .version=${d.procedure.version}
              .value=${d.data}
            ></motcua-staff-form-data>
          </section>
          ${this.renderDocuments(d)}
          <section class="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">${t('timeline')}</h2>
            ${timelineTemplate(this._events, state.handovers ?? [])}
          </section>
        </div>
      </div>
    </main>`;
  }
}
