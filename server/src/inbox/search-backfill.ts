import { applicantSearchKeys } from '@motcua/core';
import type { Database } from '../db/client.ts';
import { runOnlineBackfill, type BackfillQuery } from '../db/online-backfill.ts';
import { searchPairsMark } from './search-pairs.ts';

/** Advisory lock key of the backfill: one process does it, the others serve meanwhile. */
const BACKFILL_LOCK = 0x6d637370; // "mcsp"

export interface BackfillOptions {
  /** Rows per batch (one short transaction each, locking only its rows). */
  batch?: number;
  /** A pause between batches (ms), leaving room to the live traffic. */
  pauseMs?: number;
  log?: (fields: Record<string, unknown>, message: string) => void;
}

/**
 * One batch: the next `$2` rows in primary-key order after `$1`, with their folded words when
 * they have no pairs yet. Walking the key keeps the whole backfill one pass over the table,
 * however many rows are done already.
 */
const BATCH_SQL = `select id::text as id, case when search_pairs is null then applicant_search end as search
from dossiers where id > $1::uuid order by id limit $2`;

/** Writes the pairs core computed ($1: [{id, p: [pairs]}]); a row filled meanwhile is left as it is. */
const FILL_SQL = `update dossiers d set search_pairs = array(select jsonb_array_elements_text(x.p))
from jsonb_to_recordset($1::jsonb) as x(id uuid, p jsonb) where d.id = x.id and d.search_pairs is null`;

const INDEX_SQL = 'create index %s if not exists dossiers_search_pairs_idx on dossiers using gin (search_pairs)';

/**
 * Gives every older dossier its search word pairs (core's, from its folded words), online: small
 * batches in key order, each read then written in its own short statement, then the GIN
 * index built without blocking writes (CONCURRENTLY on PostgreSQL), then the mark that lets searches
 * use it. New rows get their pairs on write meanwhile. Returns the number of
 * rows filled (0 when already done, or when another process is doing it).
 */
export async function backfillSearchPairs(database: Database, o: BackfillOptions = {}): Promise<number> {
  if (await searchPairsMark.ready(database)) return 0;
  const batch = o.batch ?? 5000;
  const filled = await runOnlineBackfill(database, {
    lock: BACKFILL_LOCK,
    index: { name: 'dossiers_search_pairs_idx', create: INDEX_SQL },
    mark: searchPairsMark,
    fill: (query) => fillBatches(query, batch, o),
  });
  if (filled === null) return 0;
  o.log?.({ filled }, 'search word pairs ready');
  return filled;
}

async function fillBatches(query: BackfillQuery, batch: number, o: BackfillOptions): Promise<number> {
  let total = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (let i = 1; ; i++) {
    const rows = (await query(BATCH_SQL, [after, batch])) as { id: string; search: string | null }[];
    const fill = rows
      .filter((r) => r.search !== null)
      .map((r) => ({ id: r.id, p: applicantSearchKeys([r.search]).pairs }));
    if (fill.length) await query(FILL_SQL, [JSON.stringify(fill)]);
    total += fill.length;
    if (rows.length < batch) return total;
    after = rows.at(-1)!.id;
    if (i % 50 === 0) o.log?.({ filled: total }, 'search word pairs: backfilling');
    if (o.pauseMs) await new Promise((res) => setTimeout(res, o.pauseMs));
  }
}
