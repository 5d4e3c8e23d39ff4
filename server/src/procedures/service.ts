import { and, desc, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { conditionSchemas, type Issue, type Procedure } from '@motcua/core';
import { validateProcedure } from '@motcua/core/validate';
import { compileValidatorModule } from '@motcua/compile';
import type { ServerContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { procedures, procedureVersions } from '../db/schema/index.ts';
import { errors, HttpError } from '../http/errors.ts';
import type { AgencySnapshot } from '../agency-directory/cache.ts';
import { agencyReferenceIssues } from './agency-references.ts';
import { invalidateProcedure } from './catalog.ts';

const CODE = /^[0-9A-Za-z][0-9A-Za-z._-]*$/;

export interface DraftValidation {
  valid: boolean;
  issues: Issue[];
}

/** Core's validation of a definition plus the province-data checks (agencies and kinds exist). */
export function validateDefinition(
  definition: unknown,
  snap: AgencySnapshot,
  options: { requireActive: boolean },
): DraftValidation {
  const core = validateProcedure(definition);
  const issues = [...core.issues];
  if (core.valid) issues.push(...agencyReferenceIssues(definition as Procedure, snap, options));
  return { valid: issues.length === 0, issues };
}

function requireObject(definition: unknown, pointer: string): Record<string, unknown> {
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    throw errors.invalid([
      {
        pointer,
        code: 'type',
        message: {
          vi: 'Định nghĩa thủ tục phải là một đối tượng JSON',
          en: 'A procedure definition must be a JSON object',
        },
      },
    ]);
  }
  return definition as Record<string, unknown>;
}

function localized(x: unknown): { vi: string; en?: string } {
  const o = (typeof x === 'object' && x !== null ? x : {}) as { vi?: unknown; en?: unknown };
  return { vi: typeof o.vi === 'string' ? o.vi : '', ...(typeof o.en === 'string' ? { en: o.en } : {}) };
}

/** Creates a procedure with its first draft, owned by `owner`. */
export async function createProcedure(
  tx: Executor,
  owner: string,
  definition: unknown,
  actorId: string | null,
  at: number,
): Promise<string> {
  const d = requireObject(definition, '/body');
  const code = d.code;
  if (typeof code !== 'string' || !CODE.test(code) || code.length > 64) {
    throw errors.invalid([
      {
        pointer: '/body/code',
        code: 'pattern',
        message: { vi: 'Thiếu hoặc sai mã thủ tục', en: 'The procedure code is missing or malformed' },
      },
    ]);
  }
  if (d.owner !== owner) {
    throw errors.invalid([
      {
        pointer: '/body/owner',
        code: 'owner',
        message: { vi: `Cơ quan chủ quản phải là "${owner}"`, en: `The owner must be "${owner}"` },
      },
    ]);
  }
  const existing = await tx.select({ code: procedures.code }).from(procedures).where(eq(procedures.code, code));
  if (existing[0])
    throw errors.conflict('procedure_exists', {
      vi: `Thủ tục "${code}" đã tồn tại`,
      en: `Procedure "${code}" already exists`,
    });
  const field = (typeof d.field === 'object' && d.field ? d.field : {}) as { code?: unknown };
  await tx.insert(procedures).values({
    code,
    ownerCode: owner,
    title: localized(d.title),
    fieldCode: typeof field.code === 'string' ? field.code : '',
    draft: d,
    draftRevision: 1,
    draftUpdatedAt: new Date(at),
    draftUpdatedBy: actorId,
    createdAt: new Date(at),
  });
  return code;
}

/**
 * Replaces the draft (work in progress may be invalid: the caller gets the issues back). The
 * code and owner cannot change through a draft. `revision` guards against lost updates.
 */
export async function updateDraft(
  tx: Executor,
  code: string,
  definition: unknown,
  revision: number | undefined,
  actorId: string | null,
  at: number,
): Promise<number> {
  const d = requireObject(definition, '/body');
  const rows = await tx.select().from(procedures).where(eq(procedures.code, code)).for('update');
  const p = rows[0];
  if (!p) throw errors.notFound({ vi: 'Không tìm thấy thủ tục', en: 'Procedure not found' });
  if (revision !== undefined && revision !== p.draftRevision) {
    throw errors.conflict(
      'stale',
      { vi: 'Bản nháp đã bị người khác sửa, hãy tải lại', en: 'The draft was changed by someone else; reload it' },
      { revision: p.draftRevision },
    );
  }
  const issues: Issue[] = [];
  if (d.code !== code)
    issues.push({
      pointer: '/body/code',
      code: 'code',
      message: { vi: `Mã thủ tục phải là "${code}"`, en: `The code must be "${code}"` },
    });
  if (d.owner !== p.ownerCode)
    issues.push({
      pointer: '/body/owner',
      code: 'owner',
      message: { vi: `Cơ quan chủ quản phải là "${p.ownerCode}"`, en: `The owner must be "${p.ownerCode}"` },
    });
  if (issues.length) throw errors.invalid(issues);
  const field = (typeof d.field === 'object' && d.field ? d.field : {}) as { code?: unknown };
  await tx
    .update(procedures)
    .set({
      draft: d,
      draftRevision: p.draftRevision + 1,
      draftUpdatedAt: new Date(at),
      draftUpdatedBy: actorId,
      title: localized(d.title),
      fieldCode: typeof field.code === 'string' ? field.code : p.fieldCode,
    })
    .where(eq(procedures.code, code));
  return p.draftRevision + 1;
}

export interface PublishedVersion {
  code: string;
  version: number;
  effectiveFrom: string;
  effectiveUntil: string | null;
  publishedAt: string;
  validatorsSha256: string;
  note: string | null;
}

/**
 * Publishes the draft as the next immutable version: validated by core and against the agency
 * tree (422 with pointers into the draft otherwise), its validator module compiled (every
 * condition + the form schema, bundled into one self-contained ES module), then stored. Version
 * numbers are allocated under the procedure's row lock, so concurrent publishes do not collide.
 */
export async function publishDraft(
  ctx: ServerContext,
  code: string,
  actorId: string | null,
  expectedRevision?: number,
  note?: string,
): Promise<PublishedVersion> {
  const rows = await ctx.db.select().from(procedures).where(eq(procedures.code, code));
  const p = rows[0];
  if (!p) throw errors.notFound({ vi: 'Không tìm thấy thủ tục', en: 'Procedure not found' });
  if (p.retiredAt) throw errors.conflict('retired', { vi: 'Thủ tục đã bãi bỏ', en: 'The procedure is retired' });
  if (!p.draft) throw errors.conflict('no_draft', { vi: 'Thủ tục chưa có bản nháp', en: 'The procedure has no draft' });
  if (expectedRevision !== undefined && expectedRevision !== p.draftRevision) {
    throw errors.conflict(
      'stale',
      {
        vi: 'Bản nháp đã thay đổi, hãy kiểm tra lại trước khi công bố',
        en: 'The draft changed; review it before publishing',
      },
      { revision: p.draftRevision },
    );
  }
  const snap = await ctx.agencies.get();
  const check = validateDefinition(p.draft, snap, { requireActive: true });
  if (!check.valid) {
    throw new HttpError(
      422,
      'invalid_definition',
      { vi: 'Bản nháp chưa hợp lệ, không thể công bố', en: 'The draft is not valid and cannot be published' },
      check.issues,
    );
  }
  const definition = p.draft as Procedure;
  const validators = await compileValidatorModule(conditionSchemas(definition).map((c) => c.schema));
  const sha = createHash('sha256').update(validators).digest('hex');
  const at = ctx.clock.now();
  const published = await ctx.db.transaction(async (tx) => {
    const locked = await tx.select().from(procedures).where(eq(procedures.code, code)).for('update');
    const cur = locked[0]!;
    if (cur.draftRevision !== p.draftRevision) {
      throw errors.conflict(
        'stale',
        { vi: 'Bản nháp vừa thay đổi, hãy công bố lại', en: 'The draft changed meanwhile; publish again' },
        { revision: cur.draftRevision },
      );
    }
    const version = cur.latestVersion + 1;
    await tx.insert(procedureVersions).values({
      code,
      version,
      definition,
      effectiveFrom: definition.effectiveFrom,
      effectiveUntil: definition.effectiveUntil ?? null,
      publishedAt: new Date(at),
      publishedBy: actorId,
      validators,
      validatorsSha256: sha,
      note: note ?? null,
    });
    await tx.update(procedures).set({ latestVersion: version }).where(eq(procedures.code, code));
    return {
      code,
      version,
      effectiveFrom: definition.effectiveFrom,
      effectiveUntil: definition.effectiveUntil ?? null,
      publishedAt: new Date(at).toISOString(),
      validatorsSha256: sha,
      note: note ?? null,
    };
  });
  invalidateProcedure(ctx.db, code);
  return published;
}

export async function retireProcedure(
  tx: Executor,
  code: string,
  reason: string,
  actorId: string | null,
  at: number,
): Promise<void> {
  const rows = await tx
    .update(procedures)
    .set({ retiredAt: new Date(at), retiredBy: actorId, retireReason: reason })
    .where(and(eq(procedures.code, code)))
    .returning({ code: procedures.code });
  if (!rows[0]) throw errors.notFound({ vi: 'Không tìm thấy thủ tục', en: 'Procedure not found' });
}

export type VersionRow = typeof procedureVersions.$inferSelect;

/** Versions of a procedure, newest first, without their (large) validator modules. */
export async function listVersions(db: Executor, code: string) {
  return db
    .select({
      code: procedureVersions.code,
      version: procedureVersions.version,
      effectiveFrom: procedureVersions.effectiveFrom,
      effectiveUntil: procedureVersions.effectiveUntil,
      publishedAt: procedureVersions.publishedAt,
      publishedBy: procedureVersions.publishedBy,
      validatorsSha256: procedureVersions.validatorsSha256,
      note: procedureVersions.note,
    })
    .from(procedureVersions)
    .where(eq(procedureVersions.code, code))
    .orderBy(desc(procedureVersions.version));
}

export async function getVersion(db: Executor, code: string, version: number): Promise<VersionRow | null> {
  const rows = await db
    .select()
    .from(procedureVersions)
    .where(and(eq(procedureVersions.code, code), eq(procedureVersions.version, version)));
  return rows[0] ?? null;
}
