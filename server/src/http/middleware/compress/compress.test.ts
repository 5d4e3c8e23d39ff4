import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { forEachDatabase } from '../../../../test/support/databases.ts';
import { testServer, type TestServer } from '../../../../test/support/server.ts';
import { negotiate } from './compress.ts';

test('the encoding follows the client: br first, gzip otherwise, none when refused', () => {
  assert.equal(negotiate('gzip, deflate, br, zstd'), 'br');
  assert.equal(negotiate('gzip'), 'gzip');
  assert.equal(negotiate('br;q=0.5, gzip'), 'gzip');
  assert.equal(negotiate('*'), 'br');
  assert.equal(negotiate('identity'), null);
  assert.equal(negotiate('br;q=0, gzip;q=0'), null);
  assert.equal(negotiate(undefined), null);
});

forEachDatabase('compressed responses', (db) => {
  let server: TestServer;
  before(async () => {
    server = await testServer(db());
  });

  test('the procedure JSON and its validator module travel compressed, as negotiated', async () => {
    const plain = await server.request('/api/v1/public/procedures/1.001193');
    assert.equal(plain.status, 200);
    assert.equal(plain.headers.get('content-encoding'), null, 'nothing asked, nothing encoded');
    const text = await plain.text();
    const { validators } = JSON.parse(text) as { validators: string };

    const br = await server.request('/api/v1/public/procedures/1.001193', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.match(br.headers.get('vary') ?? '', /accept-encoding/i);
    const brBytes = Buffer.from(await br.arrayBuffer());
    assert.equal(brotliDecompressSync(brBytes).toString('utf8'), text);
    assert.ok(brBytes.length < text.length / 3, `${brBytes.length} bytes for ${text.length}`);

    const js = await server.request(new URL(validators).pathname, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(js.status, 200);
    assert.equal(js.headers.get('content-encoding'), 'gzip');
    const source = gunzipSync(Buffer.from(await js.arrayBuffer())).toString('utf8');
    assert.match(source, /export/);
  });
});

test('a compressed answer never keeps the plain body’s Content-Length or strong ETag', async () => {
  const { Hono } = await import('hono');
  const { compression } = await import('./compress.ts');
  const app = new Hono();
  app.use('*', compression());
  const page = '<!doctype html><title>Trang</title>' + '<p>Đăng ký khai sinh</p>'.repeat(200);
  app.get('/page', (c) =>
    c.body(page, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(page)),
      ETag: '"v1"',
    }),
  );
  const res = await app.request('/page', { headers: { 'accept-encoding': 'br' } });
  assert.equal(res.headers.get('content-encoding'), 'br');
  assert.equal(res.headers.get('content-length'), null, 'the length of the plain body would stall the browser');
  assert.equal(res.headers.get('etag'), 'W/"v1"');
  assert.equal(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8'), page);
});
