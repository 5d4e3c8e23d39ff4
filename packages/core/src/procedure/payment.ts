import type { Procedure } from '../model/procedure.ts';
import type { PaymentView } from './result-schemas.ts';

export type { PaymentView } from './result-schemas.ts';

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
