import { and, eq, isNull, or } from 'drizzle-orm';
import { localDate, type Procedure } from '@motcua/core';
import type { ServerContext } from '../context.ts';
import { procedures, procedureVersions } from '../db/schema/index.ts';
import type { AgencySnapshot } from '../agency-directory/cache.ts';

/** A published version, as intake and the public API use it (the validator module is served separately). */
export interface PublishedProcedure {
  code: string;
  version: number;
  definition: Procedure;
  effectiveFrom: string;
  effectiveUntil: string | null;
  publishedAt: Date;
  validatorsSha256: string;
}

// Published versions never change: they are cached for the life of the process (bounded), per
// database (tests run several databases in one process).
const MAX_CACHED = 1000;
const caches = new WeakMap<
  object,
  { versions: Map<string, PublishedProcedure>; meta: Map<string, { at: number; meta: Meta | null }> }
>();
function cachesOf(db: object) {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { versions: new Map(), meta: new Map() }));
  return c;
}

const VERSION_COLUMNS = {
  code: procedureVersions.code,
  version: procedureVersions.version,
  definition: procedureVersions.definition,
  effectiveFrom: procedureVersions.effectiveFrom,
  effectiveUntil: procedureVersions.effectiveUntil,
  publishedAt: procedureVersions.publishedAt,
  validatorsSha256: procedureVersions.validatorsSha256,
};

export async function loadVersion(
  ctx: Pick<ServerContext, 'db'>,
  code: string,
  version: number,
): Promise<PublishedProcedure | null> {
  const key = `${code}@${version}`;
  const cache = cachesOf(ctx.db).versions;
  const hit = cache.get(key);
  if (hit) return hit;
  const rows = await ctx.db
    .select(VERSION_COLUMNS)
    .from(procedureVersions)
    .where(and(eq(procedureVersions.code, code), eq(procedureVersions.version, version)));
  const row = rows[0];
  if (!row) return null;
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, row);
  return row;
}

export interface InForce {
  owner: string;
  retired: boolean;
  /** The version effective today in the owner's zone, or null (none yet, or all expired). */
  current: PublishedProcedure | null;
}

interface Meta {
  owner: string;
  retired: boolean;
  versions: { version: number; effectiveFrom: string; effectiveUntil: string | null }[];
}

// What changes (publishing, retiring) is re-read at most once a second: other processes see a new
// version within a second; this process sees its own changes at once (invalidateProcedure).
const META_TTL_MS = 1000;

export function invalidateProcedure(db: object, code: string): void {
  cachesOf(db).meta.delete(code);
}

async function procedureMeta(ctx: Pick<ServerContext, 'db'>, code: string): Promise<Meta | null> {
  const metaCache = cachesOf(ctx.db).meta;
  const hit = metaCache.get(code);
  if (hit && Date.now() - hit.at < META_TTL_MS) return hit.meta;
  const rows = await ctx.db
    .select({ owner: procedures.ownerCode, retiredAt: procedures.retiredAt })
    .from(procedures)
    .where(eq(procedures.code, code));
  const p = rows[0];
  const meta = p
    ? {
        owner: p.owner,
        retired: p.retiredAt !== null,
        versions: await ctx.db
          .select({
            version: procedureVersions.version,
            effectiveFrom: procedureVersions.effectiveFrom,
            effectiveUntil: procedureVersions.effectiveUntil,
          })
          .from(procedureVersions)
          .where(eq(procedureVersions.code, code)),
      }
    : null;
  if (metaCache.size >= MAX_CACHED) metaCache.delete(metaCache.keys().next().value!);
  metaCache.set(code, { at: Date.now(), meta });
  return meta;
}

/** A procedure's state for the public: retired or not, and the version in force now. */
export async function inForce(
  ctx: Pick<ServerContext, 'db' | 'agencies' | 'clock' | 'config'>,
  code: string,
): Promise<InForce | null> {
  const meta = await procedureMeta(ctx, code);
  if (!meta) return null;
  const p = { owner: meta.owner, retiredAt: meta.retired ? true : null };
  const versions = meta.versions;
  const snap = await ctx.agencies.get();
  const pick = pickInForce(versions, todayFor(snap, p.owner, ctx.clock.now(), ctx.config.timeZone));
  return {
    owner: p.owner,
    retired: p.retiredAt !== null,
    current: pick ? await loadVersion(ctx, code, pick.version) : null,
  };
}

/**
 * Every procedure that is not retired and has a version in force today. The procedures and their
 * versions' dates are read in one query (a province has hundreds of procedures: one query each
 * would put as many round trips on the staff's first screen), then the versions in force not yet
 * cached in one more.
 */
export async function publicCatalog(
  ctx: Pick<ServerContext, 'db' | 'agencies' | 'clock' | 'config'>,
): Promise<PublishedProcedure[]> {
  const rows = await ctx.db
    .select({
      code: procedures.code,
      owner: procedures.ownerCode,
      version: procedureVersions.version,
      effectiveFrom: procedureVersions.effectiveFrom,
      effectiveUntil: procedureVersions.effectiveUntil,
    })
    .from(procedures)
    .leftJoin(procedureVersions, eq(procedureVersions.code, procedures.code))
    .where(isNull(procedures.retiredAt));
  const metas = new Map<string, Meta>();
  for (const r of rows) {
    const meta = metas.get(r.code) ?? { owner: r.owner, retired: false, versions: [] };
    if (r.version !== null)
      meta.versions.push({ version: r.version, effectiveFrom: r.effectiveFrom!, effectiveUntil: r.effectiveUntil });
    metas.set(r.code, meta);
  }
  const metaCache = cachesOf(ctx.db).meta;
  const at = Date.now();
  for (const [code, meta] of metas) {
    if (metaCache.size >= MAX_CACHED && !metaCache.has(code)) metaCache.delete(metaCache.keys().next().value!);
    metaCache.set(code, { at, meta });
  }
  const snap = await ctx.agencies.get();
  const picked = [...metas]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([code, meta]) => {
      const pick = pickInForce(meta.versions, todayFor(snap, meta.owner, ctx.clock.now(), ctx.config.timeZone));
      return pick ? [{ code, version: pick.version }] : [];
    });
  await loadVersions(ctx, picked);
  return picked.flatMap((p) => cachesOf(ctx.db).versions.get(`${p.code}@${p.version}`) ?? []);
}

/** Puts these published versions in the cache, those not there yet read in one query. */
async function loadVersions(
  ctx: Pick<ServerContext, 'db'>,
  wanted: { code: string; version: number }[],
): Promise<void> {
  const cache = cachesOf(ctx.db).versions;
  const missing = wanted.filter((w) => !cache.has(`${w.code}@${w.version}`));
  if (!missing.length) return;
  const rows = await ctx.db
    .select(VERSION_COLUMNS)
    .from(procedureVersions)
    .where(
      or(...missing.map((m) => and(eq(procedureVersions.code, m.code), eq(procedureVersions.version, m.version)))),
    );
  for (const row of rows) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(`${row.code}@${row.version}`, row);
  }
}

/** The version a date falls in: the highest-numbered version effective on that day. */
export function pickInForce<T extends { version: number; effectiveFrom: string; effectiveUntil: string | null }>(
  versions: readonly T[],
  day: string,
): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (
      v.effectiveFrom <= day &&
      (v.effectiveUntil === null || v.effectiveUntil >= day) &&
      (!best || v.version > best.version)
    )
      best = v;
  }
  return best;
}

/** Today's date where the procedure's owner works (effective dates are local dates). */
export function todayFor(snap: AgencySnapshot, owner: string, now: number, fallbackZone: string): string {
  const zone = snap.records.get(owner)?.timeZone ?? fallbackZone;
  return localDate(now, zone);
}
