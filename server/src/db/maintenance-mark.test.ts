import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { forEachDatabase } from '../../test/support/databases.ts';
import { execute } from './client.ts';
import { maintenanceMark } from './maintenance-mark.ts';

forEachDatabase('maintenance mark', (db) => {
  test('not ready until written; once seen, remembered without a query; forgetting asks the table again', async () => {
    const { database } = db();
    const mark = maintenanceMark(`test-mark-${db().kind}`);
    const rows = async () =>
      (
        await execute<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from maintenance where key = ${mark.key}`,
        )
      )[0]!.n;
    assert.equal(await mark.ready(database), false);
    await mark.write(database);
    await mark.write(database);
    assert.equal(await rows(), 1, 'written once however often');
    assert.equal(await mark.ready(database), true);
    // Another process cannot remove a mark in service; a test that does so sees the remembered answer…
    await execute(database.db, sql`delete from maintenance where key = ${mark.key}`);
    assert.equal(await mark.ready(database), true);
    // …until it forgets, and then the table answers again.
    mark.forget(database);
    assert.equal(await mark.ready(database), false);
    const other = maintenanceMark(`${mark.key}-other`);
    await mark.write(database);
    assert.equal(await other.ready(database), false, 'one mark per key');
  });
});
