import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer } from '../../test/support/server.ts';
import { STAFF_CSP } from './staff-app.ts';

forEachDatabase('the staff workspace at /staff', (db) => {
  test('index.html for every screen, hashed assets cached for good, all under the strict CSP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-staff-app-'));
    try {
      mkdirSync(join(dir, 'staff/assets'), { recursive: true });
      writeFileSync(join(dir, 'staff/index.html'), '<!doctype html><title>Cán bộ</title><motcua-staff-app>');
      writeFileSync(join(dir, 'staff/assets/index-abc.js'), `export const x = 1;\n${'// padding\n'.repeat(400)}`);
      writeFileSync(join(dir, 'secret.txt'), 'no');
      const server = await testServer(db(), { config: { staffDist: join(dir, 'staff') } });
      try {
        assert.equal((await server.request('/staff')).status, 302);
        for (const path of ['/staff/', '/staff/inbox/mine', '/staff/dossiers/000.20.01.H56-260302-0001']) {
          const page = await server.request(path);
          assert.equal(page.status, 200, path);
          assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
          assert.equal(page.headers.get('cache-control'), 'no-cache');
          assert.equal(page.headers.get('content-security-policy'), STAFF_CSP);
          assert.match(await page.text(), /motcua-staff-app/);
        }
        assert.doesNotMatch(STAFF_CSP, /unsafe/);
        const js = await server.request('/staff/assets/index-abc.js', { headers: { 'accept-encoding': 'gzip' } });
        assert.equal(js.status, 200);
        assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
        assert.equal(js.headers.get('content-encoding'), 'gzip');
        assert.equal(js.headers.get('access-control-allow-origin'), null, 'not open to other sites like the embed');
        assert.equal((await server.request('/staff/assets/missing.js')).status, 404);
        assert.equal((await server.request('/staff/assets/..%2f..%2fsecret.txt')).status, 404);
      } finally {
        server.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
