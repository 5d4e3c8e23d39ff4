import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { execute } from '../db/client.ts';
import { SEARCH_PAIRS_KEY, searchPairsReady } from './search-pairs.ts';

/** Advisory lock key of the backfill: one process does it, the others serve meanwhile. */
const BACKFILL_LOCK = 0x6d637370; // "mcsp"

export interface BackfillOptions {
  /** Rows per batch (one short transaction each, locking only its rows). */
  batch?: number;
  /** A pause between batches (ms), leaving room to the live traffic. */
  pauseMs?: number;
  log?: (fields: Record<string, unknown>, message: string) => void;
}

interface BatchResult {
  last: string | null;
  seen: number;
  filled: number;
}

/**
 * One batch: the next `$2` rows in primary-key order after `$1`, those without pairs filled. Walking
 * the key keeps the whole backfill one pass over the table, however many rows are done already.
 */
const BATCH_SQL = `with b as (select id from dossiers where id > $1::uuid order by id limit $2),
u as (update dossiers d set search_pairs = motcua_word_pairs(d.applicant_search) from b
      where d.id = b.id and d.search_pairs is null returning d.id)
select (select id::text from b order by id desc limit 1) as last, (select count(*)::int from b) as seen,
       (select count(*)::int from u) as filled`;

const INDEX_SQL = 'create index %s if not exists dossiers_search_pairs_idx on dossiers using gin (search_pairs)';

/**
 * Gives every older dossier its search word pairs, online: small batches in key order, then the GIN
 * index built without blocking writes (CONCURRENTLY on PostgreSQL), then the mark that lets searches
 * use it. New and changed rows get their pairs from the trigger meanwhile. Returns the number of
 * rows filled (0 when already done, or when another process is doing it).
 */
export async function backfillSearchPairs(database: Database, o: BackfillOptions = {}): Promise<number> {
  if (await searchPairsReady(database)) return 0;
  const batch = o.batch ?? 5000;
  if (database.kind === 'postgres') {
    const conn = await database.sql!.reserve();
    try {
      const [got] = await conn`select pg_try_advisory_lock(${BACKFILL_LOCK}) as ok`;
      if (!got?.ok) return 0;
      try {
        const filled = await fillBatches(
          async (after, n) => (await conn.unsafe(BATCH_SQL, [after, n]))[0] as unknown as BatchResult,
          batch,
          o,
        );
        // A build interrupted earlier leaves an invalid index behind: drop it and build again.
        const [idx] = await conn`select i.indisvalid as valid from pg_index i
          join pg_class c on c.oid = i.indexrelid where c.relname = 'dossiers_search_pairs_idx'`;
        if (idx && !idx.valid) await conn.unsafe('drop index concurrently if exists dossiers_search_pairs_idx');
        await conn.unsafe(INDEX_SQL.replace('%s', 'concurrently'));
        await conn`insert into maintenance (key, done_at) values (${SEARCH_PAIRS_KEY}, now()) on conflict do nothing`;
        o.log?.({ filled }, 'search word pairs ready');
        return filled;
      } finally {
        await conn`select pg_advisory_unlock(${BACKFILL_LOCK})`;
      }
    } finally {
      conn.release();
    }
  }
  // PGlite: one process, one connection.
  const filled = await fillBatches(
    async (after, n) => (await database.pglite!.query<BatchResult>(BATCH_SQL, [after, n])).rows[0]!,
    batch,
    o,
  );
  await execute(database.db, sql.raw(INDEX_SQL.replace('%s ', '')));
  await execute(
    database.db,
    sql`insert into maintenance (key, done_at) values (${SEARCH_PAIRS_KEY}, now()) on conflict do nothing`,
  );
  o.log?.({ filled }, 'search word pairs ready');
  return filled;
}

async function fillBatches(
  run: (after: string, n: number) => Promise<BatchResult>,
  batch: number,
  o: BackfillOptions,
): Promise<number> {
  let total = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (let i = 1; ; i++) {
    const r = await run(after, batch);
    total += Number(r.filled);
    if (Number(r.seen) < batch || !r.last) return total;
    after = r.last;
    if (i % 50 === 0) o.log?.({ filled: total }, 'search word pairs: backfilling');
    if (o.pauseMs) await new Promise((res) => setTimeout(res, o.pauseMs));
  }
}
