import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { execute } from './client.ts';
import type { MaintenanceMark } from './maintenance-mark.ts';

/** One statement of a backfill, with positional parameters, on the backfill's own connection. */
export type BackfillQuery = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface OnlineBackfill {
  /** Advisory lock key: one process does the backfill, the others serve meanwhile. */
  lock: number;
  /** The index to build once every row is filled: `create index %s if not exists <name> …` (`%s`: CONCURRENTLY on PostgreSQL). */
  index: { name: string; create: string };
  /** The mark written last, which lets readers use the filled rows. */
  mark: MaintenanceMark;
  /** Fills the rows through `query`; returns how many it filled. */
  fill: (query: BackfillQuery) => Promise<number>;
}

/**
 * Runs a backfill without stopping the service. On PostgreSQL one process holds an advisory lock
 * (the others return null at once), fills, builds the index without blocking writes (dropping an
 * invalid one an interrupted build left behind), then writes the mark. On PGlite (one process,
 * one connection) the same without the lock. Returns the rows filled, or null when another process
 * is doing it.
 */
export async function runOnlineBackfill(database: Database, b: OnlineBackfill): Promise<number | null> {
  if (database.kind === 'postgres') {
    const conn = await database.sql!.reserve();
    try {
      const [got] = await conn`select pg_try_advisory_lock(${b.lock}) as ok`;
      if (!got?.ok) return null;
      try {
        const filled = await b.fill(
          async (text, params) => (await conn.unsafe(text, params as never[])) as unknown as Record<string, unknown>[],
        );
        const [idx] = await conn`select i.indisvalid as valid from pg_index i
          join pg_class c on c.oid = i.indexrelid where c.relname = ${b.index.name}`;
        if (idx && !idx.valid) await conn.unsafe(`drop index concurrently if exists ${b.index.name}`);
        await conn.unsafe(b.index.create.replace('%s', 'concurrently'));
        await b.mark.write(database);
        return filled;
      } finally {
        await conn`select pg_advisory_unlock(${b.lock})`;
      }
    } finally {
      conn.release();
    }
  }
  const filled = await b.fill(
    async (text, params) => (await database.pglite!.query<Record<string, unknown>>(text, params)).rows,
  );
  await execute(database.db, sql.raw(b.index.create.replace('%s ', '')));
  await b.mark.write(database);
  return filled;
}
