import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../../test/support/databases.ts';
import { testServer } from '../../../../test/support/server.ts';
import { createReadiness } from './readiness.ts';

forEachDatabase('readiness', (db) => {
  test('until ready: /ready and every route but /health answer 503 with Retry-After, bilingual; then 200', async () => {
    const readiness = createReadiness();
    // Every response is checked against the contract, 503s included.
    const server = await testServer(db(), { app: { readiness } });
    try {
      const ready = await server.request('/api/v1/ready');
      assert.equal(ready.status, 503);
      assert.equal(ready.headers.get('retry-after'), '2');
      const body = (await ready.json()) as { status: string; message: { vi: string; en: string } };
      assert.equal(body.status, 'starting');
      assert.match(body.message.vi, /khởi động/);
      assert.match(body.message.en, /starting/);

      assert.equal((await server.request('/api/v1/health')).status, 200, 'liveness answers while starting');

      for (const path of ['/api/v1/public/procedures', '/api/v1/public/procedures/1.001193', '/api/v1/agencies']) {
        const res = await server.request(path);
        assert.equal(res.status, 503, path);
        assert.equal(res.headers.get('retry-after'), '2', path);
        const err = (await res.json()) as { error: { status: number; code: string; message: { vi: string } } };
        assert.equal(err.error.status, 503);
        assert.equal(err.error.code, 'starting');
      }
      const post = await server.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin.x', password: 'y' }),
      });
      assert.equal(post.status, 503, 'nothing is written while starting');

      readiness.markReady();
      const after = await server.request('/api/v1/ready');
      assert.equal(after.status, 200);
      assert.deepEqual(((await after.json()) as { status: string }).status, 'ready');
      assert.equal((await server.request('/api/v1/public/procedures')).status, 200);
    } finally {
      server.dispose();
    }
  });
});
