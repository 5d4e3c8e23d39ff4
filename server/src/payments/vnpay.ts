import { createHmac } from 'node:crypto';
import { sameHex, vnTimestamp } from './compare.ts';

/**
 * VNPay's payment gateway, version 2.1.0, from its published integration guide
 * (sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html): a redirect URL with the `vnp_*`
 * parameters sorted by name, each value URL-encoded (spaces as `+`), signed with HMAC-SHA512 over
 * that same query string; the return URL and the IPN carry the result signed the same way.
 */
export interface VnpayConfig {
  tmnCode: string;
  hashSecret: string;
  /** The gateway's pay URL (…/paymentv2/vpcpay.html). */
  payUrl: string;
}

/** The IPN answers VNPay expects (RspCode, Message). */
export const VNPAY_IPN = {
  ok: { RspCode: '00', Message: 'Confirm Success' },
  notFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  badChecksum: { RspCode: '97', Message: 'Invalid signature' },
  other: { RspCode: '99', Message: 'Unknown error' },
} as const;

/** vnp_ResponseCode values the flows distinguish: success, the payer cancelled; anything else fails. */
export const VNPAY_SUCCESS = '00';
export const VNPAY_CANCELLED = '24';

const encode = (v: string) => encodeURIComponent(v).replace(/%20/g, '+');

/** The signed data: `vnp_*` fields except the hash, sorted by name, `key=encoded(value)` joined by `&`. */
export function vnpaySignData(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType')
    .filter((k) => params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k]!)}`)
    .join('&');
}

export function vnpaySign(secret: string, params: Readonly<Record<string, string>>): string {
  return createHmac('sha512', secret).update(vnpaySignData(params), 'utf8').digest('hex');
}

/** True when `vnp_SecureHash` is the HMAC of the other fields (constant-time). */
export function vnpayVerify(secret: string, params: Readonly<Record<string, string>>): boolean {
  const got = params.vnp_SecureHash;
  return typeof got === 'string' && sameHex(vnpaySign(secret, params), got);
}

export interface VnpayOrder {
  txnRef: string;
  /** đồng (sent ×100 as vnp_Amount). */
  amount: number;
  orderInfo: string;
  ipAddr: string;
  returnUrl: string;
  createdAt: number;
  locale?: 'vn' | 'en';
}

/** The URL the payer's browser is sent to. */
export function vnpayPayUrl(config: VnpayConfig, o: VnpayOrder): string {
  const params: Record<string, string> = {
    vnp_Version: '2.1.0',
    vnp_Command: 'pay',
    vnp_TmnCode: config.tmnCode,
    vnp_Amount: String(o.amount * 100),
    vnp_CreateDate: vnTimestamp(o.createdAt),
    vnp_CurrCode: 'VND',
    vnp_IpAddr: o.ipAddr,
    vnp_Locale: o.locale ?? 'vn',
    vnp_OrderInfo: o.orderInfo,
    vnp_OrderType: 'other',
    vnp_ReturnUrl: o.returnUrl,
    vnp_TxnRef: o.txnRef,
  };
  return `${config.payUrl}?${vnpaySignData(params)}&vnp_SecureHash=${vnpaySign(config.hashSecret, params)}`;
}

/** What a signed VNPay result (return URL or IPN) says. */
export interface VnpayResult {
  txnRef: string;
  amount: number;
  responseCode: string;
  transactionNo: string | null;
}

export function vnpayResult(params: Readonly<Record<string, string>>): VnpayResult {
  const raw = Number(params.vnp_Amount);
  return {
    txnRef: params.vnp_TxnRef ?? '',
    amount: Number.isInteger(raw) ? raw / 100 : NaN,
    responseCode: params.vnp_ResponseCode ?? '',
    transactionNo: params.vnp_TransactionNo || null,
  };
}
