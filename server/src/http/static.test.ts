import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer } from '../../test/support/server.ts';

forEachDatabase('static content: the embed bundle and the sample site', (db) => {
  test('served with CORS for the bundle, index pages for the site, never outside their folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-static-'));
    try {
      mkdirSync(join(dir, 'dist'));
      mkdirSync(join(dir, 'site/thu-tuc'), { recursive: true });
      writeFileSync(join(dir, 'dist/motcua.js'), `export const x = 1;\n${'// padding\n'.repeat(400)}`);
      writeFileSync(join(dir, 'site/index.html'), '<!doctype html><title>Cổng dịch vụ công</title>');
      writeFileSync(join(dir, 'site/thu-tuc/index.html'), '<p>thủ tục</p>');
      writeFileSync(join(dir, 'secret.txt'), 'no');
      const server = await testServer(db(), { config: { runtimeDist: join(dir, 'dist'), siteDir: join(dir, 'site') } });
      try {
        const js = await server.request('/embed/motcua.js', { headers: { origin: 'https://tinh.example.gov.vn' } });
        assert.equal(js.status, 200);
        assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
        assert.equal(js.headers.get('access-control-allow-origin'), '*');
        assert.match(await js.text(), /^export const x = 1;/);
        const gz = await server.request('/embed/motcua.js', { headers: { 'accept-encoding': 'gzip' } });
        assert.equal(gz.headers.get('content-encoding'), 'gzip');
        assert.ok((await gz.arrayBuffer()).byteLength < 1000, 'compressed');
        const site = await server.request('/site/');
        assert.equal(site.status, 200);
        assert.equal(
          site.headers.get('content-security-policy'),
          "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:",
        );
        assert.match(await site.text(), /Cổng dịch vụ công/);
        assert.equal((await server.request('/site/thu-tuc/')).status, 200);
        assert.equal((await server.request('/site')).status, 302);
        assert.equal((await server.request('/site/%2e%2e/secret.txt')).status, 404);
        assert.equal((await server.request('/embed/..%2fsecret.txt')).status, 404);
        assert.equal((await server.request('/embed/missing.js')).status, 404);
      } finally {
        server.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
