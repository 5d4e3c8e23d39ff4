import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { execute } from './client.ts';

/**
 * Partial indexes whose predicate lists core's open statuses. A migration is fixed SQL, so the
 * list is written there as numbers; the queries that must match the predicate derive theirs from
 * OPEN_STATUSES (deadline-sql.ts). If core's list changes, this fails until a migration rebuilds
 * the indexes with the new one.
 */
const OPEN_STATUS_INDEXES = ['dossiers_overdue_idx', 'dossiers_deadline_queue_idx'];

forEachDatabase('indexes on core’s open statuses', (db) => {
  test('each partial index lists exactly core’s OPEN_STATUSES', async () => {
    const rows = await execute<{ name: string; def: string }>(
      db().database.db,
      sql`select indexname as name, indexdef as def from pg_indexes where tablename = 'dossiers'`,
    );
    for (const name of OPEN_STATUS_INDEXES) {
      const def = rows.find((r) => r.name === name)?.def;
      assert.ok(def, `${name} exists`);
      // PostgreSQL shows `status IN (…)` as `(status = ANY (ARRAY[2, 4, …]))`.
      const list =
        /status\s*=\s*ANY\s*\(ARRAY\[([^\]]*)\]/i.exec(def)?.[1] ?? /status"?\s+IN\s*\(([^)]*)\)/i.exec(def)?.[1];
      assert.ok(list, `${name}: no status list in ${def}`);
      const statuses = list.split(',').map((s) => Number(s.replace(/[^0-9]/g, '')));
      assert.deepEqual(
        [...statuses].sort((a, b) => a - b),
        [...OPEN_STATUSES].sort((a, b) => a - b),
        def,
      );
    }
  });
});
