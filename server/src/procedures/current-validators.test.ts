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

  test('forwards to the versioned module the procedure names, with its version, for every origin', async () => {
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
    const from = /^export \* from ("[^"]+");$/m.exec(source);
    assert.ok(from, source);
    const target = new URL(
      JSON.parse(from[1]!) as string,
      `http://motcua.test/api/v1/public/procedures/${code}/validators.js`,
    );
    assert.equal(target.href, pub.validators, 'the module the procedure names');
    // Node cannot fetch an http import: run the module with the versioned one it names inlined.
    const versioned = await (await server.request(target.pathname)).text();
    const mod = (await import(dataUrl(source.replace(from[1]!, JSON.stringify(dataUrl(versioned)))))) as {
      version: number;
      validators: Record<string, unknown>;
    };
    assert.equal(mod.version, 2);
    assert.ok(Object.keys(mod.validators).length > 0, 'the versioned module\u2019s validators, re-exported');
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
