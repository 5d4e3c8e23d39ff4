import { Type, type Static } from '@sinclair/typebox';
import { FeeQuoteSchema, PaymentDueSchema } from '@motcua/core';
import { AgencyCode, IssueSchema, LocalizedText, Message, Nullable, ProcedureCode, errorBody } from './common.ts';
import { defineRoute } from './route.ts';

/**
 * How the applicant wants to hear about the dossier. Each chosen channel needs an address: typed
 * here, or else the applicant's own from the form data (checked by core; 400 at /submission/notify/…).
 */
export const NotifyChoiceSchema = Type.Object(
  {
    channels: Type.Array(Type.Union([Type.Literal('email'), Type.Literal('sms')]), {
      minItems: 1,
      maxItems: 2,
      uniqueItems: true,
      description:
        'email: the receipt and appointment, a supplement request, an apology with a new date, the result, a payment, by e-mail; sms: the same by text message (unaccented, one message)',
    }),
    email: Type.Optional(
      Type.String({
        minLength: 3,
        maxLength: 254,
        description: 'Default: the applicant\u2019s e-mail in the form data',
      }),
    ),
    phone: Type.Optional(
      Type.String({
        minLength: 9,
        maxLength: 20,
        description: 'A Vietnamese mobile number (0…, 84…, +84…). Default: the applicant\u2019s phone in the form data',
      }),
    ),
    lang: Type.Optional(
      Type.Union([Type.Literal('vi'), Type.Literal('en')], { description: 'The messages\u2019 language (default vi)' }),
    ),
  },
  { additionalProperties: false },
);
export type NotifyChoice = Static<typeof NotifyChoiceSchema>;

/** The `submission` part of a submission (JSON). */
export const SubmissionSchema = Type.Object(
  {
    version: Type.Integer({
      minimum: 1,
      maximum: 2_147_483_647,
      description: 'The procedure version the form was filled for',
    }),
    agency: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'The receiving agency, when the applicant chooses' }),
    ),
    channel: Type.Optional(
      Type.Union([Type.Literal('direct'), Type.Literal('postal')], {
        description: 'Counter intake only: at the counter or by post',
      }),
    ),
    notify: Type.Optional(NotifyChoiceSchema),
    data: Type.Object(
      {},
      {
        additionalProperties: true,
        description:
          'The form data. Properties the form schema does not declare are refused (400, code `additionalProperties`, one issue per property at its /data/… pointer), never stored or stripped.',
      },
    ),
  },
  { additionalProperties: false },
);
export type Submission = Static<typeof SubmissionSchema>;

export const SubmissionResponse = Type.Object({
  code: Type.String({ description: 'Dossier code {agency}-{yyMMdd}-{sequence}' }),
  secret: Type.String({ description: 'The tracking secret (send as X-Tracking-Secret)' }),
  status: Type.Integer(),
  statusLabel: Message,
  fees: FeeQuoteSchema,
  dueAt: Nullable(Type.String(), { description: 'Set when the clock has started (counter intake)' }),
  expectedDueAt: Nullable(Type.String(), { description: 'The appointment if reception accepted the dossier now' }),
  agency: Type.Object({ code: Type.String(), name: LocalizedText }),
  payment: Nullable(PaymentDueSchema, {
    description:
      'What is owed, for what, and how and where to pay it (the transfer reference carries the dossier code); null when nothing is owed or it is paid',
  }),
});
export type SubmissionResponse = Static<typeof SubmissionResponse>;

const SubmissionBody = {
  multipart: {
    parts: Type.Object({ submission: SubmissionSchema }),
    files: {
      prefix: 'documents.',
      name: 'documents.<documentId>',
      description: 'The files of one document of the procedure (repeat the part for several files)',
    },
  },
} as const;

const IdempotencyHeaders = Type.Object({
  'Idempotency-Key': Type.Optional(
    Type.String({
      maxLength: 255,
      description: 'A retry with the same key and body returns the first result; another body with the key is 422',
    }),
  ),
});

const submissionResponses = {
  201: { description: 'Received', json: SubmissionResponse },
  409: {
    description: 'The procedure has a new version (reload the form)',
    json: errorBody({
      currentVersion: Type.Optional(Type.Integer({ minimum: 1, description: 'The version in force now' })),
    }),
  },
  413: { description: 'A file or the request is too large' },
  415: { description: 'A file\u2019s bytes are not of an accepted type (sniffed from the content, not the name)' },
  422: { description: 'Idempotency key reused with another body; or the submission is not acceptable' },
} as const;

export const publicSubmitDossier = defineRoute({
  method: 'post',
  path: '/api/v1/public/procedures/{procedureCode}/dossiers',
  operationId: 'publicSubmitDossier',
  summary: 'Nộp hồ sơ trực tuyến / Submit a dossier online',
  description:
    'multipart/form-data: part `submission` (JSON, at most 256 KiB) and file parts `documents.<documentId>`. Validated with the same core as the browser; errors carry JSON pointers (/data/…, /documents/<id>/<n>, /agency). Refused with 400 before any check: NUL characters, lone UTF-16 surrogates, numbers out of range (`1e400`), `__proto__` keys and nesting deeper than 64 levels anywhere in the submission, part names or file names; properties outside the form schema.',
  tags: ['public'],
  auth: 'public',
  params: Type.Object({ procedureCode: ProcedureCode }),
  headers: IdempotencyHeaders,
  body: SubmissionBody,
  responses: { ...submissionResponses, 429: { description: 'Too many submissions from this address' } },
});

export const counterSubmitDossier = defineRoute({
  method: 'post',
  path: '/api/v1/agencies/{agencyCode}/procedures/{procedureCode}/dossiers',
  operationId: 'counterSubmitDossier',
  summary: 'Tiếp nhận hồ sơ tại quầy / Counter (or postal) intake by reception',
  description:
    'The same path as online submission; the dossier is accepted at once (status 2, the clock starts). `submission.channel`: direct (default) or postal. Scanned files are recorded as such.',
  tags: ['dossiers'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode, procedureCode: ProcedureCode }),
  headers: IdempotencyHeaders,
  body: SubmissionBody,
  responses: submissionResponses,
});

export const LegacyImportOutcome = Type.Object({
  imported: Type.Array(Type.Object({ code: Type.String(), secret: Type.String(), status: Type.Integer() })),
  failed: Type.Array(
    Type.Object({ index: Type.Integer(), code: Nullable(Type.String()), issues: Type.Array(IssueSchema) }),
  ),
});

export const importLegacyDossiers = defineRoute({
  method: 'post',
  path: '/api/v1/agencies/{agencyCode}/imports/dossiers',
  operationId: 'importLegacyDossiers',
  summary: 'Nhập hồ sơ từ hệ thống cũ / Import legacy dossiers (original codes kept)',
  description:
    'Each dossier is validated by core and stored in its own transaction; the result lists what was imported (with tracking secrets to hand to applicants) and what failed, with pointers. Dossiers must belong to the agency\u2019s subtree.',
  tags: ['dossiers'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode }),
  body: {
    json: Type.Object(
      {
        dossiers: Type.Array(Type.Unknown({ description: 'A legacy dossier (see `motcua import`)' }), {
          minItems: 1,
          maxItems: 1000,
        }),
      },
      { additionalProperties: false },
    ),
  },
  responses: { 200: { description: 'Outcome per dossier', json: LegacyImportOutcome } },
});
