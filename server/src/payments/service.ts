import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DossierState, FeeQuote } from '@motcua/core';
import type { ServerContext } from '../context.ts';
import { execute, type Executor } from '../db/client.ts';
import { paymentCallbacks, payments, type PaymentState } from '../db/schema/index.ts';
import { act } from '../dossiers/act.ts';
import { dossierById, type DossierRow } from '../dossiers/load.ts';
import { errors, HttpError } from '../http/errors.ts';
import type { PaymentProvider, ProviderName, Settlement } from './providers.ts';

export type PaymentRow = typeof payments.$inferSelect;

/** A fresh order reference: letters and digits only (VNPay's vnp_TxnRef), unique per payment. */
export function newOrderRef(now: number): string {
  return `MC${now.toString(36).toUpperCase()}${randomBytes(6).toString('hex').toUpperCase()}`;
}

/** The fees the dossier waits for: core's pre-acceptance payment request, not yet paid. */
export function amountDue(row: DossierRow): number | null {
  const s = row.state as DossierState;
  if (row.status !== 6 || !s.payment || s.payment.paidAt !== null) return null;
  return s.payment.amount;
}

export interface StartedPayment {
  paymentId: string;
  orderRef: string;
  amount: number;
  redirectUrl: string;
}

/**
 * Starts paying what a dossier waits for through `provider`: the record first (created), then
 * the provider's redirect (pending). A provider that refuses leaves the record failed.
 */
export async function startPayment(
  ctx: ServerContext,
  row: DossierRow,
  provider: PaymentProvider,
  options: { ip: string; returnUrl: string; backTo: string | null },
): Promise<StartedPayment> {
  const amount = amountDue(row);
  if (amount === null)
    throw errors.conflict(
      'not_awaiting_payment',
      { vi: 'Hồ sơ không chờ thanh toán', en: 'The dossier is not waiting for a payment' },
      { dossierStatus: row.status },
    );
  const now = ctx.clock.now();
  const id = randomUUID();
  const orderRef = newOrderRef(now);
  const fees = row.fees as FeeQuote;
  await ctx.db.insert(payments).values({
    id,
    dossierId: row.id,
    orderRef,
    provider: provider.name,
    amount,
    feeItems: fees.items,
    state: 'created',
    returnUrl: options.backTo,
    createdAt: new Date(now),
    updatedAt: new Date(now),
  });
  let redirectUrl: string;
  try {
    redirectUrl = await provider.begin({
      ref: orderRef,
      amount,
      info: `Thanh toan ho so ${row.code}`,
      ip: options.ip,
      at: now,
      returnUrl: options.returnUrl,
      receipt: {
        dossierCode: row.code!,
        procedureCode: row.procedureCode,
        agencyCode: row.receivingAgency,
        payerName: row.applicantName,
        fees: fees.items,
      },
    });
  } catch (err) {
    await setState(ctx.db, id, 'created', 'failed', now, { providerCode: 'begin-failed' });
    ctx.log.warn({ err: (err as Error).message, provider: provider.name }, 'payment provider refused the order');
    throw new HttpError(503, 'payment_provider_unavailable', {
      vi: 'Cổng thanh toán không phản hồi, hãy thử lại sau',
      en: 'The payment provider did not answer; try again later',
    });
  }
  await setState(ctx.db, id, 'created', 'pending', now);
  return { paymentId: id, orderRef, amount, redirectUrl };
}

async function setState(
  db: Executor,
  id: string,
  from: PaymentState,
  to: PaymentState,
  now: number,
  extra: Partial<typeof payments.$inferInsert> = {},
): Promise<boolean> {
  const at = new Date(now);
  const rows = await db
    .update(payments)
    .set({
      state: to,
      updatedAt: at,
      ...(to === 'paid'
        ? { paidAt: at }
        : to === 'failed'
          ? { failedAt: at }
          : to === 'refunded'
            ? { refundedAt: at }
            : {}),
      ...extra,
    })
    .where(and(eq(payments.id, id), eq(payments.state, from)))
    .returning({ id: payments.id });
  return rows.length === 1;
}

export type Refusal = 'bad-signature' | 'unknown-order' | 'wrong-amount';

export interface Verdict {
  outcome: 'accepted' | 'duplicate' | 'refused';
  reason: Refusal | null;
  payment: PaymentRow | null;
}

/** Keeps one received return/IPN/callback with its verdict (refused ones are the tampering trail). */
export async function recordCallback(
  ctx: ServerContext,
  provider: ProviderName,
  channel: string,
  orderRef: string | null,
  verdict: Verdict,
  params: unknown,
): Promise<void> {
  await ctx.db.insert(paymentCallbacks).values({
    provider,
    channel,
    orderRef: orderRef?.slice(0, 100) ?? null,
    paymentId: verdict.payment?.id ?? null,
    outcome: verdict.outcome,
    reason: verdict.reason,
    params: params ?? {},
    receivedAt: new Date(ctx.clock.now()),
  });
  if (verdict.outcome === 'refused')
    ctx.log.warn({ provider, channel, orderRef, reason: verdict.reason }, 'payment callback refused');
}

class AlreadySettled extends Error {}

/**
 * Applies a provider's VERIFIED verdict on an order: the order must be ours and of this
 * provider, the amount exactly the one asked; a settled order stays as it is (duplicate). Paid
 * becomes the dossier's payment_recorded event in the same transaction, so the dossier leaves
 * status 6 by itself; a paid order whose dossier cannot take it any more (withdrawn meanwhile)
 * stays paid for a refund.
 */
export async function settle(
  ctx: ServerContext,
  provider: ProviderName,
  orderRef: string,
  s: Settlement,
): Promise<Verdict> {
  const [p] = await ctx.db.select().from(payments).where(eq(payments.orderRef, orderRef));
  if (!p || p.provider !== provider) return { outcome: 'refused', reason: 'unknown-order', payment: null };
  if (s.amount !== p.amount) return { outcome: 'refused', reason: 'wrong-amount', payment: p };
  if (p.state !== 'pending') return { outcome: 'duplicate', reason: null, payment: p };
  const now = ctx.clock.now();
  const extra = { providerRef: s.providerRef, providerCode: s.code };
  if (!s.ok) {
    const done = await setState(ctx.db, p.id, 'pending', 'failed', now, extra);
    return { outcome: done ? 'accepted' : 'duplicate', reason: null, payment: await reread(ctx, p.id) };
  }
  const row = await dossierById(ctx.db, p.dossierId);
  const state = row!.state as DossierState;
  try {
    await act(
      ctx,
      row!,
      {
        kind: 'payment_recorded',
        actor: { kind: 'external', id: provider },
        at: Math.max(now, state.lastEventAt),
        params: { amount: p.amount, reference: orderRef, method: provider === 'vnpay' ? 'VNPay' : 'PayGov' },
      },
      async (tx) => {
        if (!(await setState(tx, p.id, 'pending', 'paid', now, extra))) throw new AlreadySettled();
      },
    );
  } catch (err) {
    if (err instanceof AlreadySettled) return { outcome: 'duplicate', reason: null, payment: await reread(ctx, p.id) };
    if (!(err instanceof HttpError)) throw err;
    // The dossier refused the event (no longer waiting): the money is taken all the same.
    ctx.log.warn({ orderRef, code: err.code }, 'paid order of a dossier that no longer waits for it');
    const done = await setState(ctx.db, p.id, 'pending', 'paid', now, extra);
    if (!done) return { outcome: 'duplicate', reason: null, payment: await reread(ctx, p.id) };
  }
  return { outcome: 'accepted', reason: null, payment: await reread(ctx, p.id) };
}

async function reread(ctx: ServerContext, id: string): Promise<PaymentRow> {
  return (await ctx.db.select().from(payments).where(eq(payments.id, id)))[0]!;
}

/** Records a refund of a paid payment, with its reason (the money goes back outside motcua). */
export async function refundPayment(
  ctx: ServerContext,
  paymentId: string,
  reason: string,
  by: string,
): Promise<PaymentRow> {
  if (!reason.trim())
    throw errors.badRequest('invalid_data', { vi: 'Cần nêu lý do hoàn tiền', en: 'A refund needs a reason' }, [
      { pointer: '/reason', code: 'required', message: { vi: 'Bắt buộc', en: 'Required' } },
    ]);
  const done = await setState(ctx.db, paymentId, 'paid', 'refunded', ctx.clock.now(), {
    refundReason: reason.trim(),
    refundedBy: by,
  });
  if (!done)
    throw errors.conflict('not_refundable', {
      vi: 'Chỉ hoàn được khoản đã thanh toán',
      en: 'Only a paid payment can be refunded',
    });
  return reread(ctx, paymentId);
}

export interface ReconciliationRow extends Record<string, unknown> {
  orderRef: string;
  providerRef: string | null;
  dossierCode: string | null;
  amount: number;
  state: PaymentState;
  paidAt: string;
}

/**
 * The reconciliation report of one provider and one day (in `timeZone`): every payment paid that
 * day, refunded ones included with their state, and the totals to compare with the provider's
 * statement.
 */
export async function reconciliation(
  db: Executor,
  provider: ProviderName,
  day: string,
  timeZone: string,
  agencies: readonly string[],
) {
  if (!agencies.length) return { provider, day, count: 0, paid: 0, refunded: 0, net: 0, items: [] };
  const rows = await execute(
    db,
    sql`select p.order_ref, p.provider_ref, d.code, p.amount, p.state, p.paid_at
          from payments p join dossiers d on d.id = p.dossier_id
         where p.provider = ${provider} and p.paid_at is not null
           and (p.paid_at at time zone ${timeZone})::date = ${day}::date
           and d.receiving_agency in (${sql.join(
             agencies.map((a) => sql`${a}`),
             sql`, `,
           )})
         order by p.paid_at, p.order_ref`,
  );
  const items: ReconciliationRow[] = rows.map((r) => ({
    orderRef: String(r.order_ref),
    providerRef: (r.provider_ref as string | null) ?? null,
    dossierCode: (r.code as string | null) ?? null,
    amount: Number(r.amount),
    state: r.state as PaymentState,
    paidAt: new Date(r.paid_at as string).toISOString(),
  }));
  const sum = (f: (i: ReconciliationRow) => boolean) => items.filter(f).reduce((a, i) => a + i.amount, 0);
  return {
    provider,
    day,
    count: items.length,
    paid: sum(() => true),
    refunded: sum((i) => i.state === 'refunded'),
    net: sum((i) => i.state === 'paid'),
    items,
  };
}
