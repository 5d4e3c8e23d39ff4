import { Type, type Static } from '@sinclair/typebox';
import { FeeQuoteSchema, PaymentDueSchema } from '@motcua/core';
import { DossierCode, Message, Nullable, StoredText, Uuid } from './common.ts';
import { defineRoute } from './route.ts';
import { APPLICANT_SLIP_KINDS } from './slips.ts';
import { PaymentProviderName, PaymentStateName } from './payments.ts';
import { TrackingSatisfaction } from './satisfaction.ts';

/** One thing the applicant must supplement (core's supplement item). */
export const SupplementItem = Type.Object({
  documentId: Type.Optional(Type.String({ description: 'The document concerned, if any' })),
  reason: Type.String({ description: 'What is missing or wrong, and why' }),
});

export const TrackingView = Type.Object({
  code: Type.String(),
  procedure: Type.Object({ code: Type.String(), version: Type.Integer(), title: StoredText }),
  agency: Type.Object({ code: Type.String(), name: StoredText }, { description: 'The receiving agency' }),
  status: Type.Integer({ minimum: 1, maximum: 10 }),
  statusLabel: Message,
  submittedAt: Type.String(),
  acceptedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  fees: FeeQuoteSchema,
  timeline: Type.Array(
    Type.Object({
      kind: Type.String(),
      label: Message,
      at: Type.String(),
      status: Type.Integer({ description: 'The status after the event' }),
      comment: Type.Optional(Type.String()),
    }),
    { description: 'The public events, oldest first' },
  ),
  supplement: Nullable(
    Type.Object({
      requestedAt: Type.String(),
      dueBy: Type.String(),
      items: Type.Array(SupplementItem),
      provided: Type.Boolean(),
    }),
    { description: 'The supplement requested, if any' },
  ),
  onlinePayment: Nullable(
    Type.Object({
      amount: Type.Integer({ minimum: 1, description: 'đồng' }),
      requestedAt: Type.String(),
      paidAt: Nullable(Type.String()),
      providers: Type.Array(PaymentProviderName, {
        description:
          'Where the applicant may pay online now (publicStartPayment): empty once paid or when none is offered',
      }),
      latest: Nullable(Type.Object({ provider: PaymentProviderName, state: PaymentStateName, at: Type.String() }), {
        description: 'The latest online payment begun, and when its state last changed',
      }),
    }),
    { description: 'The fees asked before acceptance (status 6), if any, and paying them online' },
  ),
  payment: Nullable(PaymentDueSchema, {
    description:
      'What is still owed, for what, and how and where to pay it, from the procedure definition (the transfer reference carries the dossier code); null when nothing is owed, once paid, or when the dossier is closed',
  }),
  canSupplement: Type.Boolean(),
  canWithdraw: Type.Boolean(),
  withdrawalRequested: Type.Boolean(),
  files: Type.Array(
    Type.Object({
      id: Type.String(),
      documentId: Type.String(),
      purpose: Type.Union([Type.Literal('submission'), Type.Literal('supplement'), Type.Literal('result')]),
      name: Nullable(Type.String()),
      size: Type.Integer(),
      mediaType: Type.String(),
      addedAt: Type.String(),
    }),
    { description: 'What the applicant may download: their submission and supplement files, result documents' },
  ),
  slips: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Download: publicGetDossierSlip' }),
      kind: Type.Union(APPLICANT_SLIP_KINDS.map((k) => Type.Literal(k))),
      issuedAt: Type.String(),
      formNo: Nullable(Type.String()),
      size: Type.Integer(),
    }),
    {
      description:
        'The slips issued to the applicant (receipt, supplement request, refusal, apology, stop notice) as PDF, oldest first',
    },
  ),
  satisfaction: Type.Optional(TrackingSatisfaction),
});
export type TrackingView = Static<typeof TrackingView>;

const TrackingHeaders = Type.Object({
  'X-Tracking-Secret': Type.String({ description: 'The secret returned at submission; wrong or missing → 404' }),
});

const dossierParams = Type.Object({ dossierCode: DossierCode });
const tooMany = { description: 'Too many tracking requests from this address' } as const;

export const publicTrackDossier = defineRoute({
  method: 'get',
  path: '/api/v1/public/dossiers/{dossierCode}',
  operationId: 'publicTrackDossier',
  summary: 'Tra cứu hồ sơ / Track a dossier',
  description:
    'Status, the public timeline, the due date, a pending supplement request, what the applicant may do, and the files and slips they may download. A counter receipt prints the secret with a QR code that opens the province\u2019s tracking page (MOTCUA_TRACKING_URL) as `…#motcua-code=<code>&motcua-secret=<secret>`: the fragment never reaches a server, and `<motcua-track>` looks the dossier up from it, then removes it from the address bar.',
  tags: ['public'],
  auth: 'public',
  params: dossierParams,
  headers: TrackingHeaders,
  responses: { 200: { description: 'The tracking view', json: TrackingView }, 429: tooMany },
});

export const SupplementPart = Type.Object(
  { comment: Type.Optional(Type.String({ maxLength: 4000 })) },
  { additionalProperties: false },
);

export const publicSupplementDossier = defineRoute({
  method: 'post',
  path: '/api/v1/public/dossiers/{dossierCode}/supplement',
  operationId: 'publicSupplementDossier',
  summary: 'Bổ sung hồ sơ / Provide a requested supplement',
  description:
    'multipart/form-data: part `supplement` (JSON `{ "comment": "…" }`, optional) and file parts `documents.<documentId>`. Files are checked by their bytes against the pinned version\u2019s document rules.',
  tags: ['public'],
  auth: 'public',
  params: dossierParams,
  headers: TrackingHeaders,
  body: {
    multipart: {
      parts: Type.Object({ supplement: Type.Optional(SupplementPart) }),
      files: {
        prefix: 'documents.',
        name: 'documents.<documentId>',
        description: 'The supplied files of one document (repeat the part for several files)',
      },
    },
  },
  responses: {
    200: { description: 'The tracking view', json: TrackingView },
    403: { description: 'Core does not let the applicant do it now' },
    409: { description: 'No supplement is awaited' },
    413: { description: 'A file is too large' },
    415: { description: 'A file\u2019s bytes are not of an accepted type' },
    422: { description: 'Not acceptable for this dossier' },
    429: tooMany,
  },
});

export const publicWithdrawDossier = defineRoute({
  method: 'post',
  path: '/api/v1/public/dossiers/{dossierCode}/withdrawal',
  operationId: 'publicWithdrawDossier',
  summary: 'Rút hồ sơ / Withdraw, or ask to withdraw, a dossier',
  description:
    'Before acceptance the dossier is withdrawn at once (status 7); afterwards the request is recorded for the agency to act on.',
  tags: ['public'],
  auth: 'public',
  params: dossierParams,
  headers: TrackingHeaders,
  body: {
    json: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false }),
  },
  responses: {
    200: { description: 'The tracking view', json: TrackingView },
    403: { description: 'Core does not let the applicant do it now' },
    409: { description: 'Not possible in the current status' },
    422: { description: 'Not acceptable for this dossier' },
    429: tooMany,
  },
});

export const publicGetDossierFile = defineRoute({
  method: 'get',
  path: '/api/v1/public/dossiers/{dossierCode}/files/{fileId}',
  operationId: 'publicGetDossierFile',
  summary: 'Tải tệp của hồ sơ / Download one of the applicant\u2019s files',
  tags: ['public'],
  auth: 'public',
  params: Type.Object({ dossierCode: DossierCode, fileId: Uuid }),
  headers: TrackingHeaders,
  responses: { 200: { description: 'The bytes', files: ['*/*'] }, 429: tooMany },
});

export const publicGetDossierSlip = defineRoute({
  method: 'get',
  path: '/api/v1/public/dossiers/{dossierCode}/slips/{fileId}',
  operationId: 'publicGetDossierSlip',
  summary: 'Tải phiếu đã phát hành / Download a slip issued to the applicant',
  description:
    'The stored PDF or HTML of a receipt, supplement request, refusal, apology or stop notice of this dossier, exactly as issued (checked against its SHA-256).',
  tags: ['public'],
  auth: 'public',
  params: Type.Object({ dossierCode: DossierCode, fileId: Uuid }),
  headers: TrackingHeaders,
  responses: { 200: { description: 'The issued slip', files: ['application/pdf', 'text/html'] }, 429: tooMany },
});
