import { Type, type Static } from '@sinclair/typebox';
import { DossierCode, Instant, Items, Nullable, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

export const PaymentProviderName = Type.Union([Type.Literal('vnpay'), Type.Literal('paygov')], {
  description: 'vnpay: VNPay gateway; paygov: the national payment platform',
});

export const PaymentStateName = Type.Union(
  ['created', 'pending', 'paid', 'failed', 'refunded'].map((s) => Type.Literal(s)),
  { description: 'created → pending (sent to the provider) → paid | failed; paid → refunded' },
);

export const PaymentView = Type.Object({
  id: Uuid,
  orderRef: Type.String(),
  provider: PaymentProviderName,
  amount: Type.Integer({ minimum: 1, description: 'đồng' }),
  state: PaymentStateName,
  providerRef: Nullable(Type.String()),
  createdAt: Instant,
  paidAt: Nullable(Instant),
  failedAt: Nullable(Instant),
  refundedAt: Nullable(Instant),
  refundReason: Nullable(Type.String()),
});
export type PaymentView = Static<typeof PaymentView>;

const TrackingSecret = Type.Object({
  'X-Tracking-Secret': Type.String({ description: 'The secret returned at submission; wrong or missing → 404' }),
});

export const StartedPayment = Type.Object({
  paymentId: Uuid,
  orderRef: Type.String(),
  amount: Type.Integer({ minimum: 1 }),
  redirectUrl: Type.String({ description: 'Send the payer\u2019s browser here' }),
});

export const publicStartPayment = defineRoute({
  method: 'post',
  path: '/api/v1/public/dossiers/{dossierCode}/payments',
  operationId: 'publicStartPayment',
  summary: 'Thanh toán trực tuyến / Pay a dossier\u2019s fees online',
  description:
    'For a dossier waiting for its fees (status 6): records a payment and answers the provider\u2019s page. The provider sends the payer back to the return route, which answers where to go (`backTo`).',
  tags: ['public'],
  auth: 'public',
  params: Type.Object({ dossierCode: DossierCode }),
  headers: TrackingSecret,
  body: {
    json: Type.Object(
      {
        provider: PaymentProviderName,
        backTo: Type.Optional(
          Type.String({
            format: 'uri',
            pattern: '^https?://',
            maxLength: 1000,
            description: 'The page (http or https) to come back to afterwards',
          }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  responses: {
    201: { description: 'The payment and where to pay', json: StartedPayment },
    404: { description: 'Unknown dossier, wrong secret, or the provider is not offered' },
    409: { description: 'The dossier is not waiting for a payment' },
    503: { description: 'The provider did not answer' },
  },
});

const ProviderFields = Type.Object({}, { additionalProperties: Type.String({ maxLength: 1000 }) });

export const PaymentReturn = Type.Object({
  outcome: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate'), Type.Literal('refused')]),
  state: Nullable(PaymentStateName),
  dossierCode: Nullable(Type.String()),
  backTo: Nullable(Type.String()),
});

export const publicVnpayIpn = defineRoute({
  method: 'get',
  path: '/api/v1/public/payments/vnpay/ipn',
  operationId: 'publicVnpayIpn',
  summary: 'VNPay: kết quả thanh toán (IPN) / VNPay IPN',
  description:
    'VNPay\u2019s server-to-server result (signed `vnp_*` fields). Answers `{RspCode, Message}`: 00 confirmed, 01 order not found, 02 already confirmed, 04 invalid amount, 97 invalid signature.',
  tags: ['payments'],
  auth: 'public',
  query: ProviderFields,
  responses: {
    404: { description: 'The provider is not offered here' },

    200: { description: 'VNPay\u2019s answer', json: Type.Object({ RspCode: Type.String(), Message: Type.String() }) },
  },
});

/**
 * A browser coming back from the provider goes on to the page that started the payment; a
 * program (asking for JSON) gets the verdict.
 */
const BackToPage = {
  description:
    'A browser (Accept: text/html) whose payment named a page to come back to goes there, with `#motcua-payment=<state>&motcua-dossier=<code>` as the fragment; the embedded element shows the dossier from it',
  empty: true,
  headers: { Location: { description: 'The page to come back to', schema: Type.String() } },
} as const;

export const publicVnpayReturn = defineRoute({
  method: 'get',
  path: '/api/v1/public/payments/vnpay/return',
  operationId: 'publicVnpayReturn',
  summary: 'VNPay: trở về / VNPay return',
  description: 'Where VNPay sends the payer back; verified and settled like the IPN (whichever comes first).',
  tags: ['payments'],
  auth: 'public',
  query: ProviderFields,
  responses: {
    404: { description: 'The provider is not offered here' },
    200: { description: 'The verdict', json: PaymentReturn },
    303: BackToPage,
  },
});

export const publicPaygovCallback = defineRoute({
  method: 'post',
  path: '/api/v1/public/payments/paygov/callback',
  operationId: 'publicPaygovCallback',
  summary: 'PayGov: kết quả thanh toán / PayGov callback',
  description: 'The national payment platform\u2019s result (signed by MaXacThuc).',
  tags: ['payments'],
  auth: 'public',
  body: { json: ProviderFields },
  responses: {
    404: { description: 'The provider is not offered here' },

    200: {
      description: 'The platform\u2019s answer (error_code 0: taken)',
      json: Type.Object({ error_code: Type.String(), message: Type.String() }),
    },
  },
});

export const publicPaygovReturn = defineRoute({
  method: 'get',
  path: '/api/v1/public/payments/paygov/return',
  operationId: 'publicPaygovReturn',
  summary: 'PayGov: trở về / PayGov return',
  description: 'Where the platform sends the payer back with the signed callback fields.',
  tags: ['payments'],
  auth: 'public',
  query: ProviderFields,
  responses: {
    404: { description: 'The provider is not offered here' },
    200: { description: 'The verdict', json: PaymentReturn },
    303: BackToPage,
  },
});

export const listDossierPayments = defineRoute({
  method: 'get',
  path: '/api/v1/dossiers/{dossierCode}/payments',
  operationId: 'listDossierPayments',
  summary: 'Thanh toán của hồ sơ / A dossier\u2019s payments',
  tags: ['payments'],
  auth: 'staff',
  params: Type.Object({ dossierCode: DossierCode }),
  responses: { 200: { description: 'Payments, oldest first', json: Items(PaymentView) } },
});

export const refundPayment = defineRoute({
  method: 'post',
  path: '/api/v1/dossiers/{dossierCode}/payments/{paymentId}/refund',
  operationId: 'refundPayment',
  summary: 'Ghi nhận hoàn tiền / Record a refund',
  tags: ['payments'],
  auth: 'staff',
  params: Type.Object({ dossierCode: DossierCode, paymentId: Uuid }),
  body: {
    json: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
  },
  responses: { 200: { description: 'The refunded payment', json: PaymentView }, 409: { description: 'Not paid' } },
});

export const getPaymentReconciliation = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}/payments/reconciliation',
  operationId: 'getPaymentReconciliation',
  summary: 'Đối soát thanh toán / Payment reconciliation',
  description: 'Every payment of one provider paid on one day (the province\u2019s time zone), with totals.',
  tags: ['payments'],
  auth: 'staff',
  params: Type.Object({ agencyCode: Type.String() }),
  query: Type.Object({ provider: PaymentProviderName, day: Type.String({ format: 'date' }) }),
  responses: {
    200: {
      description: 'The report',
      json: Type.Object({
        provider: PaymentProviderName,
        day: Type.String(),
        count: Type.Integer(),
        paid: Type.Integer(),
        refunded: Type.Integer(),
        net: Type.Integer(),
        items: Type.Array(
          Type.Object({
            orderRef: Type.String(),
            providerRef: Nullable(Type.String()),
            dossierCode: Nullable(Type.String()),
            amount: Type.Integer(),
            state: PaymentStateName,
            paidAt: Instant,
          }),
        ),
      }),
    },
  },
});
