import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { once } from 'node:events';
import { applyTimeouts } from './timeouts.ts';
import { loadConfig } from '../../config/config.ts';

/** Resolves with how long the server kept a connection that did `act` and then stalled. */
async function heldFor(
  act: (write: (s: string) => void) => void,
  limits = { headersMs: 300, idleMs: 400, requestMs: 5000, keepAliveMs: 200 },
) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  applyTimeouts(server, limits);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await once(socket, 'connect');
  socket.on('error', () => {});
  socket.resume();
  const started = Date.now();
  act((s) => socket.write(s));
  await once(socket, 'close');
  server.close();
  return Date.now() - started;
}

test('a stalled upload is cut after the idle limit, not Node’s 300 s', async () => {
  const ms = await heldFor((w) => w('POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\n\r\nabc'));
  assert.ok(ms < 3000, `closed after ${ms} ms`);
});

test('a request the server takes longer than the idle limit to answer is answered, not cut', async () => {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => setTimeout(() => res.end('slow but fine'), 900));
  });
  applyTimeouts(server, { headersMs: 300, idleMs: 300, requestMs: 5000, keepAliveMs: 200 });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const res = await fetch(`${url}/x`, { method: 'POST', body: 'a'.repeat(1000) });
    assert.equal(await res.text(), 'slow but fine');
    // The connection kept alive afterwards is idle again: the limit is back on it.
    const again = await fetch(`${url}/y`);
    assert.equal(again.status, 200);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('after a slow answer, the connection kept alive is cut at the keep-alive limit', async () => {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => setTimeout(() => res.end('late'), 900));
  });
  applyTimeouts(server, { headersMs: 300, idleMs: 300, requestMs: 5000, keepAliveMs: 300 });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await once(socket, 'connect');
  let got = '';
  socket.on('data', (d) => (got += d));
  const started = Date.now();
  socket.write('GET /x HTTP/1.1\r\nHost: a\r\n\r\n');
  await once(socket, 'close');
  server.close();
  const ms = Date.now() - started;
  assert.match(got, /late$/, 'answered first');
  assert.ok(ms >= 900 && ms < 3000, `closed after ${ms} ms`);
});

test('a stalled upload on a reused connection is cut too', async () => {
  const ms = await heldFor(
    (w) => {
      w('GET /a HTTP/1.1\r\nHost: a\r\n\r\n');
      setTimeout(() => w('POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\n\r\nabc'), 100);
    },
    { headersMs: 300, idleMs: 400, requestMs: 60_000, keepAliveMs: 60_000 },
  );
  assert.ok(ms < 3000, `closed after ${ms} ms`);
});

test('headers that never finish are cut after the header limit', async () => {
  const ms = await heldFor((w) => w('GET /x HTTP/1.1\r\nHost: a\r\n'));
  assert.ok(ms < 3000, `closed after ${ms} ms`);
});

test('the configured defaults bound every stage', () => {
  const c = loadConfig({});
  assert.ok(c.timeouts.headersMs > 0 && c.timeouts.headersMs <= 60_000);
  assert.ok(c.timeouts.idleMs > 0 && c.timeouts.idleMs <= 120_000);
  assert.ok(c.timeouts.requestMs > 0 && c.timeouts.requestMs <= 3_600_000);
});
