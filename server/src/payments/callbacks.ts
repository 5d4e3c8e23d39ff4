import type { ServerContext } from '../context.ts';
import { PAYGOV_SUCCESS, paygovVerify, CALLBACK_ORDER, type PaygovConfig } from './paygov.ts';
import { recordCallback, settle, type Verdict } from './service.ts';
import { VNPAY_IPN, VNPAY_SUCCESS, vnpayResult, vnpayVerify, type VnpayConfig } from './vnpay.ts';

const refused = (reason: Verdict['reason']): Verdict => ({ outcome: 'refused', reason, payment: null });

/**
 * A VNPay result (the IPN, or the payer's return): signature first, then order, amount and
 * state through `settle`. Both channels settle, so whichever comes first decides and the other
 * is a duplicate; answers the IPN's RspCode.
 */
export async function vnpayCallback(
  ctx: ServerContext,
  config: VnpayConfig,
  channel: 'ipn' | 'return',
  params: Record<string, string>,
): Promise<{ verdict: Verdict; answer: { RspCode: string; Message: string } }> {
  const r = vnpayResult(params);
  let verdict: Verdict;
  if (!vnpayVerify(config.hashSecret, params) || params.vnp_TmnCode !== config.tmnCode)
    verdict = refused('bad-signature');
  else
    verdict = await settle(ctx, 'vnpay', r.txnRef, {
      ok: r.responseCode === VNPAY_SUCCESS && (params.vnp_TransactionStatus ?? '00') === '00',
      amount: r.amount,
      providerRef: r.transactionNo,
      code: r.responseCode,
    });
  await recordCallback(ctx, 'vnpay', channel, r.txnRef || null, verdict, params);
  const answer =
    verdict.outcome === 'accepted'
      ? VNPAY_IPN.ok
      : verdict.outcome === 'duplicate'
        ? VNPAY_IPN.alreadyConfirmed
        : verdict.reason === 'bad-signature'
          ? VNPAY_IPN.badChecksum
          : verdict.reason === 'unknown-order'
            ? VNPAY_IPN.notFound
            : VNPAY_IPN.invalidAmount;
  return { verdict, answer };
}

/** A PayGov callback (server to server, or the payer's return with the same signed fields). */
export async function paygovCallback(
  ctx: ServerContext,
  config: PaygovConfig,
  channel: 'callback' | 'return',
  fields: Record<string, string>,
): Promise<Verdict> {
  let verdict: Verdict;
  if (!paygovVerify(CALLBACK_ORDER, fields, config.secret) || fields.MaDoiTac !== config.partnerCode)
    verdict = refused('bad-signature');
  else
    verdict = await settle(ctx, 'paygov', fields.MaThamChieu ?? '', {
      ok: fields.MaLoi === PAYGOV_SUCCESS,
      amount: Number(fields.SoTien),
      providerRef: fields.MaGiaoDich || null,
      code: fields.MaLoi ?? '',
    });
  await recordCallback(ctx, 'paygov', channel, fields.MaThamChieu ?? null, verdict, fields);
  return verdict;
}
