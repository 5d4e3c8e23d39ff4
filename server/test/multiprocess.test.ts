/**
 * Several server processes on one PostgreSQL (PGlite is single-process, so these run on
 * PostgreSQL only — and fail, never skip, when it is unreachable).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createPostgresDatabase } from './support/databases.ts';
import { startServerProcess, type ServerProcess } from './support/processes.ts';
import { birthData, birthFiles, pdfBytes, submissionForm } from './support/intake.ts';
import { createLocalFileStore } from '../src/files/local-store.ts';

describe('two server processes on one PostgreSQL [postgres]', () => {
  let db: { url: string; drop(): Promise<void> };
  let dir: string;
  let env: Record<string, string>;
  let a: ServerProcess;
  let b: ServerProcess;
  let sql: postgres.Sql;

  const counts = async () =>
    (
      await sql`select (select count(*)::int from dossiers) as dossiers, (select count(*)::int from dossier_events) as events,
                       (select count(*)::int from files) as files, (select count(*)::int from dossier_files) as links,
                       (select count(*)::int from idempotency_keys) as keys, (select coalesce(sum(last), 0)::int from dossier_sequences) as sequence`
    )[0]!;

  before(async () => {
    db = await createPostgresDatabase();
    dir = mkdtempSync(join(tmpdir(), 'motcua-mp-'));
    env = {
      DATABASE_URL: db.url,
      MOTCUA_DATA_DIR: join(dir, 'data'),
      MOTCUA_FILES_DIR: join(dir, 'files'),
      MOTCUA_DEMO_PASSWORD: 'demo-password-for-tests',
      MOTCUA_FAKE_NOW: '2026-03-01T17:30:00Z',
      MOTCUA_RATE_SUBMIT_PER_MINUTE: '100000',
      MOTCUA_RATE_TRACK_PER_MINUTE: '100000',
      TZ: 'UTC',
    };
    // Both start at once: migrations and the seed serialise on the database's advisory lock.
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    sql = postgres(db.url, { max: 2, onnotice: () => {} });
  });

  after(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await sql?.end({ timeout: 1 });
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('200 valid submissions for one agency at 16-way concurrency, 20 invalid interleaved: codes -0001…-0200, no gap, no duplicate; TZ=UTC at 17:30Z → -260302-', async () => {
    const servers = [a, b];
    const jobs = Array.from({ length: 220 }, (_, i) => ({ i, valid: i % 11 !== 10 }));
    const results: { status: number; code?: string; valid: boolean }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          const server = servers[job.i % 2]!;
          const data = job.valid ? birthData() : birthData({ requester: { fullName: 'X' } });
          const res = await fetch(`${server.url}/api/v1/public/procedures/1.001193/dossiers`, {
            method: 'POST',
            body: submissionForm({ version: 1, agency: '000.20.01.H56', data }, birthFiles()),
          });
          const body = (await res.json()) as { code?: string };
          results.push({ status: res.status, code: body.code, valid: job.valid });
        }
      }),
    );
    assert.equal(results.filter((r) => !r.valid).length, 20);
    assert.ok(results.filter((r) => !r.valid).every((r) => r.status === 400));
    const codes = results
      .filter((r) => r.valid)
      .map((r) => {
        assert.equal(r.status, 201);
        return r.code!;
      });
    const expected = Array.from({ length: 200 }, (_, i) => `000.20.01.H56-260302-${String(i + 1).padStart(4, '0')}`);
    assert.deepEqual([...codes].sort(), expected, 'every code once, none missing');
    const stored = await sql`select code from dossiers where receiving_agency = '000.20.01.H56' order by code`;
    assert.deepEqual(
      stored.map((r) => r.code),
      expected,
    );
  });

  test('idempotency across processes and after a restart: the same key gives the same code', async () => {
    const submission = { version: 1, agency: '000.20.02.H56', data: birthData() };
    const send = (server: ServerProcess) =>
      fetch(`${server.url}/api/v1/public/procedures/1.001193/dossiers`, {
        method: 'POST',
        body: submissionForm(submission, birthFiles()),
        headers: { 'idempotency-key': 'mp-key-1' },
      });
    const before = await counts();
    const all = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(i % 2 ? a : b).then(async (r) => ({ status: r.status, text: await r.text() })),
      ),
    );
    assert.ok(all.every((r) => r.status === 201));
    assert.equal(new Set(all.map((r) => r.text)).size, 1);
    assert.equal((await counts()).dossiers - before.dossiers, 1);
    const first = JSON.parse(all[0]!.text) as { code: string };
    await a.stop();
    a = await startServerProcess(env, a.port);
    const again = await send(a);
    assert.equal(again.status, 201);
    assert.equal(((await again.json()) as { code: string }).code, first.code);
    const other = await fetch(`${a.url}/api/v1/public/procedures/1.001193/dossiers`, {
      method: 'POST',
      body: submissionForm({ ...submission, data: birthData({ extractCopies: 2 }) }, birthFiles()),
      headers: { 'idempotency-key': 'mp-key-1' },
    });
    assert.equal(other.status, 422);
  });

  test('kill -9 during an upload: after restart, row counts and the file store are unchanged', async () => {
    const store = createLocalFileStore(env.MOTCUA_FILES_DIR!);
    const before = await counts();
    const keysBefore = await store.keys();
    const boundary = '----motcua-kill-test';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="submission"\r\n\r\n${JSON.stringify({ version: 1, agency: '000.20.03.H56', data: birthData() })}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="documents.giay-chung-sinh"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    let started!: () => void;
    const firstBytesSent = new Promise<void>((r) => (started = r));
    // A slow upload that never finishes: the PDF header, then 64 KiB every 50 ms (until cancelled).
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(head));
        controller.enqueue(pdfBytes('big'));
        started();
      },
      async pull(controller) {
        await new Promise((r) => setTimeout(r, 50));
        if (!cancelled) controller.enqueue(new Uint8Array(64 * 1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    const upload = fetch(`${b.url}/api/v1/public/procedures/1.001193/dossiers`, {
      method: 'POST',
      body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      duplex: 'half',
    } as RequestInit).catch((err: unknown) => err);
    await firstBytesSent;
    // Wait until the server has started writing the file into the store.
    for (let i = 0; i < 100 && (await store.keys()).length === keysBefore.length; i++)
      await new Promise((r) => setTimeout(r, 50));
    assert.ok((await store.keys()).length > keysBefore.length, 'the upload reached the file store');
    await b.kill9();
    await upload;
    cancelled = true;
    assert.deepEqual(await counts(), before, 'no row was written');
    b = await startServerProcess(env, b.port); // the start-up sweep removes the orphan
    assert.deepEqual(await store.keys(), keysBefore, 'the file store is as before');
    assert.deepEqual(await counts(), before);
  });
});
