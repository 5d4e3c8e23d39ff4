import { html, nothing, type TemplateResult } from 'lit';
import {
  computeFees,
  FeeQuantityError,
  formatVnd,
  pick,
  type Lang,
  type Procedure,
  type SchemaEvaluator,
} from '@motcua/core';
import { t } from '../../i18n/strings.ts';
import { humanDateTime, isoOf } from './format.ts';

/** The running fee summary (core's computeFees) and the expected appointment (core's computeDue). */
export function summaryTemplate(
  procedure: Procedure,
  data: unknown,
  evaluator: SchemaEvaluator,
  lang: Lang,
  /** undefined: not worked out yet (it waits for the form's first paint). */
  due: { at: number; timeZone: string } | null | undefined,
): TemplateResult {
  return html`<section class="summary-panel" part="fees" aria-labelledby="mc-fees-title">
    <h3 id="mc-fees-title">${t('feesTitle', lang)}</h3>
    ${feeLines(procedure, data, evaluator, lang)}
    <h3 id="mc-due-title">${t('appointmentTitle', lang)}</h3>
    ${
      due === undefined
        ? html`<p class="due" part="appointment" aria-busy="true"></p>`
        : due
          ? html`<p class="due" part="appointment"><time datetime=${isoOf(due.at, due.timeZone)}>${humanDateTime(due.at, lang, due.timeZone)}</time></p>
          <p class="hint">${t('appointmentNote', lang)}</p>`
          : html`<p class="hint" part="appointment">${t('appointmentUnknown', lang)}</p>`
    }
  </section>`;
}

function feeLines(procedure: Procedure, data: unknown, evaluator: SchemaEvaluator, lang: Lang): TemplateResult {
  try {
    const quote = computeFees(procedure, data, evaluator);
    if (!quote.items.length) return html`<p>${t('feesNone', lang)}</p>`;
    return html`<table class="fees-table">
        <tbody>
          ${quote.items.map(
            (line) => html`<tr>
              <th scope="row">${pick(line.title, lang)}${line.quantity !== 1 && line.unit ? html` (${line.quantity} ${pick(line.unit, lang)})` : nothing}
                <span class="hint">${pick(line.reason, lang)}</span></th>
              <td>${pick(formatVnd(line.amount), lang)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr><th scope="row">${t('feesTotal', lang)}</th><td><strong>${pick(formatVnd(quote.total), lang)}</strong></td></tr>
        </tfoot>
      </table>
      <p class="hint">${quote.collect === 'before' ? t('feesBefore', lang) : t('feesAfter', lang)}</p>`;
  } catch (err) {
    const reason =
      err instanceof FeeQuantityError && err.issues[0]
        ? pick(err.issues[0].message, lang)
        : String((err as Error).message ?? err);
    return html`<p class="hint">${t('feesUnknown', lang, { reason })}</p>`;
  }
}
