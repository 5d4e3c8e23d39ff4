import { randomInt } from 'node:crypto';
import { vnTimestamp } from '../compare.ts';
import { VNPAY_CANCELLED, VNPAY_SUCCESS, vnpaySign, vnpaySignData, vnpayVerify, type VnpayConfig } from '../vnpay.ts';
import { loopback, payPage } from './http.ts';

export type SimOutcome = 'success' | 'failure' | 'cancel';

const CODES: Record<SimOutcome, string> = { success: VNPAY_SUCCESS, failure: '51', cancel: VNPAY_CANCELLED };

export interface VnpaySimulator {
  /** The gateway's pay URL, to configure as VnpayConfig.payUrl. */
  payUrl: string;
  orders: Map<string, { amount: number; returnUrl: string; info: string }>;
  /** The signed result fields of an order's outcome (what the IPN and the return carry). */
  result(ref: string, outcome: SimOutcome): Record<string, string>;
  /** Sends the IPN (GET ipnUrl?fields) and answers its JSON. */
  sendIpn(fields: Record<string, string>): Promise<{ RspCode: string; Message: string }>;
  /** The return URL the payer's browser is sent to with `fields`. */
  returnUrl(ref: string, fields: Record<string, string>): string;
  close(): Promise<void>;
}

/**
 * A loopback stand-in for VNPay (tests and the demo): checks the signed pay URL as the gateway
 * does, shows a page with the outcomes, then sends the IPN and redirects back, signed.
 */
export async function startVnpaySimulator(
  config: Omit<VnpayConfig, 'payUrl'> & { ipnUrl: string },
  port = 0,
): Promise<VnpaySimulator> {
  const orders: VnpaySimulator['orders'] = new Map();
  const sign = (fields: Record<string, string>) => ({
    ...fields,
    vnp_SecureHash: vnpaySign(config.hashSecret, fields),
  });
  const sim: VnpaySimulator = {
    payUrl: '',
    orders,
    result(ref, outcome) {
      const o = orders.get(ref);
      if (!o) throw new Error(`unknown order ${ref}`);
      return sign({
        vnp_Amount: String(o.amount * 100),
        vnp_BankCode: 'NCB',
        vnp_OrderInfo: o.info,
        vnp_PayDate: vnTimestamp(Date.now()),
        vnp_ResponseCode: CODES[outcome],
        vnp_TmnCode: config.tmnCode,
        vnp_TransactionNo: String(randomInt(10_000_000, 99_999_999)),
        vnp_TransactionStatus: outcome === 'success' ? '00' : '02',
        vnp_TxnRef: ref,
      });
    },
    async sendIpn(fields) {
      const res = await fetch(`${config.ipnUrl}?${new URLSearchParams(fields)}`);
      return (await res.json()) as { RspCode: string; Message: string };
    },
    returnUrl(ref, fields) {
      const o = orders.get(ref)!;
      return `${o.returnUrl}${o.returnUrl.includes('?') ? '&' : '?'}${vnpaySignData(fields)}&vnp_SecureHash=${fields.vnp_SecureHash}`;
    },
    close: async () => {},
  };
  const server = await loopback(async (_req, url, _body, res) => {
    const q = Object.fromEntries(url.searchParams);
    if (url.pathname === '/paymentv2/vpcpay.html') {
      if (!vnpayVerify(config.hashSecret, q) || q.vnp_TmnCode !== config.tmnCode) {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Sai chữ ký / Invalid signature');
        return;
      }
      const ref = q.vnp_TxnRef!;
      orders.set(ref, { amount: Number(q.vnp_Amount) / 100, returnUrl: q.vnp_ReturnUrl!, info: q.vnp_OrderInfo ?? '' });
      const link = (o: SimOutcome) => `/sim/complete?ref=${encodeURIComponent(ref)}&outcome=${o}`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        payPage('VNPay (mô phỏng / simulator)', ref, Number(q.vnp_Amount) / 100, [
          ['Thanh toán / Pay', link('success')],
          ['Giao dịch lỗi / Fail', link('failure')],
          ['Hủy / Cancel', link('cancel')],
        ]),
      );
      return;
    }
    if (url.pathname === '/sim/complete') {
      const ref = q.ref ?? '';
      const outcome = (q.outcome ?? 'success') as SimOutcome;
      if (!orders.has(ref) || !(outcome in CODES)) {
        res.writeHead(404).end();
        return;
      }
      const fields = sim.result(ref, outcome);
      await sim.sendIpn(fields).catch(() => undefined);
      res.writeHead(302, { location: sim.returnUrl(ref, fields) }).end();
      return;
    }
    res.writeHead(404).end();
  }, port);
  sim.payUrl = `${server.url}/paymentv2/vpcpay.html`;
  sim.close = server.close;
  return sim;
}
