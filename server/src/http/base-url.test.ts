import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';
import type { ServerContext } from '../context.ts';
import { loadConfig } from '../config/config.ts';
import { baseUrl } from './base-url.ts';

function app(env: Record<string, string>) {
  const ctx = { config: loadConfig(env) } as unknown as ServerContext;
  const a = new Hono<AppEnv>();
  a.get('/x', (c) => {
    c.set('ctx', ctx);
    return c.text(baseUrl(c));
  });
  return a;
}

const hostile = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

test('public URLs come from MOTCUA_PUBLIC_URL, never from Host or X-Forwarded-Host', async () => {
  const a = app({ MOTCUA_PUBLIC_URL: 'https://dichvucong.example.vn/', MOTCUA_TRUST_PROXY: 'true' });
  assert.equal(
    await (await a.request('http://evil.example/x', { headers: hostile })).text(),
    'https://dichvucong.example.vn',
  );
});

test('without MOTCUA_PUBLIC_URL the default is the local address, whatever the headers say', async () => {
  const a = app({ MOTCUA_TRUST_PROXY: 'true', PORT: '8123' });
  assert.equal(await (await a.request('http://evil.example/x', { headers: hostile })).text(), 'http://localhost:8123');
});
