import { css, html, nothing, type TemplateResult } from 'lit';
import { formatVnd, pick, type Lang, type PaymentDue } from '@motcua/core';
import { addStrings, t } from '../../i18n/strings.ts';
import { PAY_INFO_STRINGS } from '../../i18n/strings-pay-info.ts';

// How much is owed, for what, and how and where to pay it (the server's `payment`, from core's
// paymentDue): a chunk of its own, shared by the receipt and <motcua-track>, fetched only for a
// dossier that owes something. Its words come with it.
addStrings(PAY_INFO_STRINGS);

/**
 * The instructions on screen (`print` false: with copy buttons for the account number and the
 * transfer reference) or on the printed receipt (`print` true: text only). `agency` names whom to
 * ask when the procedure's definition says nothing about how to pay.
 */
export function payInfoTemplate(p: PaymentDue, agency: string, lang: Lang, print = false): TemplateResult {
  const b = p.bankTransfer;
  const money = (n: number) => pick(formatVnd(n), lang);
  const h = print ? (text: string) => html`<h2>${text}</h2>` : (text: string) => html`<h4>${text}</h4>`;
  return html`<section class="pay-info" part="payment-info" aria-labelledby="mc-pay-info-title">
    ${print ? html`<h2 id="mc-pay-info-title">${t('payInfoTitle', lang)}</h2>` : html`<h3 id="mc-pay-info-title">${t('payInfoTitle', lang)}</h3>`}
    <table class="pay-items">
      <caption class="sr-only">${t('payInfoItems', lang)}</caption>
      <tbody>${p.items.map((i) => html`<tr><th scope="row">${pick(i.title, lang)}</th><td>${money(i.amount)}</td></tr>`)}</tbody>
      <tfoot><tr><th scope="row">${t('payInfoTotal', lang)}</th><td><strong class="pay-total">${money(p.total)}</strong></td></tr></tfoot>
    </table>
    <p class="pay-when">${t(p.collect === 'before' ? 'payInfoBefore' : 'payInfoAfter', lang)}</p>
    ${
      b
        ? html`${h(t('payInfoTransfer', lang))}
          <dl class="pay-transfer">
            <dt>${t('payInfoBank', lang)}</dt><dd>${b.bank}</dd>
            <dt>${t('payInfoAccount', lang)}</dt><dd><span class="pay-account">${b.accountNumber}</span>${print ? nothing : copyButton(b.accountNumber, 'payInfoCopyAccount', lang)}</dd>
            <dt>${t('payInfoPayee', lang)}</dt><dd>${b.payee}</dd>
            <dt>${t('payInfoContent', lang)}</dt><dd><span class="pay-content">${b.content}</span>${print ? nothing : copyButton(b.content, 'payInfoCopyContent', lang)}</dd>
          </dl>
          <p class="hint">${t('payInfoContentNote', lang)}</p>`
        : nothing
    }
    ${p.counter ? html`${h(t('payInfoCounter', lang))}<p class="pay-counter">${pick(p.counter, lang)}</p>` : nothing}
    ${p.note ? html`<p class="pay-note">${pick(p.note, lang)}</p>` : nothing}
    ${!b && !p.counter && !p.note ? html`<p class="pay-ask">${t('payInfoAskAgency', lang, { agency })}</p>` : nothing}
  </section>`;
}

/**
 * A copy button and, after it, a live region that says whether copying worked. The region's text
 * is set here, not by a render: it has no bindings, so the next render leaves it as it is.
 */
function copyButton(text: string, label: 'payInfoCopyAccount' | 'payInfoCopyContent', lang: Lang) {
  const copy = async (e: Event) => {
    const said = (e.currentTarget as HTMLElement).nextElementSibling as HTMLElement;
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // No clipboard (an insecure page, a refused permission): the text stays on screen to copy by hand.
    }
    said.textContent = ok ? `✓ ${t('payInfoCopied', lang)}` : t('payInfoCopyFailed', lang);
  };
  return html`<button type="button" class="copy" part="button copy" aria-label=${t(label, lang)} @click=${copy}>${t('payInfoCopy', lang)}</button><span class="copied" role="status"></span>`;
}

/** The look on screen (adopted by the element that shows it). */
export const styles = css`
  .pay-info {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: var(--_space) 0;
  }
  .pay-items {
    border-collapse: collapse;
    margin-bottom: 0.5rem;
  }
  .pay-items th,
  .pay-items td {
    text-align: start;
    padding: 0.2rem 1rem 0.2rem 0;
    font-weight: normal;
  }
  .pay-items tfoot th {
    font-weight: 600;
  }
  .pay-transfer {
    display: grid;
    grid-template-columns: minmax(9rem, max-content) 1fr;
    gap: 0.35rem 1rem;
    margin: 0 0 0.5rem;
  }
  .pay-transfer dt {
    font-weight: 600;
  }
  .pay-transfer dd {
    margin: 0;
    word-break: break-word;
  }
  .pay-account,
  .pay-content {
    font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace;
    margin-inline-end: 0.5rem;
  }
  .copied {
    margin-inline-start: 0.5rem;
  }
`;
