import { asc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { errors } from '../http/errors.ts';
import { baseUrl } from '../http/base-url.ts';
import type { ServerContext } from '../context.ts';
import { payments } from '../db/schema/index.ts';
import { dossierByCode, dossierById } from '../dossiers/load.ts';
import { dossierNotFound } from '../dossiers/act.ts';
import { dossierForApplicant } from '../tracking/routes.ts';
import { paygovCallback, vnpayCallback } from './callbacks.ts';
import { paygovProvider, vnpayProvider, type PaymentProvider, type ProviderName } from './providers.ts';
import { reconciliation, refundPayment, startPayment, type PaymentRow, type Verdict } from './service.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function paymentView(p: PaymentRow) {
  return {
    id: p.id,
    orderRef: p.orderRef,
    provider: p.provider as ProviderName,
    amount: p.amount,
    state: p.state,
    providerRef: p.providerRef,
    createdAt: p.createdAt.toISOString(),
    paidAt: iso(p.paidAt),
    failedAt: iso(p.failedAt),
    refundedAt: iso(p.refundedAt),
    refundReason: p.refundReason,
  };
}

const notOffered = () =>
  errors.notFound({ vi: 'Hình thức thanh toán này không được cung cấp', en: 'This payment provider is not offered' });

function provider(ctx: ServerContext, name: ProviderName): PaymentProvider {
  const { vnpay, paygov } = ctx.config.payments;
  if (name === 'vnpay' && vnpay) return vnpayProvider(vnpay);
  if (name === 'paygov' && paygov) return paygovProvider(paygov);
  throw notOffered();
}

async function returnView(ctx: ServerContext, v: Verdict) {
  const dossier = v.payment ? await dossierById(ctx.db, v.payment.dossierId) : null;
  return {
    outcome: v.outcome,
    state: v.payment?.state ?? null,
    dossierCode: dossier?.code ?? null,
    backTo: v.payment?.returnUrl ?? null,
  };
}

/**
 * A browser coming back from the provider goes on to the page that started the payment (the
 * element there reads the fragment, never sent to a server); a program gets the verdict as JSON.
 */
function answerReturn(c: Context, view: Awaited<ReturnType<typeof returnView>>) {
  c.header('Cache-Control', 'no-store');
  const browser = (c.req.header('accept') ?? '').includes('text/html');
  if (!browser || !view.backTo || !view.dossierCode) return c.json(view);
  const to = new URL(view.backTo);
  const hash = new URLSearchParams({ 'motcua-payment': view.state ?? 'unknown', 'motcua-dossier': view.dossierCode });
  to.hash = hash.toString();
  return c.redirect(to.href, 303);
}

/** Query fields as plain strings (a repeated field keeps its first value). */
const fields = (q: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(q).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v)]));

export function paymentRoutes(): Implementation[] {
  return [
    implement(contract.publicStartPayment, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      const row = await dossierForApplicant(c, params.dossierCode);
      const p = provider(ctx, body.provider);
      const started = await startPayment(ctx, row, p, {
        ip: c.get('clientIp'),
        returnUrl: `${baseUrl(c)}/api/v1/public/payments/${body.provider}/return`,
        backTo: body.backTo ?? null,
      });
      c.header('Cache-Control', 'no-store');
      return c.json(started, 201);
    }),
    implement(contract.publicVnpayIpn, async (c, { query }) => {
      const ctx = c.get('ctx');
      if (!ctx.config.payments.vnpay) throw notOffered();
      const { answer } = await vnpayCallback(ctx, ctx.config.payments.vnpay, 'ipn', fields(query));
      return c.json(answer);
    }),
    implement(contract.publicVnpayReturn, async (c, { query }) => {
      const ctx = c.get('ctx');
      if (!ctx.config.payments.vnpay) throw notOffered();
      const { verdict } = await vnpayCallback(ctx, ctx.config.payments.vnpay, 'return', fields(query));
      return answerReturn(c, await returnView(ctx, verdict));
    }),
    implement(contract.publicPaygovCallback, async (c, { body }) => {
      const ctx = c.get('ctx');
      if (!ctx.config.payments.paygov) throw notOffered();
      const v = await paygovCallback(ctx, ctx.config.payments.paygov, 'callback', fields(body));
      return c.json(
        v.outcome === 'refused'
          ? { error_code: '97', message: v.reason ?? 'refused' }
          : { error_code: '0', message: v.outcome },
      );
    }),
    implement(contract.publicPaygovReturn, async (c, { query }) => {
      const ctx = c.get('ctx');
      if (!ctx.config.payments.paygov) throw notOffered();
      const v = await paygovCallback(ctx, ctx.config.payments.paygov, 'return', fields(query));
      return answerReturn(c, await returnView(ctx, v));
    }),
    implement(contract.listDossierPayments, async (c, { params }) => {
      const ctx = c.get('ctx');
      const row = await dossierByCode(ctx.db, params.dossierCode);
      if (!row) throw dossierNotFound();
      const rows = await ctx.db
        .select()
        .from(payments)
        .where(eq(payments.dossierId, row.id))
        .orderBy(asc(payments.createdAt));
      return c.json({ items: rows.map(paymentView) });
    }),
    implement(contract.refundPayment, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      const row = await dossierByCode(ctx.db, params.dossierCode);
      const [p] = await ctx.db.select().from(payments).where(eq(payments.id, params.paymentId));
      if (!row || !p || p.dossierId !== row.id)
        throw errors.notFound({ vi: 'Không tìm thấy khoản thanh toán', en: 'Payment not found' });
      const done = await refundPayment(ctx, p.id, body.reason, c.get('principal')!.staffId);
      return c.json(paymentView(done));
    }),
    implement(contract.getPaymentReconciliation, async (c, { params, query }) => {
      const ctx = c.get('ctx');
      const snap = await ctx.agencies.get();
      const agencies = snap.all
        .list()
        .map((a) => a.code)
        .filter((code) => snap.all.isInSubtree(code, params.agencyCode));
      return c.json(await reconciliation(ctx.db, query.provider, query.day, ctx.config.timeZone, agencies));
    }),
  ];
}
