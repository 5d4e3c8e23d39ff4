import { randomInt } from 'node:crypto';
import { vnTimestamp } from '../compare.ts';
import {
  CALLBACK_ORDER,
  INIT_ORDER,
  PAYGOV_SUCCESS,
  paygovChecksum,
  paygovVerify,
  QUERY_ORDER,
  type PaygovConfig,
} from '../paygov.ts';
import { loopback, payPage } from './http.ts';
import type { SimOutcome } from './vnpay-simulator.ts';

const CODES: Record<SimOutcome, string> = { success: PAYGOV_SUCCESS, failure: '01', cancel: '02' };

export interface PaygovSimulator {
  /** The platform's endpoint (PaygovConfig.url). */
  url: string;
  orders: Map<string, { amount: number; info: string; result: Record<string, string> | null }>;
  /** The signed callback fields of an order's outcome (also what QUERY answers afterwards). */
  result(ref: string, outcome: SimOutcome): Record<string, string>;
  /** POSTs the callback to the partner's callback URL; answers the HTTP status. */
  sendCallback(fields: Record<string, string>): Promise<number>;
  returnUrl(fields: Record<string, string>): string;
  close(): Promise<void>;
}

/** A minimal PDF e-receipt naming the order. */
function receiptPdf(ref: string, amount: number): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% BIEN LAI ${ref} ${amount}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

/**
 * A loopback stand-in for the national payment platform: INIT, QUERY and GET_BILL checked by
 * MaXacThuc as the platform does, a pay page, then the signed callback and the payer's return.
 */
export async function startPaygovSimulator(
  config: Omit<PaygovConfig, 'url'> & { callbackUrl: string; returnUrl: string },
  port = 0,
): Promise<PaygovSimulator> {
  const orders: PaygovSimulator['orders'] = new Map();
  let base = '';
  const sim: PaygovSimulator = {
    url: '',
    orders,
    result(ref, outcome) {
      const o = orders.get(ref);
      if (!o) throw new Error(`unknown order ${ref}`);
      const fields: Record<string, string> = {
        LoaiBanTin: 'CALLBACK',
        MaLoi: CODES[outcome],
        MaDoiTac: config.partnerCode,
        MaThamChieu: ref,
        SoTien: String(o.amount),
        MaTienTe: 'VND',
        MaGiaoDich: `PG${randomInt(10_000_000, 99_999_999)}`,
        MaNganHang: 'VCB',
        ThoiGianGD: vnTimestamp(Date.now()),
        ThongTinGiaoDich: o.info,
      };
      fields.MaXacThuc = paygovChecksum(CALLBACK_ORDER, fields, config.secret);
      o.result = fields;
      return fields;
    },
    async sendCallback(fields) {
      const res = await fetch(config.callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fields),
      });
      await res.arrayBuffer();
      return res.status;
    },
    returnUrl: (fields) =>
      `${config.returnUrl}${config.returnUrl.includes('?') ? '&' : '?'}${new URLSearchParams(fields)}`,
    close: async () => {},
  };
  const json = (res: import('node:http').ServerResponse, body: unknown, status = 200): void =>
    void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server = await loopback(async (req, url, body, res) => {
    if (req.method === 'POST' && url.pathname === '/') {
      let m: Record<string, string>;
      try {
        m = JSON.parse(body) as Record<string, string>;
      } catch {
        return json(res, { error_code: '99', message: 'invalid JSON' }, 400);
      }
      const order = m.LoaiBanTin === 'INIT' ? INIT_ORDER : QUERY_ORDER;
      if (m.MaDoiTac !== config.partnerCode || !paygovVerify(order, m, config.secret))
        return json(res, { error_code: '97', message: 'Sai mã xác thực / invalid MaXacThuc' });
      const ref = m.MaThamChieu ?? '';
      if (m.LoaiBanTin === 'INIT') {
        orders.set(ref, { amount: Number(m.SoTien), info: m.ThongTinGiaoDich ?? '', result: null });
        return json(res, { error_code: '0', message: { UrlThanhToan: `${base}/pay?ref=${encodeURIComponent(ref)}` } });
      }
      const o = orders.get(ref);
      if (!o) return json(res, { error_code: '01', message: 'Không tìm thấy giao dịch / unknown order' });
      if (m.LoaiBanTin === 'QUERY') {
        if (!o.result) return json(res, { error_code: '02', message: 'Đang chờ thanh toán / pending' });
        return json(res, { error_code: '0', message: o.result });
      }
      if (m.LoaiBanTin === 'GET_BILL') {
        if (o.result?.MaLoi !== PAYGOV_SUCCESS)
          return json(res, { error_code: '03', message: 'Chưa thanh toán / not paid' });
        res.writeHead(200, { 'content-type': 'application/pdf' }).end(receiptPdf(ref, o.amount));
        return;
      }
      return json(res, { error_code: '99', message: 'LoaiBanTin?' }, 400);
    }
    const q = Object.fromEntries(url.searchParams);
    if (url.pathname === '/pay' && orders.has(q.ref ?? '')) {
      const link = (o: SimOutcome) => `/sim/complete?ref=${encodeURIComponent(q.ref!)}&outcome=${o}`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        payPage('Cổng thanh toán quốc gia (mô phỏng / simulator)', q.ref!, orders.get(q.ref!)!.amount, [
          ['Thanh toán / Pay', link('success')],
          ['Giao dịch lỗi / Fail', link('failure')],
          ['Hủy / Cancel', link('cancel')],
        ]),
      );
      return;
    }
    if (url.pathname === '/sim/complete' && orders.has(q.ref ?? '') && (q.outcome ?? '') in CODES) {
      const fields = sim.result(q.ref!, q.outcome as SimOutcome);
      await sim.sendCallback(fields).catch(() => 0);
      res.writeHead(302, { location: sim.returnUrl(fields) }).end();
      return;
    }
    res.writeHead(404).end();
  }, port);
  base = server.url;
  sim.url = `${server.url}/`;
  sim.close = server.close;
  return sim;
}
