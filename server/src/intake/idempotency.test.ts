import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_DIR } from '../seed/demo-province.ts';
import { bearer, json, withBearer } from '../../test/support/http.ts';
import { birthData, birthFiles, bornOn, pngBytes, rowCounts, submitOnline } from '../../test/support/intake.ts';

forEachDatabase('idempotent submissions', (db) => {
  let server: TestServer;
  before(async () => {
    server = await testServer(db());
  });

  test('10 concurrent requests with one key → one dossier, the same response for all', async () => {
    const before = await rowCounts(server);
    const submission = { version: 1, agency: '000.20.04.H56', data: birthData() };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        submitOnline(server, '1.001193', submission, birthFiles(), { 'idempotency-key': 'key-concurrent-1' }),
      ),
    );
    const bodies = await Promise.all(responses.map(async (r) => ({ status: r.status, body: await r.text() })));
    for (const b of bodies) assert.equal(b.status, 201, b.body);
    assert.equal(new Set(bodies.map((b) => b.body)).size, 1, 'every retry gets the first result, byte for byte');
    const after = await rowCounts(server);
    assert.equal(after.dossiers - before.dossiers, 1);
    assert.equal(after.files - before.files, 2, 'the losers\u2019 uploads were discarded');
    assert.equal((await server.ctx.files.keys()).length, after.files, 'no stray bytes in the file store');
  });

  test('the same key with a different body → 422; with the same body later → the same code', async () => {
    const submission = { version: 1, agency: '000.20.04.H56', data: birthData() };
    const first = await json<{ code: string }>(
      await submitOnline(server, '1.001193', submission, birthFiles(), { 'idempotency-key': 'key-2' }),
    );
    const other = await submitOnline(
      server,
      '1.001193',
      { ...submission, data: birthData({ extractCopies: 1 }) },
      birthFiles(),
      { 'idempotency-key': 'key-2' },
    );
    assert.equal(other.status, 422);
    assert.equal((await json<{ error: { code: string } }>(other)).error.code, 'idempotency_key_reused');
    const otherFile = await submitOnline(
      server,
      '1.001193',
      submission,
      [birthFiles()[0]!, { document: 'giay-chung-sinh', bytes: pngBytes().slice(0, 60), type: 'image/png' }],
      { 'idempotency-key': 'key-2' },
    );
    assert.equal(otherFile.status, 422, 'different file bytes are a different body');
    // a "restart": a fresh context and app over the same database
    const restarted = await testServer(db(), { now: server.clock.now() + 3600_000 });
    try {
      const again = await submitOnline(restarted, '1.001193', submission, birthFiles(), { 'idempotency-key': 'key-2' });
      assert.equal(again.status, 201);
      assert.equal((await json<{ code: string }>(again)).code, first.code);
    } finally {
      restarted.dispose();
    }
  });

  test('a retry says what is due as the first answer did, the dossier code in the transfer reference', async () => {
    // Born 1 December 2025, filed 2 March 2026: late, the 8,000 đồng charge is owed before acceptance.
    const submission = { version: 1, agency: '000.20.04.H56', data: bornOn('2025-12-01') };
    type Due = { code: string; payment: { total: number; bankTransfer: { content: string } | null } | null };
    const first = await json<Due>(
      await submitOnline(server, '1.001193', submission, birthFiles(), { 'idempotency-key': 'key-due' }),
    );
    assert.equal(first.payment?.total, 8000);
    assert.equal(first.payment?.bankTransfer?.content, `LE PHI KHAI SINH ${first.code}`);
    const again = await json<Due>(
      await submitOnline(server, '1.001193', submission, birthFiles(), { 'idempotency-key': 'key-due' }),
    );
    assert.equal(again.code, first.code);
    assert.deepEqual(again.payment, first.payment);
  });

  test('a refused submission does not claim its key', async () => {
    const bad = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.20.04.H56', data: birthData({ child: {} }) },
      birthFiles(),
      { 'idempotency-key': 'key-3' },
    );
    assert.equal(bad.status, 400);
    const good = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.20.04.H56', data: birthData() },
      birthFiles(),
      { 'idempotency-key': 'key-3' },
    );
    assert.equal(good.status, 201, 'the corrected submission goes through with the same key');
    const bad2 = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.20.04.H56', data: birthData() },
      birthFiles(),
      { 'idempotency-key': ' spaces are not printable-only ' },
    );
    assert.equal(bad2.status, 400);
  });

  test('a retry answers with its first result even when the submission would no longer pass (here: a newer version is in force)', async () => {
    const designer = withBearer(server, await bearer(server, 'designer.justice'));
    const definition = {
      ...JSON.parse(readFileSync(join(EXAMPLES_DIR, 'procedures/1.001193-dang-ky-khai-sinh.json'), 'utf8')),
      code: '9.000201',
    };
    assert.equal((await designer('POST', '/api/v1/agencies/000.00.10.H56/procedures', definition)).status, 201);
    assert.equal((await designer('POST', '/api/v1/procedures/9.000201/versions', {})).status, 201);
    const submission = { version: 1, agency: '000.20.04.H56', data: birthData() };
    const first = await submitOnline(server, '9.000201', submission, birthFiles(), { 'idempotency-key': 'key-4' });
    assert.equal(first.status, 201);
    const firstBody = await first.text();
    assert.equal(
      (
        await designer('PUT', '/api/v1/procedures/9.000201/draft', {
          ...definition,
          title: { vi: 'Đăng ký khai sinh (mới)', en: 'Birth registration (new)' },
        })
      ).status,
      200,
    );
    const v2 = await designer('POST', '/api/v1/procedures/9.000201/versions', {});
    assert.equal(v2.status, 201, await v2.clone().text());
    const filesBefore = (await server.ctx.files.keys()).length;
    const retry = await submitOnline(server, '9.000201', submission, birthFiles(), { 'idempotency-key': 'key-4' });
    assert.equal(retry.status, 201);
    assert.equal(await retry.text(), firstBody, 'the stored result, byte for byte');
    assert.equal((await server.ctx.files.keys()).length, filesBefore, 'the retry\u2019s uploads were discarded');
    const fresh = await submitOnline(server, '9.000201', submission, birthFiles(), { 'idempotency-key': 'key-5' });
    assert.equal(fresh.status, 409, 'a new submission for version 1 is refused');
  });

  test('an expired key is forgotten and can be used again (a new dossier)', async () => {
    const submission = { version: 1, agency: '000.20.04.H56', data: birthData() };
    const first = await json<{ code: string }>(
      await submitOnline(server, '1.001193', submission, birthFiles(), { 'idempotency-key': 'key-6' }),
    );
    const later = await testServer(db(), { now: server.clock.now() + 25 * 3600_000 });
    try {
      const before = await rowCounts(later);
      const again = await submitOnline(later, '1.001193', submission, birthFiles(), { 'idempotency-key': 'key-6' });
      assert.equal(again.status, 201, await again.clone().text());
      assert.notEqual((await json<{ code: string }>(again)).code, first.code);
      const after = await rowCounts(later);
      assert.equal(after.dossiers - before.dossiers, 1);
      assert.equal(after.keys - before.keys, 0, 'the expired key row was replaced');
    } finally {
      later.dispose();
    }
  });

  after(() => server.dispose());
});
