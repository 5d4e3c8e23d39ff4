import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Procedure } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { bearer, json, withBearer } from '../../test/support/http.ts';
import { EXAMPLES_DIR } from '../seed/demo-province.ts';

const birth = JSON.parse(
  readFileSync(join(EXAMPLES_DIR, 'procedures/1.001193-dang-ky-khai-sinh.json'), 'utf8'),
) as Procedure;

const dataUrl = (source: string) => `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`;

forEachDatabase('the validator module of the version in force', (db) => {
  let server: TestServer;
  let designer: ReturnType<typeof withBearer>;
  before(async () => {
    server = await testServer(db());
    designer = withBearer(server, await bearer(server, 'designer.justice'));
  });

  test('is the validator module of the version the procedure names, with its version, for every origin', async () => {
    const code = '9.000021';
    assert.equal((await designer('POST', '/api/v1/agencies/000.00.10.H56/procedures', { ...birth, code })).status, 201);
    for (let n = 0; n < 2; n++) {
      assert.equal((await designer('POST', `/api/v1/procedures/${code}/versions`, {})).status, 201);
    }
    const pub = await json<{ version: number; validators: string }>(
      await server.request(`/api/v1/public/procedures/${code}`),
    );
    assert.equal(pub.version, 2, 'the latest publish is in force');
    const res = await server.request(`/api/v1/public/procedures/${code}/validators.js`, {
      headers: { origin: 'https://tinh.example.gov.vn' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('x-procedure-version'), '2');
    const source = await res.text();
    assert.doesNotMatch(source, /new Function|eval\(/);
    // One request: the versioned module's code itself, importing nothing (no hop before the form renders).
    assert.doesNotMatch(source, /^\s*(import|export \* from)\b/m);
    const versioned = await (await server.request(new URL(pub.validators).pathname)).text();
    assert.ok(source.startsWith(versioned.trimEnd()), 'the module the procedure names');
    const mod = (await import(dataUrl(source))) as { version: number; validators: Record<string, unknown> };
    assert.equal(mod.version, 2);
    assert.deepEqual(
      Object.keys(mod.validators),
      Object.keys(((await import(dataUrl(versioned))) as { validators: Record<string, unknown> }).validators),
    );
    // A page that has it answers the revalidation with 304; the next publish changes the tag.
    const etag = res.headers.get('etag')!;
    assert.match(etag, /^"[0-9a-f]{64}\.2"$/);
    const again = await server.request(`/api/v1/public/procedures/${code}/validators.js`, {
      headers: { 'if-none-match': etag },
    });
    assert.equal(again.status, 304);
    assert.equal((await designer('POST', `/api/v1/procedures/${code}/versions`, {})).status, 201);
    const next = await server.request(`/api/v1/public/procedures/${code}/validators.js`, {
      headers: { 'if-none-match': etag },
    });
    assert.equal(next.status, 200);
    assert.equal(next.headers.get('x-procedure-version'), '3');
    assert.match(next.headers.get('etag')!, /\.3"$/);
  });

  test('404 with a clear message for an unknown, unpublished or retired code', async () => {
    const code = '9.000022';
    assert.equal((await designer('POST', '/api/v1/agencies/000.00.10.H56/procedures', { ...birth, code })).status, 201);
    const notFound = async (c: string, why: string) => {
      const res = await server.request(`/api/v1/public/procedures/${c}/validators.js`);
      assert.equal(res.status, 404, why);
      const body = await json<{ error: { code: string; message: { vi: string; en: string } } }>(res);
      assert.deepEqual(
        [body.error.code, body.error.message],
        ['not_found', { vi: 'Không tìm thấy thủ tục', en: 'Procedure not found' }],
        why,
      );
    };
    await notFound('9.999999', 'unknown');
    await notFound(code, 'a draft, never published');
    assert.equal((await designer('POST', `/api/v1/procedures/${code}/versions`, {})).status, 201);
    assert.equal((await server.request(`/api/v1/public/procedures/${code}/validators.js`)).status, 200);
    assert.equal((await designer('POST', `/api/v1/procedures/${code}/retire`, { reason: 'Bãi bỏ' })).status, 200);
    await notFound(code, 'retired');
  });

  after(() => server.dispose());
});
