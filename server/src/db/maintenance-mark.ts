import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { execute } from './client.ts';

/**
 * A row of `maintenance` written once a backfill is done, after which readers may use what it
 * filled. Marks are never removed by the service, so a mark seen once is remembered per database
 * and later checks cost no query.
 */
export interface MaintenanceMark {
  key: string;
  /** Whether the mark is written. */
  ready(database: Database): Promise<boolean>;
  /** Writes the mark (idempotent) and remembers it. */
  write(database: Database): Promise<void>;
  /** Forgets what was remembered (tests and benchmarks that undo or switch the path). */
  forget(database: Database): void;
}

export function maintenanceMark(key: string): MaintenanceMark {
  const seen = new WeakSet<Database>();
  return {
    key,
    async ready(database) {
      if (seen.has(database)) return true;
      const rows = await execute<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from maintenance where key = ${key}`,
      );
      if (rows[0]?.n) seen.add(database);
      return seen.has(database);
    },
    async write(database) {
      await execute(
        database.db,
        sql`insert into maintenance (key, done_at) values (${key}, now()) on conflict do nothing`,
      );
      seen.add(database);
    },
    forget(database) {
      seen.delete(database);
    },
  };
}
