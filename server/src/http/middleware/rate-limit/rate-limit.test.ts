import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareApp } from '../../../../test/support/fake-context.ts';
import { rateLimit } from './rate-limit.ts';

test('a fixed window per client address: 429 with Retry-After past the limit, a new window resets', async () => {
  let now = 1_000_000;
  const a = bareApp();
  a.use('*', rateLimit({ limit: 3, windowMs: 60_000, now: () => now }));
  a.get('/x', (c) => c.text('ok'));
  const hit = (ip: string) => a.request('/x', { headers: { 'x-test-ip': ip } });
  for (let i = 0; i < 3; i++) assert.equal((await hit('1.1.1.1')).status, 200);
  const limited = await hit('1.1.1.1');
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '60');
  assert.equal((await hit('2.2.2.2')).status, 200, 'another address has its own window');
  now += 45_000;
  assert.equal((await hit('1.1.1.1')).headers.get('retry-after'), '15');
  now += 15_000;
  assert.equal((await hit('1.1.1.1')).status, 200);
});
