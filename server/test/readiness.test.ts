/**
 * Start-up of several processes on one fresh PostgreSQL: migrations and the whole demo seed run
 * once, under one lock, and no process answers before they are done (PostgreSQL only — fails,
 * never skips, when it is unreachable).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createPostgresDatabase } from './support/databases.ts';
import { PROCESS_START_MS, startServerProcess, type ServerProcess } from './support/processes.ts';
import { MIGRATION_LOCK } from '../src/db/migrate.ts';
import { EXAMPLES_DIR, demoAccounts, readProvince } from '../src/seed/demo-province.ts';

const EXAMPLE_PROCEDURES = readdirSync(join(EXAMPLES_DIR, 'procedures')).filter((f) => f.endsWith('.json')).length;

describe('two processes starting together on a fresh PostgreSQL [postgres]', () => {
  let db: { url: string; drop(): Promise<void> };
  let dir: string;
  let servers: ServerProcess[] = [];
  let holder: postgres.Sql;

  before(async () => {
    db = await createPostgresDatabase();
    dir = mkdtempSync(join(tmpdir(), 'motcua-ready-'));
    holder = postgres(db.url, { max: 1, onnotice: () => {} });
  });

  after(async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await holder?.end({ timeout: 1 });
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('503 until migrated and seeded, then 200; the demo province seeded once; never a partial list', async () => {
    assert.equal(EXAMPLE_PROCEDURES, 3);
    // The test holds the start-up lock, so both processes are caught before their migrations.
    await holder`select pg_advisory_lock(${MIGRATION_LOCK})`;
    const env = {
      DATABASE_URL: db.url,
      MOTCUA_DATA_DIR: join(dir, 'data'),
      MOTCUA_FILES_DIR: join(dir, 'files'),
      MOTCUA_DEMO_PASSWORD: 'demo-password-for-tests',
      LOG_LEVEL: 'info',
    };
    // One process each: a cluster's workers listen only once ready (see server/README.md).
    const single = { until: 'listening' as const, serveArgs: ['--workers', '1'] };
    servers = await Promise.all([
      startServerProcess(env, undefined, single),
      startServerProcess(env, undefined, single),
    ]);

    for (const s of servers) {
      const ready = await fetch(`${s.url}/api/v1/ready`);
      assert.equal(ready.status, 503);
      assert.ok(Number(ready.headers.get('retry-after')) > 0);
      const body = (await ready.json()) as { status: string; message: { vi: string; en: string } };
      assert.equal(body.status, 'starting');
      assert.ok(body.message.vi && body.message.en);
      const list = await fetch(`${s.url}/api/v1/public/procedures`);
      assert.equal(list.status, 503);
      assert.ok(list.headers.get('retry-after'));
      assert.equal(((await list.json()) as { error: { code: string } }).error.code, 'starting');
    }

    // Watch both processes' public list while they migrate and seed: 503, then the whole list.
    const seen: { server: number; status: number; items?: number }[] = [];
    let watching = true;
    const watchers = servers.map(async (s, i) => {
      while (watching) {
        const res = await fetch(`${s.url}/api/v1/public/procedures`);
        const entry: (typeof seen)[number] = { server: i, status: res.status };
        if (res.ok) entry.items = ((await res.json()) as { items: unknown[] }).items.length;
        else await res.body?.cancel();
        seen.push(entry);
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    await holder`select pg_advisory_unlock(${MIGRATION_LOCK})`;

    const deadline = Date.now() + PROCESS_START_MS;
    for (const s of servers) {
      for (;;) {
        const res = await fetch(`${s.url}/api/v1/ready`);
        if (res.status === 200) {
          assert.equal(((await res.json()) as { status: string }).status, 'ready');
          break;
        }
        assert.equal(res.status, 503);
        await res.body?.cancel();
        assert.ok(Date.now() < deadline, `not ready in time:\n${s.output()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    // A watcher's request may have left just before its server turned ready: watch until each has
    // seen the ready list once, so the check below is about the order of answers, not timing.
    while ([0, 1].some((i) => !seen.some((e) => e.server === i && e.status === 200))) {
      assert.ok(Date.now() < deadline, `the list not answered once ready: ${JSON.stringify(seen.slice(-10))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    watching = false;
    await Promise.all(watchers);

    for (const i of [0, 1]) {
      const statuses = seen.filter((e) => e.server === i).map((e) => e.status);
      const firstOk = statuses.indexOf(200);
      assert.ok(firstOk >= 0, `server ${i} answered the list once ready`);
      assert.ok(
        statuses.slice(0, firstOk).every((s) => s === 503),
        `server ${i}: 503 before ready: ${statuses.join(',')}`,
      );
      assert.ok(
        statuses.slice(firstOk).every((s) => s === 200),
        `server ${i}: 200 once ready: ${statuses.join(',')}`,
      );
    }
    const lists = seen.filter((e) => e.status === 200).map((e) => e.items);
    assert.deepEqual(
      lists.filter((n) => n !== EXAMPLE_PROCEDURES),
      [],
      'every list shows all demo procedures',
    );
    for (const s of servers) {
      const res = await fetch(`${s.url}/api/v1/public/procedures`);
      assert.equal(((await res.json()) as { items: unknown[] }).items.length, EXAMPLE_PROCEDURES);
    }

    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      const [counts] = await sql<{ agencies: number; procedures: number; versions: number; staff: number }[]>`
        select (select count(*)::int from agencies) as agencies, (select count(*)::int from procedures) as procedures,
               (select count(*)::int from procedure_versions) as versions, (select count(*)::int from staff) as staff`;
      const province = readProvince();
      assert.deepEqual(counts, {
        agencies: province.agencies.length,
        procedures: EXAMPLE_PROCEDURES,
        versions: EXAMPLE_PROCEDURES,
        staff: demoAccounts(province).length,
      });
    } finally {
      await sql.end({ timeout: 1 });
    }
    const seeded = servers.map((s) =>
      s
        .output()
        .split('\n')
        .filter((l) => l.includes('"seeded the demo province"')),
    );
    assert.equal(seeded.flat().length, 1, 'one process seeded');
  });
});
