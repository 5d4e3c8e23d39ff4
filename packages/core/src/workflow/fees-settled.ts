import type { DossierState } from './types.ts';

/**
 * Whether the applicant no longer owes the dossier's fees: nothing was owed, they were paid at
 * the counter when it was accepted there, the payment asked for was recorded (online or at the
 * counter), or the dossier is closed (result handed over, refused, withdrawn: nothing is
 * collected any more). The receipt and tracking stop showing how to pay once this holds.
 */
export function feesSettled(state: DossierState): boolean {
  return (
    state.fees.owed === 0 ||
    state.fees.paidAtCounter ||
    (state.payment !== null && state.payment.paidAt !== null) ||
    state.closed
  );
}
