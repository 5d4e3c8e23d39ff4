import { asc, eq } from 'drizzle-orm';
import { contract } from '@motcua/api';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { implement, type Implementation } from '../http/implement.ts';
import { errors } from '../http/errors.ts';
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

type Ctx = Context<AppEnv>;

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

export function procedureRoutes(): Implementation[] {
  return [
    implement(contract.listProcedures, async (c, { query }) => {
      const ctx = c.get('ctx');
      const rows = await ctx.db.select().from(procedures).orderBy(asc(procedures.code));
      const snap = await ctx.agencies.get();
      const items = [];
      for (const r of rows)
        if (!query.owner || snap.all.isInSubtree(r.ownerCode, query.owner)) items.push(await summary(c, r));
      return c.json({ items });
    }),
    implement(contract.createProcedure, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      const code = await ctx.db.transaction((tx) =>
        createProcedure(tx, params.agencyCode, body, c.get('principal')!.staffId, ctx.clock.now()),
      );
      return c.json(await detail(c, code), 201);
    }),
    implement(contract.getProcedure, async (c, { params }) => c.json(await detail(c, params.procedureCode))),
    implement(contract.updateProcedureDraft, async (c, { params, body }) => {
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
    }),
    implement(contract.validateProcedureDraft, async (c, { body }) =>
      c.json(validateDefinition(body, await c.get('ctx').agencies.get(), { requireActive: true })),
    ),
    implement(contract.publishProcedure, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      const v = await publishDraft(
        ctx,
        params.procedureCode,
        c.get('principal')!.staffId,
        body.draftRevision,
        body.note?.trim() || undefined,
      );
      ctx.log.info({ procedure: v.code, version: v.version, by: c.get('principal')!.username }, 'procedure published');
      return c.json({ ...v, publishedBy: c.get('principal')!.staffId, inForce: false }, 201);
    }),
    implement(contract.listProcedureVersions, async (c, { params }) => {
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
    }),
    implement(contract.getProcedureVersion, async (c, { params }) => {
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
    }),
    implement(contract.retireProcedure, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      await ctx.db.transaction((tx) =>
        retireProcedure(tx, params.procedureCode, body.reason, c.get('principal')!.staffId, ctx.clock.now()),
      );
      invalidateProcedure(ctx.db, params.procedureCode);
      return c.json({ ok: true as const });
    }),
  ];
}
