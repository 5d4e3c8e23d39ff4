import { describe, before, after } from 'node:test';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

/** The PostgreSQL the tests use (trust auth); each suite creates and drops its own database in it. */
export const POSTGRES_URL = process.env.DATABASE_URL_TEST || 'postgres://postgres@127.0.0.1:5432/test';

export type DatabaseKind = 'pglite' | 'postgres';

export interface TestDatabase {
  kind: DatabaseKind;
  /** Opened and migrated before the suite's tests run. */
  database: Database;
  /** For PostgreSQL: the URL of this suite's own database (other processes may connect to it). */
  url: string | null;
}

let sharedPglite: Promise<Database> | null = null;

/** One PGlite per test file (they are slow to start); migrations applied once. */
function pglite(): Promise<Database> {
  return (sharedPglite ??= (async () => {
    const db = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrateDatabase(db);
    return db;
  })());
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates a fresh, migrated PostgreSQL database; fails (never skips) when the server is unreachable. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `motcua_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (err) {
    await admin.end({ timeout: 1 });
    throw new Error(`PostgreSQL at ${POSTGRES_URL} is required for the server tests and is unreachable: ${(err as Error).message}`);
  }
  await admin.end({ timeout: 1 });
  const url = withDatabase(POSTGRES_URL, name);
  return {
    url,
    drop: async () => {
      const a = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end({ timeout: 1 });
      }
    },
  };
}

/**
 * Runs `suite` twice: against PGlite (in memory, shared within the file) and against a fresh
 * PostgreSQL database. `get()` returns the suite's database once its `before` hook ran.
 */
export function forEachDatabase(title: string, suite: (get: () => TestDatabase) => void, options: { only?: DatabaseKind[] } = {}): void {
  const kinds = options.only ?? (['pglite', 'postgres'] as DatabaseKind[]);
  for (const kind of kinds) {
    describe(`${title} [${kind}]`, () => {
      let current: TestDatabase | null = null;
      let drop: (() => Promise<void>) | null = null;
      before(async () => {
        if (kind === 'pglite') {
          current = { kind, database: await pglite(), url: null };
        } else {
          const created = await createPostgresDatabase();
          drop = created.drop;
          const database = await openDatabase({ databaseUrl: created.url, max: 20 });
          await migrateDatabase(database);
          current = { kind, database, url: created.url };
        }
      });
      after(async () => {
        if (kind === 'postgres' && current) {
          await current.database.close();
          await drop?.();
        }
      });
      suite(() => {
        if (!current) throw new Error('database not ready');
        return current;
      });
    });
  }
}

/** Closes the shared PGlite at the end of a file (call from a top-level after()). */
export async function closeSharedPglite(): Promise<void> {
  if (sharedPglite) await (await sharedPglite).close();
  sharedPglite = null;
}

after(async () => {
  await closeSharedPglite();
});
