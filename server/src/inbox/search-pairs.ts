import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { execute } from '../db/client.ts';

/** The `maintenance` key the pairs backfill records when every row has its pairs and the index is built. */
export const SEARCH_PAIRS_KEY = 'search-pairs';

const ready = new WeakSet<Database>();

/**
 * Whether searches may use the word pairs: only once the backfill finished (until then older rows
 * have none, and the single-word index answers). Once true it stays true, so it is remembered.
 */
export async function searchPairsReady(database: Database): Promise<boolean> {
  if (ready.has(database)) return true;
  const rows = await execute<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from maintenance where key = ${SEARCH_PAIRS_KEY}`,
  );
  if (rows[0]?.n) ready.add(database);
  return ready.has(database);
}

/** Forgets what was remembered (tests that undo the backfill). */
export function forgetSearchPairsReady(database: Database): void {
  ready.delete(database);
}
