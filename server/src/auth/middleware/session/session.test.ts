import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../../test/support/databases.ts';
import { testServer, type TestServer } from '../../../../test/support/server.ts';
import { login, bearer } from '../../../../test/support/http.ts';

forEachDatabase('session middleware', (db) => {
  let server: TestServer;
  before(async () => {
    server = await testServer(db());
  });

  test('a session slides with use and expires after its idle lifetime', async () => {
    const s = await login(server, 'viewer.province');
    const ttl = server.ctx.config.sessionTtlMinutes * 60_000;
    server.clock.advance(ttl - 60_000);
    assert.equal(
      (await server.request('/api/v1/auth/session', { headers: { cookie: s.cookie } })).status,
      200,
      'still valid, and extended',
    );
    server.clock.advance(ttl - 60_000);
    assert.equal(
      (await server.request('/api/v1/auth/session', { headers: { cookie: s.cookie } })).status,
      200,
      'extended by the previous use',
    );
    server.clock.advance(ttl + 1);
    const res = await server.request('/api/v1/auth/session', { headers: { cookie: s.cookie } });
    assert.equal(res.status, 401);
    assert.match(res.headers.get('set-cookie') ?? '', /motcua_session=;/, 'the stale cookie is cleared');
  });

  test('a deactivated account loses its session and tokens at once', async () => {
    const admin = await bearer(server, 'admin.province');
    const s = await login(server, 'viewer.bac-thanh');
    const token = await bearer(server, 'viewer.bac-thanh');
    const me = await server.request('/api/v1/auth/session', { headers: { cookie: s.cookie } });
    const id = ((await me.json()) as { staff: { id: string } }).staff.id;
    const off = await server.request(`/api/v1/staff/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ active: false }),
    });
    assert.equal(off.status, 200);
    assert.equal((await server.request('/api/v1/auth/session', { headers: { cookie: s.cookie } })).status, 401);
    assert.equal(
      (await server.request('/api/v1/auth/session', { headers: { authorization: `Bearer ${token}` } })).status,
      401,
    );
  });

  test('a malformed Authorization header is 401, not anonymous', async () => {
    const res = await server.request('/api/v1/agencies', { headers: { authorization: 'Basic abc' } });
    assert.equal(res.status, 401);
  });

  after(() => server.dispose());
});
