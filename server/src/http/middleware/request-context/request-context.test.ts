import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { pino } from 'pino';
import type { AppEnv } from '../../env.ts';
import type { ServerContext } from '../../../context.ts';
import { loadConfig } from '../../../config/config.ts';
import { requestContext } from './request-context.ts';

function app(trustProxy: boolean) {
  const lines: unknown[] = [];
  const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  const ctx = { config: { ...loadConfig({}), trustProxy }, log } as unknown as ServerContext;
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

test('behind a trusted proxy the client address comes from X-Forwarded-For', async () => {
  const { a } = app(true);
  const body = (await (await a.request('/x', { headers: { 'x-forwarded-for': '9.9.9.9, 10.0.0.1' } })).json()) as {
    ip: string;
  };
  assert.equal(body.ip, '9.9.9.9');
});
