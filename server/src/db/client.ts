import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema/index.ts';
import { coalescingSocketFactory } from './socket.ts';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle (same query API as Db). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on. */
export type Executor = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** The postgres.js client (PostgreSQL only): benchmarks and tools that need the raw driver. */
  sql: postgres.Sql | null;
  /** The PGlite instance (embedded only). */
  pglite: PGlite | null;
  /** The connection URL (PostgreSQL only). */
  url: string | null;
  /** A description without secrets, for logs. */
  describe: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… → PostgreSQL; otherwise PGlite. */
  databaseUrl?: string | null;
  /** PGlite data directory; null or undefined → in memory. */
  dataDir?: string | null;
  /** PostgreSQL pool size. */
  max?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const sql = postgres(options.databaseUrl, {
      max: options.max ?? 10,
      onnotice: () => {},
      // Dates and bigints are mapped by drizzle's column types; raw queries cast what they read.
      connection: { application_name: 'motcua' },
      // One writev per event-loop turn instead of one write per query over 1 KiB (socket.ts).
      // `socket` is a documented postgres.js option its type declarations lack.
      socket: coalescingSocketFactory(),
    } as postgres.Options<{}>);
    const db = drizzlePostgres({ client: sql, schema }) as unknown as Db;
    const url = new URL(options.databaseUrl);
    return {
      kind: 'postgres',
      db,
      sql,
      pglite: null,
      url: options.databaseUrl,
      describe: `postgresql://${url.host}${url.pathname}`,
      close: () => sql.end({ timeout: 5 }),
    };
  }
  let unlock = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  const pglite = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  try {
    await pglite.waitReady;
  } catch (err) {
    unlock();
    throw err;
  }
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    sql: null,
    pglite,
    url: null,
    describe: options.dataDir ? `pglite:${options.dataDir}` : 'pglite:memory',
    close: async () => {
      await pglite.close();
      unlock();
    },
  };
}

/**
 * PGlite is one process: a second process opening the same directory would corrupt it. A lock
 * file holding the owner's pid refuses that clearly (a stale lock of a dead process is taken over).
 */
function lockDataDir(dir: string): () => void {
  const path = join(dir, 'motcua.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8'));
      let alive = false;
      try {
        alive = Number.isInteger(pid) && pid > 0 && pid !== process.pid && (process.kill(pid, 0), true);
      } catch (e) {
        alive = (e as NodeJS.ErrnoException).code === 'EPERM';
      }
      if (alive) {
        throw new Error(
          `Cơ sở dữ liệu nhúng ${dir} đang được tiến trình ${pid} sử dụng (hãy dừng máy chủ trước) / the embedded database ${dir} is in use by process ${pid} (stop the server first, or use DATABASE_URL)`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`cannot lock ${dir}`);
}

/**
 * Runs raw SQL and returns its rows. drizzle's `execute` returns an array on postgres.js but
 * `{ rows }` on PGlite: this is the one place that difference is handled.
 */
export async function execute<T extends Record<string, unknown> = Record<string, unknown>>(
  on: Executor,
  query: SQL,
): Promise<T[]> {
  const result = (await on.execute(query)) as unknown;
  const rows = Array.isArray(result) ? result : (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('execute: unexpected driver result shape');
  // Plain objects on both drivers (postgres.js rows are not), so results compare and serialise alike.
  return rows.map((r) => (Object.getPrototypeOf(r) === Object.prototype ? r : { ...r })) as T[];
}
