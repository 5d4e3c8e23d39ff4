import type { Procedure } from '../model/procedure.ts';
import type { FeeQuote, PaymentDue, PaymentView } from './result-schemas.ts';
import { both } from './reasons.ts';

export type { PaymentDue, PaymentView } from './result-schemas.ts';

/**
 * How and where to pay for a dossier, from its procedure's `fees.payment`, with the dossier code
 * put into the transfer reference (so the collecting agency can match the transfer). Null when
 * the definition says nothing about paying.
 */
export function paymentInstructions(procedure: Procedure, dossierCode: string): PaymentView | null {
  const p = procedure.fees.payment;
  if (!p) return null;
  const t = p.bankTransfer;
  return {
    bankTransfer: t
      ? {
          bank: t.bank,
          accountNumber: t.accountNumber,
          payee: t.payee,
          content: t.content.replaceAll('{code}', dossierCode),
        }
      : null,
    counter: p.counter ?? null,
    note: p.note ?? null,
  };
}

/**
 * What the applicant still has to pay for a dossier and how: the quote's items that cost
 * something (an exempted item is not owed), the total, and the definition's instructions. Null
 * when the quote totals 0 or `settled` (paid, or the dossier closed: see `feesSettled`). A
 * definition without instructions still gives the amount and what for, with the three ways null:
 * the applicant learns what is owed even where the province has not said how yet.
 */
export function paymentDue(
  procedure: Procedure,
  dossierCode: string,
  quote: FeeQuote,
  settled: boolean,
): PaymentDue | null {
  if (settled || quote.total <= 0) return null;
  const how = paymentInstructions(procedure, dossierCode) ?? { bankTransfer: null, counter: null, note: null };
  return {
    collect: quote.collect,
    items: quote.items.filter((l) => l.amount > 0).map((l) => ({ id: l.id, title: both(l.title), amount: l.amount })),
    total: quote.total,
    ...how,
  };
}
