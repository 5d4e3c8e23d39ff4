import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../../env.ts';
import type { ServerContext } from '../../../context.ts';
import { loadConfig } from '../../../config/config.ts';
import { hsts } from './hsts.ts';
import { APP_SECURE_HEADERS } from '../../../app.ts';

function app(trustProxy: boolean) {
  const ctx = { config: { ...loadConfig({}), trustProxy } } as unknown as ServerContext;
  const a = new Hono<AppEnv>();
  a.use('*', async (c, next) => {
    c.set('ctx', ctx);
    await next();
  });
  a.use('*', secureHeaders(APP_SECURE_HEADERS));
  a.use('*', hsts());
  a.get('/x', (c) => c.text('ok'));
  return a;
}

test('HSTS over HTTPS only', async () => {
  const header = async (a: Hono<AppEnv>, url: string, headers: Record<string, string> = {}) =>
    (await a.request(url, { headers })).headers.get('strict-transport-security');
  assert.equal(await header(app(false), 'http://motcua.test/x'), null);
  assert.equal(await header(app(false), 'http://motcua.test/x', { 'x-forwarded-proto': 'https' }), null);
  assert.match((await header(app(false), 'https://motcua.test/x')) ?? '', /max-age=\d+/);
  assert.match((await header(app(true), 'http://motcua.test/x', { 'x-forwarded-proto': 'https' })) ?? '', /max-age/);
});
