import { createHash } from 'node:crypto';
import { sameHex, vnTimestamp } from './compare.ts';

/**
 * The national payment platform (PayGov), as deployed provincial systems call it (public code of
 * VietOpenCPS/opencps-v2 and Thanh Hóa's system): JSON POSTs with `LoaiBanTin` INIT / QUERY /
 * GET_BILL, version 1.0.6, each signed by `MaXacThuc` = lower-case hex SHA-256 of given fields
 * joined by `|` with the secret last. The field orders below are that code's; keep them here.
 */
export interface PaygovConfig {
  url: string;
  partnerCode: string;
  secret: string;
}

export const PAYGOV_VERSION = '1.0.6';
export const PAYGOV_SUCCESS = '00';

export const INIT_ORDER = [
  'LoaiBanTin',
  'PhienBan',
  'MaDoiTac',
  'MaThamChieu',
  'SoTien',
  'LoaiHinhThanhToan',
  'MaKenhThanhToan',
  'MaThietBi',
  'NgonNgu',
  'MaTienTe',
  'MaNganHang',
  'ThongTinGiaoDich',
  'ThoiGianGD',
  'Ip',
] as const;
export const QUERY_ORDER = ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'] as const;
/** The callback's fields, signed "by the same rule": in the order the platform lists them. */
export const CALLBACK_ORDER = [
  'LoaiBanTin',
  'MaLoi',
  'MaDoiTac',
  'MaThamChieu',
  'SoTien',
  'MaTienTe',
  'MaGiaoDich',
  'MaNganHang',
  'ThoiGianGD',
  'ThongTinGiaoDich',
] as const;

type Fields = Readonly<Record<string, unknown>>;

export function paygovChecksum(order: readonly string[], fields: Fields, secret: string): string {
  const parts = order.map((k) => (fields[k] === undefined || fields[k] === null ? '' : String(fields[k])));
  return createHash('sha256')
    .update([...parts, secret].join('|'), 'utf8')
    .digest('hex');
}

export function paygovVerify(order: readonly string[], fields: Fields, secret: string): boolean {
  const got = fields.MaXacThuc;
  return typeof got === 'string' && sameHex(paygovChecksum(order, fields, secret), got);
}

export interface PaygovOrder {
  ref: string;
  amount: number;
  info: string;
  ip: string;
  at: number;
  receipt: { dossierCode: string; procedureCode: string; agencyCode: string; payerName: string; fees: unknown[] };
}

async function post(config: PaygovConfig, body: Record<string, unknown>): Promise<Response> {
  return fetch(config.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}

function base(config: PaygovConfig, kind: string, ref: string, at: number) {
  return {
    LoaiBanTin: kind,
    PhienBan: PAYGOV_VERSION,
    MaDoiTac: config.partnerCode,
    MaThamChieu: ref,
    ThoiGianGD: vnTimestamp(at),
  };
}

/** INIT: registers the order; answers the URL the payer's browser is sent to. */
export async function paygovInit(config: PaygovConfig, o: PaygovOrder): Promise<string> {
  const msg: Record<string, unknown> = {
    ...base(config, 'INIT', o.ref, o.at),
    SoTien: String(o.amount),
    LoaiHinhThanhToan: 'PAY',
    MaKenhThanhToan: '',
    MaThietBi: '',
    NgonNgu: 'vi-VN',
    MaTienTe: 'VND',
    MaNganHang: '',
    ThongTinGiaoDich: o.info,
    Ip: o.ip,
    ThongTinBienLai: {
      MaHoSo: o.receipt.dossierCode,
      MaTTHC: o.receipt.procedureCode,
      MaDonVi: o.receipt.agencyCode,
      HoTenNguoiNop: o.receipt.payerName,
      PhiLePhi: o.receipt.fees,
    },
  };
  msg.MaXacThuc = paygovChecksum(INIT_ORDER, msg, config.secret);
  const res = await post(config, msg);
  const body = (await res.json().catch(() => null)) as {
    error_code?: unknown;
    message?: { UrlThanhToan?: unknown };
  } | null;
  if (!res.ok || String(body?.error_code) !== '0' || typeof body?.message?.UrlThanhToan !== 'string')
    throw new Error(`PayGov INIT refused (HTTP ${res.status}, error_code ${String(body?.error_code)})`);
  return body.message.UrlThanhToan;
}

/** QUERY: the platform's view of an order (its callback fields, signed). */
export async function paygovQuery(config: PaygovConfig, ref: string, at: number): Promise<Record<string, string>> {
  const msg: Record<string, unknown> = base(config, 'QUERY', ref, at);
  msg.MaXacThuc = paygovChecksum(QUERY_ORDER, msg, config.secret);
  const res = await post(config, msg);
  const body = (await res.json().catch(() => null)) as {
    error_code?: unknown;
    message?: Record<string, string>;
  } | null;
  if (!res.ok || String(body?.error_code) !== '0' || !body?.message)
    throw new Error(`PayGov QUERY refused (HTTP ${res.status})`);
  if (!paygovVerify(CALLBACK_ORDER, body.message, config.secret)) throw new Error('PayGov QUERY: bad MaXacThuc');
  return body.message;
}

/** GET_BILL: the e-receipt (PDF) of a paid order. */
export async function paygovBill(config: PaygovConfig, ref: string, at: number): Promise<Uint8Array> {
  const msg: Record<string, unknown> = base(config, 'GET_BILL', ref, at);
  msg.MaXacThuc = paygovChecksum(QUERY_ORDER, msg, config.secret);
  const res = await post(config, msg);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (!res.ok || res.headers.get('content-type') !== 'application/pdf')
    throw new Error(`PayGov GET_BILL refused (HTTP ${res.status})`);
  return bytes;
}
