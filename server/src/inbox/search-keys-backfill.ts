import { sql } from 'drizzle-orm';
import { agencySearchKeys, storedTextPairs } from '@motcua/core';
import type { Database } from '../db/client.ts';
import { execute } from '../db/client.ts';
import { runOnlineBackfill, type BackfillQuery } from '../db/online-backfill.ts';
import { maintenanceMark } from '../db/maintenance-mark.ts';

/** The `maintenance` key recorded when every visit has its search keys and their index is built (migration 0019). */
export const VISIT_SEARCH_KEYS_KEY = 'visit-search-keys';

/**
 * Whether searches may ask the visits' agency-scoped keys: only once the backfill finished (until
 * then older visits have none, and the dossiers' word pairs answer).
 */
const visitSearchKeysMark = maintenanceMark(VISIT_SEARCH_KEYS_KEY);
export const visitSearchKeysReady = visitSearchKeysMark.ready;
export const forgetVisitSearchKeysReady = visitSearchKeysMark.forget;

/** Advisory lock key of the backfill: one process does it, the others serve meanwhile. */
const BACKFILL_LOCK = 0x6d63766b; // "mcvk"

const INDEX = 'dossier_agencies_search_keys_idx';
/** No pending list: every search would scan it. */
const INDEX_SQL = `create index %s if not exists ${INDEX} on dossier_agencies using gin (search_keys) with (fastupdate = off)`;

/**
 * One batch: the next `$3` visits in primary-key order after ($1, $2), with their dossier's folded
 * words when they have no keys yet. Walking the key keeps a pass one sweep over the table.
 */
const BATCH_SQL = `select v.dossier_id::text as id, v.agency_code as agency,
  case when v.search_keys is null then d.applicant_search end as search
from dossier_agencies v join dossiers d on d.id = v.dossier_id
where (v.dossier_id, v.agency_code) > ($1::uuid, $2::text)
order by v.dossier_id, v.agency_code limit $3`;

/** Writes the keys core computed ($1: [{id, a, k: [keys]}]); a visit written meanwhile has its own and is left alone. */
const FILL_SQL = `update dossier_agencies v set search_keys = array(select jsonb_array_elements_text(x.k))
from jsonb_to_recordset($1::jsonb) as x(id uuid, a text, k jsonb)
where v.dossier_id = x.id and v.agency_code = x.a and v.search_keys is null`;

const LEFT_SQL = 'select count(*)::int as n from (select 1 from dossier_agencies where search_keys is null limit 1) x';

export interface KeysBackfillOptions {
  /** Visits per batch (one read and one update statement each). */
  batch?: number;
  /** A pause between batches (ms), leaving room to the live traffic. */
  pauseMs?: number;
  log?: (fields: Record<string, unknown>, message: string) => void;
}

/**
 * Gives every visit stored before migration 0019 its agency-scoped search keys (core's, from its
 * dossier's folded words), online: batches in key order, each read then written by one short
 * statement; passes repeat until no visit lacks them (a process older than the migration may still
 * write some meanwhile); then the GIN index, built without blocking writes (CONCURRENTLY on
 * PostgreSQL), then the mark that lets searches use it. Returns the number of visits filled (0 when
 * already done, or when another process is doing it).
 */
export async function backfillVisitSearchKeys(database: Database, o: KeysBackfillOptions = {}): Promise<number> {
  if (await visitSearchKeysReady(database)) return 0;
  const started = Date.now();
  const done = (filled: number) => {
    o.log?.({ filled, seconds: Math.round((Date.now() - started) / 100) / 10 }, 'visit search keys ready');
    return filled;
  };
  const filled = await runOnlineBackfill(database, {
    lock: BACKFILL_LOCK,
    index: { name: INDEX, create: INDEX_SQL },
    mark: visitSearchKeysMark,
    fill: (query) => fillAll(query, o),
  });
  return filled === null ? 0 : done(filled);
}

async function fillAll(query: BackfillQuery, o: KeysBackfillOptions): Promise<number> {
  let total = 0;
  for (let pass = 0; ; pass++) {
    total += await fillPass(query, o.batch ?? 4000, o, total);
    const left = (await query(LEFT_SQL, [])) as { n: number }[];
    if (!left[0]?.n) return total;
    if (pass >= 9) throw new Error('visits keep arriving without search keys (a writer older than migration 0019?)');
  }
}

async function fillPass(query: BackfillQuery, batch: number, o: KeysBackfillOptions, before: number): Promise<number> {
  let total = 0;
  let after = { id: '00000000-0000-0000-0000-000000000000', agency: '' };
  for (let i = 1; ; i++) {
    const rows = (await query(BATCH_SQL, [after.id, after.agency, batch])) as {
      id: string;
      agency: string;
      search: string | null;
    }[];
    const fill = rows
      .filter((r) => r.search !== null)
      .map((r) => ({ id: r.id, a: r.agency, k: agencySearchKeys(r.agency, storedTextPairs(r.search!)) }));
    if (fill.length) await query(FILL_SQL, [JSON.stringify(fill)]);
    total += fill.length;
    if (rows.length < batch) return total;
    after = rows.at(-1)!;
    if (i % 100 === 0) o.log?.({ filled: before + total }, 'visit search keys: backfilling');
    if (o.pauseMs) await new Promise((res) => setTimeout(res, o.pauseMs));
  }
}
