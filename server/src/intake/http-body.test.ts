import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { birthData, birthFiles, pdfBytes, rowCounts, submissionForm } from '../../test/support/intake.ts';

/**
 * Submissions through a real HTTP listener: behind @hono/node-server the body is read from node's
 * own request stream (not the web Request that in-process `app.request` gives), so this path is
 * tested on its own — valid, too large, wrong bytes, broken multipart, and a client that leaves.
 */
forEachDatabase('intake over a real HTTP connection', (db) => {
  let server: TestServer;
  let http: ServerType;
  let base: string;
  before(async () => {
    server = await testServer(db(), { config: { maxRequestBytes: 4 * 1024 * 1024 } });
    http = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  const submit = (form: FormData, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/v1/public/procedures/1.001193/dossiers`, { method: 'POST', body: form, headers });

  test('a submission with uploads is received; one with bad bytes or too large a file stores nothing', async () => {
    const ok = await submit(submissionForm({ version: 1, agency: '000.20.01.H56', data: birthData() }, birthFiles()), {
      'idempotency-key': 'http-body-1',
    });
    assert.equal(ok.status, 201, await ok.clone().text());
    assert.match((await json<{ code: string }>(ok)).code, /^000\.20\.01\.H56-260302-\d{4}$/);
    const again = await submit(
      submissionForm({ version: 1, agency: '000.20.01.H56', data: birthData() }, birthFiles()),
      { 'idempotency-key': 'http-body-1' },
    );
    assert.equal(again.status, 201);

    const before = await rowCounts(server);
    const filesBefore = await server.ctx.files.keys();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdfBytes());
    const tooLarge = await submit(
      submissionForm({ version: 1, agency: '000.20.01.H56', data: birthData() }, [
        { document: 'giay-chung-sinh', bytes: big },
        birthFiles()[1]!,
      ]),
    );
    assert.equal(tooLarge.status, 413, 'over the request limit (declared length)');
    const exe = new Uint8Array([
      0x4d,
      0x5a,
      0x90,
      0x00,
      0x03,
      0x00,
      0x00,
      0x00,
      0x04,
      0x00,
      0x00,
      0x00,
      0xff,
      0xff,
      0x00,
      0x00,
      ...new Uint8Array(200),
    ]);
    const wrong = await submit(
      submissionForm({ version: 1, agency: '000.20.01.H56', data: birthData() }, [
        { document: 'giay-chung-sinh', bytes: exe, name: 'giay-chung-sinh.pdf' },
        birthFiles()[1]!,
      ]),
    );
    assert.equal(wrong.status, 415);
    const broken = await fetch(`${base}/api/v1/public/procedures/1.001193/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="submission"\r\n\r\n{"version":1',
    });
    assert.equal(broken.status, 400);
    assert.deepEqual(await rowCounts(server), before);
    assert.deepEqual(await server.ctx.files.keys(), filesBefore);
  });

  test('a client that leaves in the middle of an upload leaves no file and no row, and the server goes on', async () => {
    const before = await rowCounts(server);
    const filesBefore = await server.ctx.files.keys();
    const boundary = 'cut-boundary';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="submission"\r\n\r\n${JSON.stringify({ version: 1, agency: '000.20.01.H56', data: birthData() })}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="documents.giay-chung-sinh"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    const { port } = http.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => {
        s.write(
          `POST /api/v1/public/procedures/1.001193/dossiers HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 2000000\r\n\r\n`,
        );
        s.write(head);
        s.write(Buffer.concat([Buffer.from(pdfBytes()), Buffer.alloc(300_000)]));
        setTimeout(() => (s.destroy(), resolve()), 300);
      });
      s.on('error', reject);
    });
    // The aborted request settles on its own (its pending file discarded); poll until it has.
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && (await server.ctx.files.keys()).length !== filesBefore.length)
      await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(await server.ctx.files.keys(), filesBefore, 'the partial file was removed');
    assert.deepEqual(await rowCounts(server), before);
    const ok = await submit(submissionForm({ version: 1, agency: '000.20.01.H56', data: birthData() }, birthFiles()));
    assert.equal(ok.status, 201);
  });

  after(async () => {
    (http as unknown as { closeAllConnections(): void }).closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    server.dispose();
  });
});
