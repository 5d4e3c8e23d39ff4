import type { PaygovConfig } from './paygov.ts';
import { paygovBill, paygovInit, paygovQuery, PAYGOV_SUCCESS } from './paygov.ts';
import type { VnpayConfig } from './vnpay.ts';
import { vnpayPayUrl } from './vnpay.ts';

export const PROVIDERS = ['vnpay', 'paygov'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export interface PaymentOrder {
  ref: string;
  amount: number;
  info: string;
  ip: string;
  at: number;
  /** Where the provider sends the payer's browser back (our return route). */
  returnUrl: string;
  receipt: { dossierCode: string; procedureCode: string; agencyCode: string; payerName: string; fees: unknown[] };
}

/** A provider's verified verdict on an order. */
export interface Settlement {
  ok: boolean;
  amount: number;
  providerRef: string | null;
  code: string;
}

/** What every payment provider offers; protocols differ only behind it. */
export interface PaymentProvider {
  name: ProviderName;
  /** Registers the order where needed and answers the URL the payer's browser goes to. */
  begin(order: PaymentOrder): Promise<string>;
  /** Asks the provider about an order (null: the protocol has no status query here). */
  query(ref: string, at: number): Promise<Settlement | null>;
  /** The provider's e-receipt of a paid order (null: none). */
  receipt(ref: string, at: number): Promise<Uint8Array | null>;
}

export function vnpayProvider(config: VnpayConfig): PaymentProvider {
  return {
    name: 'vnpay',
    begin: async (o) =>
      vnpayPayUrl(config, {
        txnRef: o.ref,
        amount: o.amount,
        orderInfo: o.info,
        ipAddr: o.ip,
        returnUrl: o.returnUrl,
        createdAt: o.at,
      }),
    // VNPay's querydr API is not implemented: the IPN is the authority.
    query: async () => null,
    receipt: async () => null,
  };
}

export function paygovProvider(config: PaygovConfig): PaymentProvider {
  return {
    name: 'paygov',
    begin: (o) =>
      paygovInit(config, { ref: o.ref, amount: o.amount, info: o.info, ip: o.ip, at: o.at, receipt: o.receipt }),
    query: async (ref, at) => {
      const m = await paygovQuery(config, ref, at);
      return {
        ok: m.MaLoi === PAYGOV_SUCCESS,
        amount: Number(m.SoTien),
        providerRef: m.MaGiaoDich || null,
        code: m.MaLoi ?? '',
      };
    },
    receipt: (ref, at) => paygovBill(config, ref, at),
  };
}
