import { Type } from '@sinclair/typebox';
import { FeeQuoteSchema, canonicalJson } from '@motcua/core';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import type { StoredResult } from './idempotency.ts';
import { route, type AnyRoute } from '../http/route.ts';
import { AgencyCode, LocalizedText, Message, ProcedureCode } from '../http/schemas.ts';
import { submitDossier, SubmissionSchema } from './submit.ts';
import { importLegacyDossiers } from './legacy-import.ts';
import { requestBody } from '../http/request-body.ts';

export const SubmissionResponseSchema = Type.Object({
  code: Type.String({ description: 'Dossier code {agency}-{yyMMdd}-{sequence}' }),
  secret: Type.String({ description: 'The tracking secret (send as X-Tracking-Secret)' }),
  status: Type.Integer(),
  statusLabel: Message,
  fees: FeeQuoteSchema,
  dueAt: Type.Union([Type.String(), Type.Null()], { description: 'Set when the clock has started (counter intake)' }),
  expectedDueAt: Type.Union([Type.String(), Type.Null()], {
    description: 'The appointment if reception accepted the dossier now',
  }),
  agency: Type.Object({ code: Type.String(), name: LocalizedText }),
});

const Multipart = Type.Object(
  { submission: Type.String({ description: `JSON: ${JSON.stringify(SubmissionSchema)}` }) },
  {
    additionalProperties: Type.String({
      format: 'binary',
      description: 'File parts named documents.<documentId> (repeat for several files)',
    }),
  },
);

const IdempotencyHeader = {
  'Idempotency-Key': {
    description: 'A retry with the same key and body returns the first result; another body with the key is 422',
    schema: Type.String({ maxLength: 255 }),
  },
};

const responses = {
  201: { description: 'Received', schema: SubmissionResponseSchema },
  409: { description: 'The procedure has a new version (reload the form)' },
  413: { description: 'A file or the request is too large' },
  415: { description: 'A file\u2019s bytes are not of an accepted type (sniffed from the content, not the name)' },
  422: { description: 'Idempotency key reused with another body; or the submission is not acceptable' },
};

/** Canonical JSON, so that a first answer and its idempotent replays are the same bytes. */
function respond(c: Context<AppEnv>, result: StoredResult): Response {
  c.set('logFields', { dossier: (result.body as { code?: unknown }).code });
  return c.body(canonicalJson(result.body), result.status as 201, {
    'Content-Type': 'application/json; charset=utf-8',
  });
}

export function intakeRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/public/procedures/{procedureCode}/dossiers',
      operationId: 'publicSubmitDossier',
      summary: 'Nộp hồ sơ trực tuyến / Submit a dossier online',
      description:
        'multipart/form-data: part `submission` (JSON) and file parts `documents.<documentId>`. Validated with the same core as the browser; errors carry JSON pointers (/data/…, /documents/<id>/<n>, /agency).',
      tags: ['public'],
      params: Type.Object({ procedureCode: ProcedureCode }),
      headers: IdempotencyHeader,
      body: { multipart: Multipart },
      responses,
      handler: async (c, { params }) => {
        const result = await submitDossier(
          c.get('ctx'),
          {
            procedureCode: params.procedureCode,
            via: 'online',
            actor: { kind: 'applicant' },
            idempotencyKey: c.req.header('idempotency-key'),
            uploadedBy: null,
          },
          requestBody(c),
        );
        return respond(c, result);
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/agencies/{agencyCode}/procedures/{procedureCode}/dossiers',
      operationId: 'counterSubmitDossier',
      summary: 'Tiếp nhận hồ sơ tại quầy / Counter (or postal) intake by reception',
      description:
        'The same path as online submission; the dossier is accepted at once (status 2, the clock starts). `submission.channel`: direct (default) or postal. Scanned files are recorded as such.',
      tags: ['dossiers'],
      params: Type.Object({ agencyCode: AgencyCode, procedureCode: ProcedureCode }),
      headers: IdempotencyHeader,
      body: { multipart: Multipart },
      responses,
      handler: async (c, { params }) => {
        const p = c.get('principal')!;
        const roles = p.grants.filter((g) => g.agency === params.agencyCode).map((g) => g.role);
        const result = await submitDossier(
          c.get('ctx'),
          {
            procedureCode: params.procedureCode,
            via: 'counter',
            actor: { kind: 'staff', id: p.staffId, name: p.fullName, agency: params.agencyCode, roles },
            counterAgency: params.agencyCode,
            idempotencyKey: c.req.header('idempotency-key'),
            uploadedBy: p.staffId,
          },
          requestBody(c),
        );
        return respond(c, result);
      },
    }),
  ];
}

export function legacyImportRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/agencies/{agencyCode}/imports/dossiers',
      operationId: 'importLegacyDossiers',
      summary: 'Nhập hồ sơ từ hệ thống cũ / Import legacy dossiers (original codes kept)',
      description:
        'Each dossier is validated by core and stored in its own transaction; the result lists what was imported (with tracking secrets to hand to applicants) and what failed, with pointers. Dossiers must belong to the agency\u2019s subtree.',
      tags: ['dossiers'],
      params: Type.Object({ agencyCode: AgencyCode }),
      body: {
        json: Type.Object(
          { dossiers: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 1000 }) },
          { additionalProperties: false },
        ),
      },
      responses: {
        200: {
          description: 'Outcome per dossier',
          schema: Type.Object({
            imported: Type.Array(Type.Object({ code: Type.String(), secret: Type.String(), status: Type.Integer() })),
            failed: Type.Array(
              Type.Object({
                index: Type.Integer(),
                code: Type.Union([Type.String(), Type.Null()]),
                issues: Type.Array(Type.Unknown()),
              }),
            ),
          }),
        },
      },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        const snap = await ctx.agencies.get();
        const outcome = await importLegacyDossiers(ctx, body.dossiers, (agency) =>
          snap.all.isInSubtree(agency, params.agencyCode),
        );
        return c.json(outcome);
      },
    }),
  ];
}
