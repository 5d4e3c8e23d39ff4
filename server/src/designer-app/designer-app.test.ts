import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer } from '../../test/support/server.ts';

forEachDatabase('the designer app', (db) => {
  test('served at /designer/ under its own CSP: no eval, workers and inline styles for Monaco only here', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-designer-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Thiết kế thủ tục</title>');
      writeFileSync(join(dir, 'assets/app-abc.js'), 'export const x = 1;');
      writeFileSync(join(dir, '..', 'outside.txt'), 'no');
      const server = await testServer(db(), { config: { designerDist: dir } });
      try {
        assert.equal((await server.request('/designer')).status, 302);
        const page = await server.request('/designer/');
        assert.equal(page.status, 200);
        const csp = page.headers.get('content-security-policy') ?? '';
        assert.match(csp, /script-src 'self';/);
        assert.match(csp, /worker-src 'self'/);
        assert.match(csp, /style-src 'self' 'unsafe-inline'/);
        assert.doesNotMatch(csp, /unsafe-eval|blob:/);
        assert.equal(page.headers.get('cache-control'), 'no-cache');
        assert.match(await page.text(), /Thiết kế thủ tục/);
        const js = await server.request('/designer/assets/app-abc.js');
        assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
        assert.match(js.headers.get('cache-control') ?? '', /immutable/);
        assert.equal((await server.request('/designer/%2e%2e/outside.txt')).status, 404);
        const site = await server.request('/site/');
        assert.doesNotMatch(site.headers.get('content-security-policy') ?? '', /unsafe-inline/);
      } finally {
        server.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
