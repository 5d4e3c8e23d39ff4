import { feesSettled, paymentDue, type DossierState, type FeeQuote, type PaymentDue } from '@motcua/core';
import type { ServerContext } from '../context.ts';
import { loadVersion } from '../procedures/catalog.ts';
import type { DossierRow } from './load.ts';
import { dossierByCode } from './load.ts';

/**
 * What the applicant of a stored dossier still owes and how to pay it (core's `paymentDue` over
 * the quote stored at submission and core's `feesSettled`), from the dossier's own version.
 */
export async function dossierPaymentDue(
  ctx: Pick<ServerContext, 'db'>,
  row: Pick<DossierRow, 'code' | 'procedureCode' | 'procedureVersion' | 'fees' | 'state'>,
): Promise<PaymentDue | null> {
  if (row.code === null) return null;
  const version = await loadVersion(ctx, row.procedureCode, row.procedureVersion);
  if (!version) return null;
  return paymentDue(version.definition, row.code, row.fees as FeeQuote, feesSettled(row.state as DossierState));
}

/**
 * A submission answered again from its idempotency key: the stored body cannot hold what is due
 * (its transfer reference needs the code, allocated in the same statement that stores it), so it
 * is read from the dossier as it is now.
 */
export async function withPaymentDue(
  ctx: Pick<ServerContext, 'db'>,
  result: { status: number; body: unknown },
): Promise<{ status: number; body: unknown }> {
  const body = result.body as { code?: unknown } | null;
  if (result.status !== 201 || !body || typeof body.code !== 'string') return result;
  const row = await dossierByCode(ctx.db, body.code);
  return { ...result, body: { ...body, payment: row ? await dossierPaymentDue(ctx, row) : null } };
}
