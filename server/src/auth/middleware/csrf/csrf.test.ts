import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareApp, samplePrincipal } from '../../../../test/support/fake-context.ts';
import { csrf } from './csrf.ts';

function app(principal: ReturnType<typeof samplePrincipal> | null) {
  const a = bareApp(principal);
  a.use('*', csrf());
  a.all('/x', (c) => c.text('ok'));
  return a;
}

test('session mutations need the matching X-CSRF-Token; reads do not', async () => {
  const a = app(samplePrincipal());
  assert.equal((await a.request('/x', { method: 'GET' })).status, 200);
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    const missing = await a.request('/x', { method });
    assert.equal(missing.status, 403, method);
    const body = (await missing.json()) as { error: { code: string; message: { vi: string; en: string } } };
    assert.equal(body.error.code, 'csrf');
    assert.ok(body.error.message.vi && body.error.message.en);
    assert.equal((await a.request('/x', { method, headers: { 'x-csrf-token': 'other' } })).status, 403);
    assert.equal((await a.request('/x', { method, headers: { 'x-csrf-token': 'the-csrf-token' } })).status, 200);
  }
});

test('bearer-token and anonymous requests carry no ambient credentials and pass', async () => {
  assert.equal(
    (await app(samplePrincipal({ via: 'token', csrfToken: undefined })).request('/x', { method: 'POST' })).status,
    200,
  );
  assert.equal((await app(null).request('/x', { method: 'POST' })).status, 200);
});

test('a public route without the token runs as the anonymous request it is; a staff route is refused', async () => {
  const seen: (string | null)[] = [];
  const routed = (auth: 'public' | 'staff') => {
    const a = bareApp(samplePrincipal());
    a.use('*', async (c, next) => {
      c.set('route', { auth } as never);
      await next();
    });
    a.use('*', csrf());
    a.all('/x', (c) => {
      seen.push(c.get('principal')?.username ?? null);
      return c.text('ok');
    });
    return a;
  };
  assert.equal((await routed('public').request('/x', { method: 'POST' })).status, 200);
  assert.equal(
    (await routed('public').request('/x', { method: 'POST', headers: { 'x-csrf-token': 'x' } })).status,
    200,
  );
  assert.deepEqual(seen, [null, null], 'the handler never sees the session it did not prove');
  assert.equal(
    (await routed('public').request('/x', { method: 'POST', headers: { 'x-csrf-token': 'the-csrf-token' } })).status,
    200,
  );
  assert.equal(seen[2], 'someone', 'with the token the session stays');
  assert.equal((await routed('staff').request('/x', { method: 'POST' })).status, 403);
  assert.equal(seen.length, 3);
});
