import { pgTable, text, timestamp, uuid, bigint, bigserial, jsonb, index, unique } from 'drizzle-orm/pg-core';
import { dossiers } from './dossiers.ts';

export const PAYMENT_STATES = ['created', 'pending', 'paid', 'failed', 'refunded'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** One attempt to pay a dossier's fees through one provider (migration 0007). */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** Our order reference at the provider (vnp_TxnRef, MaThamChieu). */
    orderRef: text('order_ref').notNull(),
    provider: text('provider').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    feeItems: jsonb('fee_items').notNull(),
    state: text('state').$type<PaymentState>().notNull(),
    /** The provider's transaction number (vnp_TransactionNo, MaGiaoDich). */
    providerRef: text('provider_ref'),
    providerCode: text('provider_code'),
    returnUrl: text('return_url'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true, mode: 'date' }),
    failedAt: timestamp('failed_at', { withTimezone: true, mode: 'date' }),
    refundedAt: timestamp('refunded_at', { withTimezone: true, mode: 'date' }),
    refundReason: text('refund_reason'),
    refundedBy: text('refunded_by'),
  },
  (t) => [
    unique('payments_order_ref_unique').on(t.orderRef),
    index('payments_dossier_idx').on(t.dossierId, t.createdAt),
    index('payments_provider_day_idx').on(t.provider, t.paidAt),
  ],
);

/** Every return, IPN and callback received, with what was decided about it. */
export const paymentCallbacks = pgTable(
  'payment_callbacks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    provider: text('provider').notNull(),
    channel: text('channel').notNull(),
    orderRef: text('order_ref'),
    paymentId: uuid('payment_id'),
    outcome: text('outcome').$type<'accepted' | 'duplicate' | 'refused'>().notNull(),
    reason: text('reason'),
    params: jsonb('params').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('payment_callbacks_order_idx').on(t.orderRef, t.id)],
);
