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
