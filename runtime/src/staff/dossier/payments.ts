import { html, nothing } from 'lit';
import type { PaymentView } from '@motcua/api';
import { lang, t, tKey } from '../i18n/language.ts';
import { formatDateTime, formatMoney } from '../ui/format.ts';

/**
 * A dossier's online payments for staff: amount, provider, our order reference and the provider's,
 * state, and when each step happened (a refund with its reason).
 */
export function paymentsTemplate(payments: readonly PaymentView[]) {
  const l = lang();
  return html`<section class="panel" aria-labelledby="payments-title">
    <h2 id="payments-title">${t('onlinePayments')}</h2>
    ${
      payments.length === 0
        ? html`<p>${t('noOnlinePayments')}</p>`
        : html`<table class="payments">
          <thead>
            <tr>
              <th scope="col">${t('paymentAmount')}</th>
              <th scope="col">${t('paymentProvider')}</th>
              <th scope="col">${t('paymentReference')}</th>
              <th scope="col">${t('paymentState')}</th>
              <th scope="col">${t('paymentTimes')}</th>
            </tr>
          </thead>
          <tbody>
            ${payments.map(
              (p) => html`<tr class=${`payment ${p.state}`}>
                <td>${formatMoney(p.amount, l)}</td>
                <td>${tKey(`provider_${p.provider}`, p.provider)}</td>
                <td>
                  <code>${p.orderRef}</code>
                  ${p.providerRef ? html`<br /><span class="hint">${t('paymentProviderRef', { ref: p.providerRef })}</span>` : nothing}
                </td>
                <td>${tKey(`paymentState_${p.state}`, p.state)}</td>
                <td>
                  ${t('paymentCreatedAt', { at: formatDateTime(p.createdAt, l) })}
                  ${p.paidAt ? html`<br />${t('paymentPaidAt', { at: formatDateTime(p.paidAt, l) })}` : nothing}
                  ${p.failedAt ? html`<br />${t('paymentFailedAt', { at: formatDateTime(p.failedAt, l) })}` : nothing}
                  ${
                    p.refundedAt
                      ? html`<br />${t('paymentRefundedAt', { at: formatDateTime(p.refundedAt, l), reason: p.refundReason ?? '' })}`
                      : nothing
                  }
                </td>
              </tr>`,
            )}
          </tbody>
        </table>`
    }
  </section>`;
}
