import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareApp } from '../../../../test/support/fake-context.ts';
import { openCors, publicCors } from './cors.ts';

test('the public API answers CORS only for configured origins', async () => {
  const a = bareApp();
  a.use('/p/*', publicCors(['https://dichvucong.example.gov.vn']));
  a.post('/p/x', (c) => c.text('ok'));
  const pre = await a.request('/p/x', { method: 'OPTIONS', headers: { origin: 'https://dichvucong.example.gov.vn', 'access-control-request-method': 'POST', 'access-control-request-headers': 'idempotency-key, content-type' } });
  assert.equal(pre.headers.get('access-control-allow-origin'), 'https://dichvucong.example.gov.vn');
  assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
  const other = await a.request('/p/x', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
  assert.equal(other.headers.get('access-control-allow-origin'), null);
});

test('"*" allows any origin; open CORS is for static modules', async () => {
  const a = bareApp();
  a.use('/p/*', publicCors(['*']));
  a.use('/s/*', openCors());
  a.get('/p/x', (c) => c.text('ok'));
  a.get('/s/x', (c) => c.text('ok'));
  assert.equal((await a.request('/p/x', { headers: { origin: 'https://any.example' } })).headers.get('access-control-allow-origin'), '*');
  assert.equal((await a.request('/s/x', { headers: { origin: 'https://any.example' } })).headers.get('access-control-allow-origin'), '*');
});
