/**
 * The live inbox across server processes: a client listening on one process hears the changes
 * recorded by another (PostgreSQL LISTEN/NOTIFY). PostgreSQL only — fails, never skips.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase } from './support/databases.ts';
import { startServerProcess, type ServerProcess } from './support/processes.ts';
import { birthData, birthFiles, submissionForm } from './support/intake.ts';
import { sseReader } from './support/sse.ts';

const AGENCY = '000.20.01.H56';
const PASSWORD = 'demo-password-for-tests';

interface Session {
  cookie: string;
  csrf: string;
}

async function login(url: string, username: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
}

describe('live inbox across two server processes [postgres]', () => {
  let db: { url: string; drop(): Promise<void> };
  let dir: string;
  let a: ServerProcess;
  let b: ServerProcess;

  before(async () => {
    db = await createPostgresDatabase();
    dir = mkdtempSync(join(tmpdir(), 'motcua-live-'));
    const env = {
      DATABASE_URL: db.url,
      MOTCUA_DATA_DIR: join(dir, 'data'),
      MOTCUA_FILES_DIR: join(dir, 'files'),
      MOTCUA_DEMO_PASSWORD: PASSWORD,
      MOTCUA_FAKE_NOW: '2026-03-02T02:00:00Z',
      TZ: 'UTC',
    };
    // One after the other: the second finds the database migrated and seeded (quicker on a busy machine).
    a = await startServerProcess(env, undefined, { serveArgs: ['--workers', '1'], readyTimeoutMs: 240_000 });
    b = await startServerProcess(env, undefined, { serveArgs: ['--workers', '1'], readyTimeoutMs: 240_000 });
  });

  after(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a clerk listening on A sees the dossier submitted, accepted and claimed through B, and who claimed it', async () => {
    const watcher = await login(a.url, 'reception.trung-tam');
    const res = await fetch(`${a.url}/api/v1/agencies/${AGENCY}/inbox/events`, {
      headers: { cookie: watcher.cookie, accept: 'text/event-stream' },
    });
    assert.equal(res.status, 200);
    const events = sseReader(res);
    try {
      assert.equal((await events.next()).event, 'ready');
      const submitted = await fetch(`${b.url}/api/v1/public/procedures/1.001193/dossiers`, {
        method: 'POST',
        body: submissionForm({ version: 1, agency: AGENCY, data: birthData() }, birthFiles()),
      });
      assert.equal(submitted.status, 201, await submitted.clone().text());
      const { code } = (await submitted.json()) as { code: string };
      const act = async (who: Session, kind: string) => {
        const r = await fetch(`${b.url}/api/v1/dossiers/${code}/actions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrf },
          body: JSON.stringify({ kind }),
        });
        assert.equal(r.status, 200, await r.clone().text());
      };
      await act(await login(b.url, 'reception.trung-tam'), 'accept');
      await act(await login(b.url, 'specialist.trung-tam'), 'claim');
      const kinds: string[] = [];
      let claimedBy: string | null = null;
      while (!kinds.includes('claim')) {
        const m = await events.next(10_000);
        const change = JSON.parse(m.data) as { code: string; kind: string; actor: { name: string | null } };
        assert.equal(change.code, code);
        kinds.push(change.kind);
        if (change.kind === 'claim') claimedBy = change.actor.name;
      }
      assert.deepEqual(kinds, ['submit', 'accept', 'claim']);
      assert.ok(claimedBy, 'the claim names who claimed');
    } finally {
      await events.close();
    }
  });
});
