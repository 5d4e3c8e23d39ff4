import { describe, before, after } from 'node:test';
import { createPostgresDatabase } from './postgres.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

export { POSTGRES_URL, createPostgresDatabase } from './postgres.ts';

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

/**
 * Runs `suite` twice: against PGlite (in memory, shared within the file) and against a fresh
 * PostgreSQL database. `get()` returns the suite's database once its `before` hook ran.
 */
export function forEachDatabase(
  title: string,
  suite: (get: () => TestDatabase) => void,
  options: { only?: DatabaseKind[] } = {},
): void {
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
