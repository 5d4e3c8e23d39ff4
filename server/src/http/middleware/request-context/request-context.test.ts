import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { pino } from 'pino';
import type { AppEnv } from '../../env.ts';
import type { ServerContext } from '../../../context.ts';
import { loadConfig } from '../../../config/config.ts';
import { requestContext } from './request-context.ts';

function app(trustProxy: boolean, proxyHops = 1) {
  const lines: unknown[] = [];
  const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  const ctx = { config: { ...loadConfig({}), trustProxy, proxyHops }, log } as unknown as ServerContext;
  const a = new Hono<AppEnv>();
  a.use('*', requestContext(ctx));
  a.get('/x', (c) => c.json({ ip: c.get('clientIp'), id: c.get('requestId') }));
  return { a, lines };
}

test('every request gets an id (echoed) and one structured log line', async () => {
  const { a, lines } = app(false);
  const res = await a.request('/x', { headers: { 'x-forwarded-for': '9.9.9.9' } });
  const body = (await res.json()) as { ip: string; id: string };
  assert.equal(res.headers.get('x-request-id'), body.id);
  assert.notEqual(body.ip, '9.9.9.9', 'X-Forwarded-For is ignored without a trusted proxy');
  const line = lines.at(-1) as { msg: string; status: number; path: string; requestId: string };
  assert.equal(line.msg, 'request');
  assert.equal(line.status, 200);
  assert.equal(line.path, '/x');
  assert.equal(line.requestId, body.id);
  const given = await a.request('/x', { headers: { 'x-request-id': 'abc-123' } });
  assert.equal(given.headers.get('x-request-id'), 'abc-123');
});

async function ipOf(a: Hono<AppEnv>, forwarded: string): Promise<string> {
  return ((await (await a.request('/x', { headers: { 'x-forwarded-for': forwarded } })).json()) as { ip: string }).ip;
}

test('behind a trusted proxy the client address is the one the proxy appended, not the client’s', async () => {
  const { a } = app(true);
  assert.equal(await ipOf(a, '9.9.9.9'), '9.9.9.9');
  // The client wrote "1.2.3.4"; the proxy appended the address it saw.
  assert.equal(await ipOf(a, '1.2.3.4, 9.9.9.9'), '9.9.9.9');
  assert.equal(await ipOf(a, '5.5.5.5,6.6.6.6 , 9.9.9.9'), '9.9.9.9');
});

test('with two trusted proxies the second entry from the right is the client', async () => {
  const { a } = app(true, 2);
  assert.equal(await ipOf(a, '1.2.3.4, 9.9.9.9, 10.0.0.1'), '9.9.9.9');
  assert.equal(await ipOf(a, '9.9.9.9, 10.0.0.1'), '9.9.9.9');
});

test('MOTCUA_TRUST_PROXY takes true/false or a number of proxies', () => {
  assert.deepEqual(
    [
      loadConfig({ MOTCUA_TRUST_PROXY: 'true' }),
      loadConfig({ MOTCUA_TRUST_PROXY: '2' }),
      loadConfig({ MOTCUA_TRUST_PROXY: '0' }),
    ].map((c) => [c.trustProxy, c.proxyHops]),
    [
      [true, 1],
      [true, 2],
      [false, 1],
    ],
  );
});
