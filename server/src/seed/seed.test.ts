import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, DEMO_PASSWORD } from '../../test/support/server.ts';
import { execute } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { seedIfEmpty } from './seed.ts';
import { readProvince, demoAccounts } from './demo-province.ts';
import { verifyPassword } from '../auth/password.ts';

forEachDatabase('migrations and the demo seed', (db) => {
  test('migrations are idempotent and the seed creates the demo province once', async () => {
    await migrateDatabase(db().database); // second run: nothing to do
    const server = await testServer(db());
    try {
      const again = await seedIfEmpty(server.ctx);
      assert.equal(again, null, 'a seeded database is not seeded again');
      const province = readProvince();
      const snap = await server.ctx.agencies.get();
      assert.equal(snap.records.size, province.agencies.length);
      for (const a of province.agencies) {
        const r = snap.records.get(a.code)!;
        assert.equal(r.parent, a.parent);
        assert.equal(r.kind, a.kind);
        assert.equal(r.timeZone, 'Asia/Ho_Chi_Minh');
        // Every agency has a working calendar with the 2026 Tết holidays.
        assert.ok(snap.calendarOf(a.code).holidays.includes('2026-02-17'));
      }
      const rows = await execute<{ username: string; password_hash: string; email: string | null }>(
        server.ctx.db,
        sql`select username, password_hash, email from staff order by username`,
      );
      const expected = demoAccounts(province)
        .map((a) => a.username)
        .sort();
      assert.deepEqual(
        rows.map((r) => r.username),
        expected,
      );
      assert.ok(await verifyPassword(DEMO_PASSWORD, rows[0]!.password_hash));
      // Every demo account has an address on the reserved .invalid domain: the digest has somewhere to go.
      for (const r of rows) assert.equal(r.email, `${r.username}@motcua.invalid`);
      for (const role of ['admin', 'designer', 'reception', 'specialist', 'leader', 'viewer']) {
        assert.ok(
          rows.some((r) => r.username.startsWith(`${role}.`)),
          `a demo account for ${role}`,
        );
      }
    } finally {
      server.dispose();
    }
  });
});
