import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { execute } from './client.ts';
import { CHANNEL_QUEUE_STATUSES } from '../inbox/queue-sql.ts';

/**
 * Partial indexes whose predicate lists core's open statuses. A migration is fixed SQL, so the
 * list is written there as numbers; the queries that must match the predicate derive theirs from
 * OPEN_STATUSES (deadline-sql.ts). If core's list changes, this fails until a migration rebuilds
 * the indexes with the new one. The same holds for the index of the queues by channel and the
 * statuses of those queues.
 */
const OPEN_STATUS_INDEXES = ['dossiers_overdue_idx', 'dossiers_deadline_queue_idx'];

/** PostgreSQL shows `status IN (…)` as `(status = ANY (ARRAY[2, 4, …]))`. */
function statusList(name: string, def: string): number[] {
  const list =
    /status\s*=\s*ANY\s*\(ARRAY\[([^\]]*)\]/i.exec(def)?.[1] ?? /status"?\s+IN\s*\(([^)]*)\)/i.exec(def)?.[1];
  assert.ok(list, `${name}: no status list in ${def}`);
  return list
    .split(',')
    .map((s) => Number(s.replace(/[^0-9]/g, '')))
    .sort((a, b) => a - b);
}

forEachDatabase('indexes on core’s open statuses', (db) => {
  test('each partial index lists exactly core’s OPEN_STATUSES', async () => {
    const rows = await execute<{ name: string; def: string }>(
      db().database.db,
      sql`select indexname as name, indexdef as def from pg_indexes where tablename = 'dossiers'`,
    );
    for (const name of OPEN_STATUS_INDEXES) {
      const def = rows.find((r) => r.name === name)?.def;
      assert.ok(def, `${name} exists`);
      assert.deepEqual(
        statusList(name, def),
        [...OPEN_STATUSES].sort((a, b) => a - b),
        def,
      );
    }
  });

  test('the index of the queues by channel lists exactly the statuses of core’s queues by channel', async () => {
    const [row] = await execute<{ def: string }>(
      db().database.db,
      sql`select indexdef as def from pg_indexes where tablename = 'dossiers' and indexname = 'dossiers_channel_queue_idx'`,
    );
    assert.ok(row, 'dossiers_channel_queue_idx exists');
    assert.deepEqual(statusList('dossiers_channel_queue_idx', row.def), [...CHANNEL_QUEUE_STATUSES], row.def);
  });
});
