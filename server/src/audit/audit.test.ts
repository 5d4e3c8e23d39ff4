import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import { forEachDatabase, type TestDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { doAction, doActionWithFiles, onlineBirth, resultPdf, staffOf } from '../../test/support/cases.ts';
import { generator, randomDossiers, writeDossiers } from '../../test/support/histories.ts';
import { execute, openDatabase, type Executor } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { dossierByCode } from '../dossiers/load.ts';
import { verifyChains, type BrokenLink } from './verify.ts';
import { SOURCE_NODE_ARGS } from '@motcua/test/node-args';

const CLI = fileURLToPath(new URL('../../../packages/cli/bin/motcua.js', import.meta.url));

/** Runs `motcua audit verify` in a separate process, as an operator would. */
function cli(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...SOURCE_NODE_ARGS, CLI, 'audit', 'verify', ...args],
      {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'silent', ...env },
        timeout: 120_000,
      },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** Someone with direct database access goes around the append-only trigger. */
async function tamper(db: Executor, ...statements: SQL[]): Promise<void> {
  await execute(db, sql`alter table dossier_events disable trigger dossier_events_append_only`);
  try {
    for (const s of statements) await execute(db, s);
  } finally {
    await execute(db, sql`alter table dossier_events enable trigger dossier_events_append_only`);
  }
}

const where = (b: BrokenLink) => `${b.code}#${b.seq}:${b.kind}`;

/**
 * A database the CLI can open from another process: the suite's PostgreSQL database, or for PGlite
 * a data directory (an in-memory PGlite lives only in this process).
 */
async function cliDatabase(
  tdb: TestDatabase,
): Promise<{ tdb: TestDatabase; env: Record<string, string>; done(): Promise<void> }> {
  if (tdb.kind === 'postgres') return { tdb, env: { DATABASE_URL: tdb.url! }, done: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'motcua-audit-'));
  const database = await openDatabase({ databaseUrl: null, dataDir: join(dir, 'pgdata') });
  await migrateDatabase(database);
  return {
    tdb: { kind: 'pglite', database, url: null },
    env: { MOTCUA_DATA_DIR: dir },
    done: async () => {
      await database.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

forEachDatabase('audit: the tamper-evident event log', (db) => {
  let server: TestServer;
  let target: Awaited<ReturnType<typeof cliDatabase>>;
  const codes: string[] = [];

  // Before the tests: dossiers with real histories through the API, and 300 generated ones.
  before(async () => {
    target = await cliDatabase(db());
    server = await testServer(target.tdb);
    const reception = await staffOf(server, 'reception.trung-tam');
    const specialist = await staffOf(server, 'specialist.trung-tam');
    const leader = await staffOf(server, 'leader.trung-tam');
    for (let i = 0; i < 6; i++) {
      const { code } = await onlineBirth(server);
      await doAction(server, reception, code, { kind: 'accept' });
      await doAction(server, specialist, code, { kind: 'claim' });
      await doAction(server, specialist, code, { kind: 'forward', comment: `Trình ký ${i}` });
      const res = await doActionWithFiles(server, leader, code, { kind: 'approve' }, [resultPdf()]);
      assert.equal(res.status, 200);
      codes.push(code);
    }
    const g = await generator(server.ctx);
    const now = server.clock.now();
    await writeDossiers(
      server.ctx,
      randomDossiers(g, server.ctx, 300, 99, { start: now - 40 * 86_400_000, until: now }),
    );
  });

  test('every chain holds; the log refuses UPDATE and DELETE', async () => {
    const r = await verifyChains(server.ctx.db);
    assert.deepEqual(r.broken, []);
    assert.ok(r.dossiers >= 306 && r.events > 1000, `${r.dossiers} dossiers, ${r.events} events`);
    const row = (await dossierByCode(server.ctx.db, codes[0]!))!;
    const appendOnly = (e: unknown) =>
      /dossier_events is append-only/.test(String((e as { cause?: unknown }).cause ?? e));
    await assert.rejects(
      () =>
        execute(server.ctx.db, sql`update dossier_events set kind = 'accept' where dossier_id = ${row.id} and seq = 2`),
      appendOnly,
    );
    await assert.rejects(
      () => execute(server.ctx.db, sql`delete from dossier_events where dossier_id = ${row.id} and seq = 5`),
      appendOnly,
    );
  });

  test('editing an event, deleting a dossier\u2019s last event, swapping two events: each is named at its place', async () => {
    const [a, b, c, d, e] = (await Promise.all(codes.map((code) => dossierByCode(server.ctx.db, code)))) as NonNullable<
      Awaited<ReturnType<typeof dossierByCode>>
    >[];
    await tamper(
      server.ctx.db,
      // A: the comment of event 4 (the forward) is rewritten.
      sql`update dossier_events set event = jsonb_set(event, '{comment}', '"Hồ sơ không hợp lệ"') where dossier_id = ${a!.id} and seq = 4`,
      // B: its last event (the approval) disappears.
      sql`delete from dossier_events where dossier_id = ${b!.id} and seq = 5`,
      // C: events 2 and 3 change places.
      sql`update dossier_events set seq = -1 where dossier_id = ${c!.id} and seq = 2`,
      sql`update dossier_events set seq = 2 where dossier_id = ${c!.id} and seq = 3`,
      sql`update dossier_events set seq = 3 where dossier_id = ${c!.id} and seq = -1`,
      // D: only the time column of event 3 is moved back a day.
      sql`update dossier_events set at = at - interval '1 day' where dossier_id = ${d!.id} and seq = 3`,
    );
    // E: the dossier's stored state no longer follows from its events.
    await execute(server.ctx.db, sql`update dossiers set state = jsonb_set(state, '{dueAt}', '0') where id = ${e!.id}`);
    // F: a whole dossier (row, events, files, slips) disappears.
    const f = (await dossierByCode(server.ctx.db, codes[5]!))!;
    await execute(server.ctx.db, sql`alter table artefacts disable trigger artefacts_append_only`);
    await tamper(
      server.ctx.db,
      sql`delete from artefacts where dossier_id = ${f.id}`,
      sql`delete from dossier_files where dossier_id = ${f.id}`,
      sql`delete from dossier_agencies where dossier_id = ${f.id}`,
      sql`delete from dossier_facts where dossier_id = ${f.id}`,
      sql`delete from dossier_events where dossier_id = ${f.id}`,
      sql`delete from dossiers where id = ${f.id}`,
    );
    await execute(server.ctx.db, sql`alter table artefacts enable trigger artefacts_append_only`);
    const r = await verifyChains(server.ctx.db);
    assert.deepEqual(
      r.broken.map(where).sort(),
      [
        `${a!.code}#4:hash-mismatch`,
        `${b!.code}#5:count-mismatch`,
        `${c!.code}#2:prev-mismatch`,
        `${d!.code}#3:column-mismatch`,
        `${e!.code}#null:state-mismatch`,
        `${f.code}#null:missing-dossier`,
      ].sort(),
    );
    for (const x of r.broken) assert.ok(x.message.vi && x.message.en, 'bilingual');
  });

  test('`motcua audit verify` (another process) fails and names each first broken link; --dossier checks one', async () => {
    server.dispose();
    if (target.tdb.kind === 'pglite') await target.tdb.database.close(); // one process at a time on a PGlite directory
    const all = await cli(target.env);
    assert.equal(all.code, 1, all.stdout + all.stderr);
    const lines = all.stderr.trim().split('\n');
    assert.equal(lines.length, 6, all.stderr);
    assert.ok(
      lines.some((l) => l.includes(`${codes[5]} [missing-dossier]`)),
      all.stderr,
    );
    assert.ok(
      lines.some((l) => l.includes(`${codes[0]} #4 [hash-mismatch]`)),
      all.stderr,
    );
    assert.ok(
      lines.some((l) => l.includes(`${codes[1]} #5 [count-mismatch]`)),
      all.stderr,
    );
    assert.ok(
      lines.some((l) => l.includes(`${codes[2]} #2 [prev-mismatch]`)),
      all.stderr,
    );
    assert.ok(
      lines.some((l) => l.includes(`${codes[3]} #3 [column-mismatch]`)),
      all.stderr,
    );
    assert.match(all.stdout, /broken chains in 6 dossiers/);
    const one = await cli(target.env, '--dossier', codes[1]!, '--json');
    assert.equal(one.code, 1);
    const parsed = JSON.parse(one.stdout) as { ok: boolean; dossiers: number; broken: BrokenLink[] };
    assert.equal(parsed.ok, false);
    assert.equal(parsed.dossiers, 1);
    assert.equal(where(parsed.broken[0]!), `${codes[1]}#5:count-mismatch`);
    const fine = await cli({ ...target.env }, '--dossier', codes[4]!, '--no-state');
    assert.equal(fine.code, 0, fine.stdout + fine.stderr);
    assert.match(fine.stdout, /every event chain holds/);
    await target.done();
  });
});
