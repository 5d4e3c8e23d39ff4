import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import { formatVnd, pick, type Lang, type Message } from '@motcua/core';
import type { TrackingView } from '@motcua/api';
import { apiUrl, ApiError, getJson, send } from '../../api/http.ts';
import { addStrings, STRINGS, t } from '../../i18n/strings.ts';
import { PAY_STRINGS } from '../../i18n/strings-pay.ts';
import { adoptStyles } from '../../styles/adopt.ts';
import { humanIso } from './format.ts';
import { keepForReturn, pageUrl, takeReturn, type Kept } from './pay-return.ts';
import type { Receipt } from './form-model.ts';

export { takeReturn } from './pay-return.ts';

// This module is its own chunk, loaded when a dossier waits for its fees or comes back from paying.
addStrings(PAY_STRINGS);

type Provider = 'vnpay' | 'paygov';

/** What an element gives its payment panel. */
export interface PayHost extends ReactiveControllerHost, HTMLElement {
  readonly server: string;
  readonly language: Lang;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface PayOptions {
  kind: Kept['kind'];
  code: string;
  secret: string;
  /** The state the provider's return said, when the page was opened by it. */
  returned?: string | null;
  /** What the element keeps to show the dossier again when the payer comes back. */
  extra?: unknown;
  /** The dossier as the element already has it (tracking); otherwise the panel looks it up. */
  view?: TrackingView;
  /** Each time the panel looked the dossier up (its status may have moved on). */
  onView?(view: TrackingView): void;
}

/** Detail of the `motcua-payment` event, sent (cancelable) before the page goes to the provider. */
export interface PaymentDetail {
  code: string;
  provider: Provider;
  redirectUrl: string;
}

/**
 * "Pay now" for a dossier that waits for its fees (status 6): the providers the server offers,
 * then the provider's page; afterwards whether the payment went through. Shown by the receipt of
 * <motcua-form> and by <motcua-track>.
 */
export class PayPanel {
  #view: TrackingView | null = null;
  #provider: Provider | null = null;
  #busy = false;
  #error: Message | null = null;
  #returned: string | null;

  constructor(
    private readonly host: PayHost,
    private readonly o: PayOptions,
  ) {
    this.#returned = o.returned ?? null;
    adoptStyles(host.renderRoot, styles);
    if (o.view) this.show(o.view);
    else void this.refresh();
  }

  /** The dossier as it is now (tracking hands every new view over). */
  show(view: TrackingView): void {
    this.#view = view;
    const offered = view.onlinePayment?.providers ?? [];
    if (!this.#provider || !offered.includes(this.#provider)) this.#provider = offered[0] ?? null;
    this.host.requestUpdate();
  }

  private set(patch: { busy?: boolean; error?: Message | null }): void {
    if (patch.busy !== undefined) this.#busy = patch.busy;
    if (patch.error !== undefined) this.#error = patch.error;
    this.host.requestUpdate();
  }

  private url(path = ''): string {
    return apiUrl(this.host.server, `api/v1/public/dossiers/${encodeURIComponent(this.o.code)}${path}`);
  }

  private failed(err: unknown): void {
    this.set({ error: err instanceof ApiError ? err.text : STRINGS.networkError });
  }

  async refresh(): Promise<void> {
    this.set({ busy: true, error: null });
    try {
      const view = await getJson<TrackingView>(
        this.url(),
        { 'X-Tracking-Secret': this.o.secret },
        { cache: 'no-store' },
      );
      this.show(view);
      this.o.onView?.(view);
    } catch (err) {
      this.failed(err);
    } finally {
      this.set({ busy: false });
    }
  }

  async pay(): Promise<void> {
    const provider = this.#provider;
    if (!provider || this.#busy) return;
    this.set({ busy: true, error: null });
    try {
      const { body } = await send<{ redirectUrl: string }>(this.url('/payments'), {
        method: 'POST',
        headers: { 'X-Tracking-Secret': this.o.secret, 'Content-Type': 'application/json' },
        body: JSON.stringify({ provider, backTo: pageUrl() }),
      });
      const { kind, code, secret, extra } = this.o;
      keepForReturn({ kind, code, secret, extra });
      const go = this.host.dispatchEvent(
        new CustomEvent<PaymentDetail>('motcua-payment', {
          detail: { code, provider, redirectUrl: body.redirectUrl },
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
      // A host page may take the payer there itself (a new window); otherwise this page goes.
      if (go) location.assign(body.redirectUrl);
      else this.set({ busy: false });
    } catch (err) {
      this.failed(err);
      this.set({ busy: false });
    }
  }

  render() {
    const v = this.#view;
    const p = v?.onlinePayment;
    if (!v || !p) return nothing;
    const lang = this.host.language;
    const amount = pick(formatVnd(p.amount), lang);
    const error = this.#error
      ? html`<div class="alert" role="alert" part="error">${pick(this.#error, lang)}</div>`
      : nothing;
    if (p.paidAt)
      return html`<section class="pay paid" part="payment" aria-labelledby="mc-pay-title">
        <h3 id="mc-pay-title" tabindex="-1">✓ ${t('payPaid', lang, { amount })}</h3>
        <p role="status">${t('payPaidAt', lang, { at: humanIso(p.paidAt, lang) })}.
          ${t('payStatusNow', lang, { status: pick(v.statusLabel, lang) })}</p>
      </section>`;
    if (!p.providers.length) return nothing;
    const returned = this.#returned;
    const pending = returned === 'paid' || p.latest?.state === 'pending';
    return html`<section class="pay" part="payment" aria-labelledby="mc-pay-title">
      <h3 id="mc-pay-title" tabindex="-1">${t('payTitle', lang)}</h3>
      ${
        returned && returned !== 'paid'
          ? html`<div class="alert" role="alert" part="error">${t('payNotDone', lang)}</div>`
          : returned === 'paid' && pending
            ? html`<p role="status">${t('payWaiting', lang)}
                <button type="button" part="button" ?disabled=${this.#busy} @click=${() => void this.refresh()}>${t('payCheckAgain', lang)}</button></p>`
            : nothing
      }
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), void this.pay())}>
        <fieldset>
          <legend>${t('payIntro', lang, { amount })}</legend>
          ${p.providers.map(
            (name) => html`<label class="choice">
              <input type="radio" name="mc-pay-provider" value=${name} .checked=${this.#provider === name}
                @change=${() => ((this.#provider = name), this.host.requestUpdate())} />
              ${t(`payProvider_${name}`, lang)}
            </label>`,
          )}
        </fieldset>
        ${error}
        <button type="submit" class="primary" part="button button-primary pay-button" ?disabled=${this.#busy || !this.#provider}>
          ${this.#busy ? t('payGoing', lang) : t('payButton', lang, { amount })}
        </button>
      </form>
    </section>`;
  }
}

/** The panel's look (adopted by its element when this chunk loads). */
export const styles = css`
  .pay {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-top: var(--_space);
  }
  .pay.paid {
    border: 2px solid var(--_success);
  }
  .pay.paid h3 {
    color: var(--_success);
  }
  .pay fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 var(--_space);
  }
  .pay legend {
    padding: 0;
    margin-bottom: 0.5rem;
  }
  .pay .choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    padding: 0.25rem 0;
  }
`;

/** What <motcua-form>'s controller lends the receipt's payment panel. */
export interface ReceiptHolder {
  readonly host: PayHost;
  readonly s: { readonly phase: string; readonly receipt: Receipt | null; readonly form: { code: string } | null };
  pay: PayPanel | null;
  set(patch: { phase?: 'receipt'; receipt?: Receipt }): void;
  focusId(id: string): void;
}

/** "Pay now" under a receipt whose dossier waits for its fees. */
export function payUnderReceipt(c: ReceiptHolder, returned: string | null): void {
  const r = c.s.receipt;
  if (!r || c.s.phase !== 'receipt') return;
  c.pay = new PayPanel(c.host, {
    kind: 'form',
    code: r.code,
    secret: r.secret,
    returned,
    extra: { procedure: c.s.form!.code, receipt: r },
    // The receipt says the status the dossier has now (received, once paid), and what is still owed.
    onView: (v) => {
      const now = c.s.receipt;
      if (now?.code === v.code)
        c.set({ receipt: { ...now, status: v.status, statusLabel: v.statusLabel, payment: v.payment } });
    },
  });
  c.host.requestUpdate();
}

/** Back from the provider: the receipt this tab kept before leaving, when it is of this procedure. */
export function backToReceipt(c: ReceiptHolder, procedure: string): void {
  const back = takeReturn('form');
  const kept = back?.kept.extra as { procedure: string; receipt: Receipt } | undefined;
  if (!kept?.receipt || kept.procedure !== procedure || c.s.form?.code !== procedure) return;
  c.set({ phase: 'receipt', receipt: kept.receipt });
  // The receipt's payment instructions (the receipt's chunk is loaded: the same module instance).
  if (kept.receipt.payment)
    void import('./receipt.ts')
      .then((m) => m.payInfoPart.load())
      .then(
        () => c.host.requestUpdate(),
        () => undefined,
      );
  payUnderReceipt(c, back!.state);
  void c.host.updateComplete.then(() => c.focusId('mc-receipt-title'));
}
