import { LitElement, css, html, nothing } from 'lit';
import { applicantPrefill, foldText, pick, type Procedure } from '@motcua/core';
import type { CaseView, PublicProcedure, PublicProcedureSummary } from '@motcua/api';
import type { StaffData } from '../data/staff-data.ts';
import { LangController, lang, t } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';
import { refusalText } from '../ui/refusal.ts';
import { onLinkClick, paths } from '../ui/navigate.ts';
import { configureCounterForm } from './counter-form.ts';
import type { StaffGuidance } from './staff-guidance.ts';

/** The citizen form element and the form renderer inside it, loaded with the intake screen only. */
const formElement = () =>
  Promise.all([import('../../elements/form/motcua-form.ts'), import('../../elements/form/motcua-jsonforms.ts')]).then(
    ([form, inner]) => {
      if (!customElements.get('motcua-jsonforms')) customElements.define('motcua-jsonforms', inner.MotcuaJsonForms);
      if (!customElements.get('motcua-form')) customElements.define('motcua-form', form.MotcuaForm);
    },
  );

/**
 * <motcua-staff-intake>: counter and postal intake, full-screen on a counter's tablet — find a
 * returning applicant by ID number (their details shown and put into the form at the procedure's
 * applicant fields), pick the procedure (accents optional), fill the citizen form
 * with its documents checklist, scans and fees, save; the receipt slip is then printed. For an
 * incomplete dossier, the guidance slip (<motcua-staff-guidance>) lists what to bring.
 */
export class StaffIntake extends LitElement {
  static override styles = [
    staffStyles,
    css`
      :host(:fullscreen) {
        background: var(--_bg);
        overflow: auto;
        padding: 1rem;
      }
      .procedures {
        list-style: none;
        padding: 0;
        max-height: 18rem;
        overflow: auto;
        border: 1px solid #c6ccd5;
        border-radius: var(--_radius);
      }
      .procedures button {
        width: 100%;
        justify-content: flex-start;
        border: 0;
        border-bottom: 1px solid #e1e5ea;
        border-radius: 0;
        text-align: start;
      }
      .received .secret {
        font-size: 1.5rem;
        letter-spacing: 0.08em;
        font-weight: 700;
      }
      .received dd {
        margin: 0 0 0.5rem;
      }
      @media print {
        .no-print {
          display: none !important;
        }
      }
    `,
  ];
  static override properties = {
    data: { attribute: false },
    agency: { type: String },
    office: { type: String },
    clerk: { type: String },
    _procedures: { state: true },
    _query: { state: true },
    _chosen: { state: true },
    _channel: { state: true },
    _found: { state: true },
    _findMessage: { state: true },
    _received: { state: true },
    _error: { state: true },
  };
  declare data: StaffData;
  declare agency: string;
  /** The receiving office's name and the clerk's, for the slips printed here. */
  declare office: string;
  declare clerk: string;
  declare _procedures: PublicProcedureSummary[];
  declare _query: string;
  declare _chosen: PublicProcedure | null;
  declare _channel: 'direct' | 'postal';
  declare _found: CaseView[];
  declare _findMessage: string;
  /** The dossier just saved: its code, the tracking secret to read aloud (memory only), its receipt. */
  declare _received: { code: string; secret: string | null; slipUrl: string | null } | null;
  /** Tracking secrets of dossiers just saved, until their receipt is issued (memory only). */
  private readonly _secrets = new Map<string, string>();
  declare _error: string;

  constructor() {
    super();
    new LangController(this);
    this.agency = '';
    this.office = '';
    this.clerk = '';
    this._procedures = [];
    this._query = '';
    this._chosen = null;
    this._channel = 'direct';
    this._found = [];
    this._findMessage = '';
    this._received = null;
    this._error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.data
      .procedures()
      .then((p) => (this._procedures = p))
      .catch((e) => (this._error = refusalText(e)));
  }

  private procedureMatches(): PublicProcedureSummary[] {
    const q = foldText(this._query);
    if (!q) return this._procedures;
    return this._procedures.filter((p) =>
      foldText(`${p.code} ${p.title.vi} ${p.title.en ?? ''} ${p.field.title.vi}`).includes(q),
    );
  }

  private async find(e: SubmitEvent) {
    e.preventDefault();
    const id = String(new FormData(e.target as HTMLFormElement).get('idNumber') ?? '').trim();
    if (!id) {
      this._findMessage = t('fieldRequired', { field: t('idNumber') });
      return;
    }
    try {
      const page = await this.data.inbox(this.agency, { view: 'passed', q: id, limit: 5 });
      this._found = page.items.filter((d) => d.applicant.idNumber === id);
      this._findMessage = this._found[0]
        ? t('applicantFound', { name: this._found[0].applicant.name })
        : t('applicantNotFound');
      const form = this.renderRoot.querySelector<HTMLElement & { initialData?: unknown }>('motcua-form');
      if (form && this._chosen) form.initialData = this.prefill(this._chosen.procedure);
    } catch (err) {
      this._findMessage = refusalText(err);
    }
  }

  /** The found applicant's details at the procedure's applicant fields (nothing when none was found). */
  private prefill(procedure: Procedure): Record<string, unknown> | undefined {
    const a = this._found[0]?.applicant;
    if (!a || a.kind === 'organization') return undefined;
    return applicantPrefill(procedure, {
      fullName: a.name,
      ...(a.idNumber ? { idNumber: a.idNumber } : {}),
      ...(a.phone ? { phone: a.phone } : {}),
    });
  }

  private async choose(p: PublicProcedureSummary) {
    this._error = '';
    this._received = null;
    try {
      const [view] = await Promise.all([this.data.procedureVersion(p.code), formElement()]);
      this._chosen = view;
      await this.updateComplete;
      const form = this.renderRoot.querySelector<HTMLElement>('motcua-form');
      if (form)
        await configureCounterForm(
          form,
          this.data,
          this.agency,
          view,
          () => this._channel,
          this.prefill(view.procedure),
          (res) => this._secrets.set(res.code, res.secret),
        );
    } catch (e) {
      this._error = refusalText(e);
    }
  }

  private async onSubmitted(e: CustomEvent<{ code: string }>) {
    const code = e.detail.code;
    // The walk-in applicant's only copies of the tracking secret: on screen, read aloud at the
    // counter, and on the receipt with a QR code. Neither is kept once the clerk moves on.
    const secret = this._secrets.get(code) ?? null;
    this._secrets.delete(code);
    this._received = { code, secret, slipUrl: null };
    // The next applicant starts with an empty checklist.
    this.renderRoot.querySelector<StaffGuidance>('motcua-staff-guidance')?.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#received-title')?.focus();
    try {
      const slips = await this.data.issueSlip(code, 'receipt', undefined, secret ?? undefined);
      const pdf = slips.find((s) => s.format === 'pdf') ?? slips[0];
      if (pdf) {
        const url = this.data.slipUrl(code, pdf.id);
        this._received = { code, secret, slipUrl: url };
        window.open(url, '_blank', 'noopener');
      }
    } catch (err) {
      this._error = refusalText(err);
    }
  }

  /**
   * The next person at the counter starts from nothing: no procedure, no form, and not the last
   * applicant's details (which would otherwise be put into the next form).
   */
  private async nextApplicant() {
    this._received = null;
    this._chosen = null;
    this._found = [];
    this._findMessage = '';
    this._query = '';
    this._channel = 'direct';
    this._error = '';
    const find = this.renderRoot.querySelector<HTMLInputElement>('#find-id');
    if (find) find.value = '';
    await this.updateComplete;
    find?.focus();
  }

  /** The form's checklist follows the channel: the documents asked differ per channel. */
  private setChannel(channel: 'direct' | 'postal') {
    this._channel = channel;
    const form = this.renderRoot.querySelector<HTMLElement & { channel: string }>('motcua-form');
    if (form) form.channel = channel;
  }

  private toggleFullScreen() {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void this.requestFullscreen?.().catch(() => undefined);
  }

  override render() {
    const view = this._chosen;
    return html`<main id="main" tabindex="-1">
      <div class="row no-print">
        <h1>${t('intakeTitle')}</h1>
        <button type="button" @click=${this.toggleFullScreen}>${t('fullScreen')}</button>
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <section class="panel no-print" aria-labelledby="find-title">
        <h2 id="find-title">${t('findApplicant')}</h2>
        <form class="row" @submit=${this.find}>
          <label for="find-id">${t('idNumber')}</label>
          <input id="find-id" name="idNumber" inputmode="numeric" autocomplete="off" />
          <button type="submit">${t('find')}</button>
        </form>
        ${this._findMessage ? html`<p role="status">${this._findMessage}</p>` : nothing}
        ${
          this._found[0]
            ? html`<dl class="facts">
              <dt>${t('name')}</dt>
              <dd>${this._found[0].applicant.name}</dd>
              <dt>${t('idNumber')}</dt>
              <dd>${this._found[0].applicant.idNumber}</dd>
              <dt>${t('phone')}</dt>
              <dd>${this._found[0].applicant.phone ?? '—'}</dd>
            </dl>`
            : nothing
        }
      </section>
      <section class="panel no-print" aria-labelledby="pick-title">
        <h2 id="pick-title">${t('pickProcedure')}</h2>
        <div class="field">
          <label for="proc-q">${t('procedureSearch')}</label>
          <input
            id="proc-q"
            type="search"
            .value=${this._query}
            @input=${(e: Event) => (this._query = (e.target as HTMLInputElement).value)}
          />
        </div>
        <ul class="procedures" aria-label=${t('pickProcedure')}>
          ${this.procedureMatches().map(
            (p) =>
              html`<li>
                <button type="button" aria-pressed=${view?.code === p.code ? 'true' : 'false'} @click=${() => this.choose(p)}>
                  ${p.code} — ${pick(p.title, lang())}
                </button>
              </li>`,
          )}
        </ul>
        <fieldset class="row">
          <legend>${t('channel')}</legend>
          <label
            ><input
              type="radio"
              name="channel"
              .checked=${this._channel === 'direct'}
              @change=${() => this.setChannel('direct')}
            />
            ${t('channelDirect')}</label
          >
          <label
            ><input
              type="radio"
              name="channel"
              .checked=${this._channel === 'postal'}
              @change=${() => this.setChannel('postal')}
            />
            ${t('channelPostal')}</label
          >
        </fieldset>
      </section>
      ${
        this._received
          ? html`<section class="panel received" aria-labelledby="received-title">
            <h2 id="received-title" class="success" tabindex="-1">${t('received', { code: this._received.code })}</h2>
            ${
              this._received.secret
                ? html`<dl>
                    <dt>${t('trackingCode')}</dt>
                    <dd><code>${this._received.code}</code></dd>
                    <dt>${t('trackingSecret')}</dt>
                    <dd><code class="secret" aria-describedby="secret-hint">${this._received.secret}</code></dd>
                  </dl>
                  <p id="secret-hint" class="hint">${t('readSecretAloud')}</p>`
                : nothing
            }
            ${
              this._received.slipUrl
                ? html`<a class="button primary" href=${this._received.slipUrl} target="_blank" rel="noopener"
                  >${t('printSlip', { slip: t('slip_receipt') })}</a
                >`
                : nothing
            }
            <a href=${paths.dossier(this._received.code)} @click=${onLinkClick}>${t('dossierTitle', { code: this._received.code })}</a>
            <p>
              <button type="button" id="next-applicant" @click=${this.nextApplicant}>${t('nextApplicant')}</button>
            </p>
          </section>`
          : nothing
      }
      ${
        // Once saved, the panel above says it all: the citizen form's own receipt would repeat it
        // with a second, different print button.
        view && !this._received
          ? html`<motcua-staff-guidance
              .procedure=${view.procedure}
              channel=${this._channel}
              .office=${this.office}
              .clerk=${this.clerk}
            ></motcua-staff-guidance>
            <motcua-form class="no-print" lang=${lang()} @motcua-submitted=${this.onSubmitted}></motcua-form>`
          : nothing
      }
    </main>`;
  }
}
