import { Type } from '@sinclair/typebox';
import { asc, eq } from 'drizzle-orm';
import { route, type AnyRoute } from '../http/route.ts';
import { errors } from '../http/errors.ts';
import { AgencyCode, IssueSchema, LocalizedText, Ok, ProcedureCode } from '../http/schemas.ts';
import { procedures } from '../db/schema/index.ts';
import { invalidateProcedure, pickInForce, todayFor } from './catalog.ts';
import {
  createProcedure,
  getVersion,
  listVersions,
  publishDraft,
  retireProcedure,
  updateDraft,
  validateDefinition,
} from './service.ts';

const Validation = Type.Object({ valid: Type.Boolean(), issues: Type.Array(IssueSchema) });

const ProcedureSummary = Type.Object({
  code: Type.String(),
  owner: Type.String(),
  title: LocalizedText,
  field: Type.String(),
  latestVersion: Type.Integer(),
  versionInForce: Type.Union([Type.Integer(), Type.Null()]),
  draftRevision: Type.Integer(),
  retiredAt: Type.Union([Type.String(), Type.Null()]),
});

const ProcedureDetail = Type.Composite([
  ProcedureSummary,
  Type.Object({
    draft: Type.Unknown(),
    draftUpdatedAt: Type.Union([Type.String(), Type.Null()]),
    validation: Validation,
    retireReason: Type.Union([Type.String(), Type.Null()]),
  }),
]);

const VersionInfo = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  effectiveFrom: Type.String(),
  effectiveUntil: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.String(),
  publishedBy: Type.Union([Type.String(), Type.Null()]),
  validatorsSha256: Type.String(),
  inForce: Type.Boolean(),
});

type Ctx = Parameters<AnyRoute['handler']>[0];

async function summary(c: Ctx, row: typeof procedures.$inferSelect) {
  const ctx = c.get('ctx');
  const versions = await listVersions(ctx.db, row.code);
  const snap = await ctx.agencies.get();
  const current = pickInForce(versions, todayFor(snap, row.ownerCode, ctx.clock.now(), ctx.config.timeZone));
  return {
    code: row.code,
    owner: row.ownerCode,
    title: row.title,
    field: row.fieldCode,
    latestVersion: row.latestVersion,
    versionInForce: row.retiredAt ? null : (current?.version ?? null),
    draftRevision: row.draftRevision,
    retiredAt: row.retiredAt?.toISOString() ?? null,
  };
}

async function detail(c: Ctx, code: string) {
  const ctx = c.get('ctx');
  const rows = await ctx.db.select().from(procedures).where(eq(procedures.code, code));
  const row = rows[0];
  if (!row) throw errors.notFound({ vi: 'Không tìm thấy thủ tục', en: 'Procedure not found' });
  const validation = row.draft
    ? validateDefinition(row.draft, await ctx.agencies.get(), { requireActive: true })
    : { valid: false, issues: [] };
  return {
    ...(await summary(c, row)),
    draft: row.draft,
    draftUpdatedAt: row.draftUpdatedAt?.toISOString() ?? null,
    validation,
    retireReason: row.retireReason,
  };
}

export function procedureRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/procedures',
      operationId: 'listProcedures',
      summary: 'Danh sách thủ tục / Procedures (staff view)',
      tags: ['procedures'],
      query: Type.Object({ owner: Type.Optional(AgencyCode) }),
      responses: { 200: { description: 'Procedures', schema: Type.Object({ items: Type.Array(ProcedureSummary) }) } },
      handler: async (c, { query }) => {
        const ctx = c.get('ctx');
        const rows = await ctx.db.select().from(procedures).orderBy(asc(procedures.code));
        const snap = await ctx.agencies.get();
        const items = [];
        for (const r of rows)
          if (!query.owner || snap.all.isInSubtree(r.ownerCode, query.owner)) items.push(await summary(c, r));
        return c.json({ items });
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/agencies/{agencyCode}/procedures',
      operationId: 'createProcedure',
      summary: 'Tạo thủ tục (bản nháp) / Create a procedure with its first draft',
      description:
        'The body is the definition; its `owner` must be the agency in the path. The draft may be incomplete: its validation is returned.',
      tags: ['procedures'],
      params: Type.Object({ agencyCode: AgencyCode }),
      body: {
        json: Type.Unknown({ description: 'A procedure definition (packages/core/schema/procedure.schema.json)' }),
      },
      responses: { 201: { description: 'Created', schema: ProcedureDetail }, 409: { description: 'The code exists' } },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        const code = await ctx.db.transaction((tx) =>
          createProcedure(tx, params.agencyCode, body, c.get('principal')!.staffId, ctx.clock.now()),
        );
        return c.json(await detail(c, code), 201);
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/procedures/{procedureCode}',
      operationId: 'getProcedure',
      summary: 'Thủ tục và bản nháp / A procedure with its draft and the draft\u2019s validation',
      tags: ['procedures'],
      params: Type.Object({ procedureCode: ProcedureCode }),
      responses: { 200: { description: 'The procedure', schema: ProcedureDetail } },
      handler: async (c, { params }) => c.json(await detail(c, params.procedureCode)),
    }),
    route({
      method: 'put',
      path: '/api/v1/procedures/{procedureCode}/draft',
      operationId: 'updateProcedureDraft',
      summary: 'Lưu bản nháp / Save the draft',
      description:
        'Saves work in progress even when invalid and returns core\u2019s issues (JSON pointers into the definition). Send If-Match: <draftRevision> to refuse overwriting someone else\u2019s changes (409).',
      tags: ['procedures'],
      params: Type.Object({ procedureCode: ProcedureCode }),
      headers: { 'If-Match': { description: 'The draft revision the editor started from', schema: Type.String() } },
      body: { json: Type.Unknown({ description: 'The whole definition' }) },
      responses: {
        200: { description: 'Saved', schema: ProcedureDetail },
        409: { description: 'The draft changed since If-Match' },
      },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        const ifMatch = c.req.header('if-match');
        const revision = ifMatch !== undefined ? Number(ifMatch.replace(/"/g, '')) : undefined;
        if (revision !== undefined && !Number.isInteger(revision))
          throw errors.badRequest('if_match', {
            vi: 'If-Match phải là số phiên bản nháp',
            en: 'If-Match must be the draft revision',
          });
        await ctx.db.transaction((tx) =>
          updateDraft(tx, params.procedureCode, body, revision, c.get('principal')!.staffId, ctx.clock.now()),
        );
        return c.json(await detail(c, params.procedureCode));
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/procedures/{procedureCode}/draft/validate',
      operationId: 'validateProcedureDraft',
      summary: 'Kiểm tra một định nghĩa / Validate a definition without saving it',
      tags: ['procedures'],
      params: Type.Object({ procedureCode: ProcedureCode }),
      body: { json: Type.Unknown() },
      responses: { 200: { description: 'Core\u2019s verdict plus the agency checks', schema: Validation } },
      handler: async (c, { body }) =>
        c.json(validateDefinition(body, await c.get('ctx').agencies.get(), { requireActive: true })),
    }),
    route({
      method: 'post',
      path: '/api/v1/procedures/{procedureCode}/versions',
      operationId: 'publishProcedure',
      summary: 'Công bố phiên bản mới / Publish the draft as a new immutable version',
      description:
        'Validates the draft (422 with pointers when invalid), compiles its validator module and stores version n+1 with the draft\u2019s effective dates.',
      tags: ['procedures'],
      params: Type.Object({ procedureCode: ProcedureCode }),
      body: {
        json: Type.Object(
          {
            draftRevision: Type.Optional(
              Type.Integer({ description: 'Publish only if the draft is still at this revision' }),
            ),
          },
          { additionalProperties: false },
        ),
      },
      responses: {
        201: { description: 'Published', schema: VersionInfo },
        422: { description: 'The draft is invalid' },
        409: { description: 'Retired, no draft, or the draft changed' },
      },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        const v = await publishDraft(ctx, params.procedureCode, c.get('principal')!.staffId, body.draftRevision);
        ctx.log.info(
          { procedure: v.code, version: v.version, by: c.get('principal')!.username },
          'procedure published',
        );
        return c.json({ ...v, publishedBy: c.get('principal')!.staffId, inForce: false }, 201);
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/procedures/{procedureCode}/versions',
      operationId: 'listProcedureVersions',
      summary: 'Các phiên bản đã công bố / Published versions',
      tags: ['procedures'],
      params: Type.Object({ procedureCode: ProcedureCode }),
      responses: { 200: { description: 'Newest first', schema: Type.Object({ items: Type.Array(VersionInfo) }) } },
      handler: async (c, { params }) => {
        const ctx = c.get('ctx');
        const rows = await ctx.db.select().from(procedures).where(eq(procedures.code, params.procedureCode));
        if (!rows[0]) throw errors.notFound({ vi: 'Không tìm thấy thủ tục', en: 'Procedure not found' });
        const versions = await listVersions(ctx.db, params.procedureCode);
        const snap = await ctx.agencies.get();
        const current = rows[0].retiredAt
          ? null
          : pickInForce(versions, todayFor(snap, rows[0].ownerCode, ctx.clock.now(), ctx.config.timeZone));
        return c.json({
          items: versions.map((v) => ({
            ...v,
            publishedAt: v.publishedAt.toISOString(),
            inForce: v.version === current?.version,
          })),
        });
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/procedures/{procedureCode}/versions/{version}',
      operationId: 'getProcedureVersion',
      summary: 'Một phiên bản / One published version',
      tags: ['procedures'],
      params: Type.Object({ procedureCode: ProcedureCode, version: Type.Integer({ minimum: 1 }) }),
      responses: {
        200: {
          description: 'The immutable definition',
          schema: Type.Object({
            code: Type.String(),
            version: Type.Integer(),
            effectiveFrom: Type.String(),
            effectiveUntil: Type.Union([Type.String(), Type.Null()]),
            publishedAt: Type.String(),
            definition: Type.Unknown(),
          }),
        },
      },
      handler: async (c, { params }) => {
        const v = await getVersion(c.get('ctx').db, params.procedureCode, params.version);
        if (!v) throw errors.notFound({ vi: 'Không tìm thấy phiên bản', en: 'Version not found' });
        return c.json({
          code: v.code,
          version: v.version,
          effectiveFrom: v.effectiveFrom,
          effectiveUntil: v.effectiveUntil,
          publishedAt: v.publishedAt.toISOString(),
          definition: v.definition,
        });
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/procedures/{procedureCode}/retire',
      operationId: 'retireProcedure',
      summary: 'Bãi bỏ thủ tục / Retire a procedure',
      description: 'No new dossiers; dossiers already received keep their version.',
      tags: ['procedures'],
      params: Type.Object({ procedureCode: ProcedureCode }),
      body: {
        json: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
      },
      responses: { 200: { description: 'Retired', schema: Ok } },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        await ctx.db.transaction((tx) =>
          retireProcedure(tx, params.procedureCode, body.reason, c.get('principal')!.staffId, ctx.clock.now()),
        );
        invalidateProcedure(ctx.db, params.procedureCode);
        return c.json({ ok: true as const });
      },
    }),
  ];
}
