import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, DEMO_PASSWORD, type TestServer } from '../../test/support/server.ts';
import { login, sessionHeaders, json, bearer } from '../../test/support/http.ts';
import { onlineBirth } from '../../test/support/cases.ts';
import { pdfBytes } from '../../test/support/intake.ts';

forEachDatabase('authentication: sessions, CSRF, tokens, throttling', (db) => {
  let server: TestServer;
  before(async () => {
    server = await testServer(db());
  });

  test('login sets an HttpOnly SameSite cookie; the session shows the roles; logout ends it', async () => {
    const res = await server.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'Reception.Trung-Tam', password: DEMO_PASSWORD }),
    });
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie')!;
    assert.match(cookie, /^motcua_session=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/, 'plain HTTP without a proxy: no Secure flag');
    const body = await json<{ staff: { username: string; roles: unknown[] }; csrfToken: string }>(res);
    assert.equal(body.staff.username, 'reception.trung-tam');
    assert.deepEqual(body.staff.roles, [{ agency: '000.20.01.H56', role: 'reception' }]);
    const s = { cookie: cookie.split(';')[0]!, csrf: body.csrfToken };
    const me = await server.request('/api/v1/auth/session', { headers: { cookie: s.cookie } });
    assert.equal(me.status, 200);
    assert.equal((await json<{ csrfToken: string }>(me)).csrfToken, s.csrf);
    const out = await server.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    assert.equal(out.status, 200);
    const after = await server.request('/api/v1/auth/session', { headers: { cookie: s.cookie } });
    assert.equal(after.status, 401);
  });

  test('behind HTTPS the cookie is Secure and __Host- prefixed', async () => {
    const res = await server.app.request('https://motcua.test/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader.trung-tam', password: DEMO_PASSWORD }),
    });
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie')!;
    assert.match(cookie, /^__Host-motcua_session=/);
    assert.match(cookie, /Secure/);
    assert.match(cookie, /Path=\//);
  });

  test('a mutation with the session cookie needs the CSRF token', async () => {
    const s = await login(server, 'admin.province');
    const body = JSON.stringify({ name: { vi: 'Ủy ban nhân dân tỉnh', en: 'Provincial People\u2019s Committee' } });
    const missing = await server.request('/api/v1/agencies/000.00.00.H56', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: s.cookie },
      body,
    });
    assert.equal(missing.status, 403);
    assert.equal((await json<{ error: { code: string } }>(missing)).error.code, 'csrf');
    const wrong = await server.request('/api/v1/agencies/000.00.00.H56', {
      method: 'PATCH',
      headers: { ...sessionHeaders(s), 'x-csrf-token': 'nope' },
      body,
    });
    assert.equal(wrong.status, 403);
    const ok = await server.request('/api/v1/agencies/000.00.00.H56', {
      method: 'PATCH',
      headers: sessionHeaders(s),
      body,
    });
    assert.equal(ok.status, 200, await ok.clone().text());
  });

  test('a public POST from a browser holding a staff session needs no CSRF token and acts as the applicant', async () => {
    const { code, secret } = await onlineBirth(server);
    const s = await login(server, 'reception.trung-tam');
    const ask = JSON.stringify({
      kind: 'request_supplement',
      params: {
        items: [{ documentId: 'giay-chung-sinh', reason: 'Giấy chứng sinh bị mờ' }],
        dueBy: server.clock.now() + 5 * 86_400_000,
      },
    });
    const actions = `/api/v1/dossiers/${code}/actions`;
    // A staff route still needs the token with the cookie.
    const forged = await server.request(actions, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie },
      body: ask,
    });
    assert.equal(forged.status, 403);
    assert.equal((await json<{ error: { code: string } }>(forged)).error.code, 'csrf');
    const asked = await server.request(actions, { method: 'POST', headers: sessionHeaders(s), body: ask });
    assert.equal(asked.status, 200, await asked.clone().text());

    const supplement = (secretSent: string) => {
      const form = new FormData();
      form.append('supplement', JSON.stringify({ comment: 'Chụp lại rõ nét' }));
      form.append('documents.giay-chung-sinh', new Blob([pdfBytes('ro')]), 'giay-chung-sinh-ro.pdf');
      return server.request(`/api/v1/public/dossiers/${code}/supplement`, {
        method: 'POST',
        body: form,
        headers: { cookie: s.cookie, 'x-tracking-secret': secretSent },
      });
    };
    // The cookie lends the public route no authority: without the secret it is an unknown dossier.
    assert.equal((await supplement('not-the-secret')).status, 404);
    const sent = await supplement(secret);
    assert.equal(sent.status, 200, await sent.clone().text());
    const events = await json<{ items: { kind: string; event: { actor: { kind: string } } }[] }>(
      await server.request(`/api/v1/dossiers/${code}/events`, { headers: { cookie: s.cookie } }),
    );
    const provided = events.items.find((e) => e.kind === 'supplement_provided');
    assert.equal(provided?.event.actor.kind, 'applicant', 'recorded as the applicant’s, not the clerk’s');
  });

  test('wrong passwords are refused alike for unknown accounts; repeated failures lock the account for the window', async () => {
    const attempt = (username: string, password: string) =>
      server.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.9' },
        body: JSON.stringify({ username, password }),
      });
    const unknown = await attempt('nobody', 'whatever-password');
    const wrong = await attempt('viewer.trung-tam', 'wrong-password');
    assert.equal(unknown.status, 401);
    assert.equal(wrong.status, 401);
    assert.deepEqual((await json<{ error: unknown }>(unknown)).error, (await json<{ error: unknown }>(wrong)).error);
    for (let i = 1; i < server.ctx.config.loginMaxFailures; i++)
      assert.equal((await attempt('viewer.trung-tam', 'wrong-password')).status, 401);
    const locked = await attempt('viewer.trung-tam', DEMO_PASSWORD);
    assert.equal(locked.status, 429, 'even the right password is refused while locked');
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    server.clock.advance(server.ctx.config.loginWindowMinutes * 60_000 + 1000);
    assert.equal((await attempt('viewer.trung-tam', DEMO_PASSWORD)).status, 200, 'the window passed');
  });

  test('failures from one address cannot lock the real user out; delays grow per account and address', async () => {
    server.ctx.config.trustProxy = true;
    try {
      const from = (ip: string, password: string) =>
        server.request('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ username: 'viewer.bac-thanh', password }),
        });
      const max = server.ctx.config.loginMaxFailures;
      for (let i = 0; i < max; i++) assert.equal((await from('203.0.113.66', 'wrong-password')).status, 401);
      const attacker = await from('203.0.113.66', 'wrong-password');
      assert.equal(attacker.status, 429, 'the attacker\u2019s address waits');
      assert.equal(Number(attacker.headers.get('retry-after')), 60, 'one minute at first');
      assert.equal((await from('198.51.100.7', DEMO_PASSWORD)).status, 200, 'the real user, elsewhere, signs in');
      server.clock.advance(61_000);
      assert.equal((await from('203.0.113.66', 'wrong-password')).status, 401);
      const longer = await from('203.0.113.66', 'wrong-password');
      assert.equal(longer.status, 429);
      assert.equal(Number(longer.headers.get('retry-after')), 59, 'two minutes after the first failure');
      server.clock.advance(server.ctx.config.loginWindowMinutes * 60_000);
    } finally {
      server.ctx.config.trustProxy = false;
    }
  });

  test('bearer tokens authenticate without CSRF; revoked or unknown tokens are 401', async () => {
    const token = await bearer(server, 'admin.province');
    const me = await server.request('/api/v1/auth/session', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);
    const meBody = await json<{ via: string; staff: { id: string; roles: unknown[] } }>(me);
    assert.equal(meBody.via, 'token');
    const s = await login(server, 'admin.province');
    const bySession = await json<{ staff: { roles: unknown[] } }>(
      await server.request('/api/v1/auth/session', { headers: sessionHeaders(s) }),
    );
    assert.ok(meBody.staff.roles.length >= 1);
    assert.deepEqual(meBody.staff.roles, bySession.staff.roles, 'the same grants, in the same order, either way');
    const list = await server.request(`/api/v1/staff/${meBody.staff.id}/tokens`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const tokens = (await json<{ items: { id: string; revokedAt: string | null }[] }>(list)).items;
    assert.ok(tokens.length >= 1);
    assert.ok(!JSON.stringify(tokens).includes(token), 'the secret is never listed');
    const patch = await server.request('/api/v1/agencies/000.20.05.H56', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'no change' }),
    });
    assert.equal(patch.status, 200, 'no CSRF token needed with a bearer token');
    for (const t of tokens) {
      const del = await server.request(`/api/v1/staff/${meBody.staff.id}/tokens/${t.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.ok(del.status === 200 || del.status === 401, `revoke: ${del.status}`);
    }
    assert.equal(
      (await server.request('/api/v1/auth/session', { headers: { authorization: `Bearer ${token}` } })).status,
      401,
    );
    assert.equal(
      (await server.request('/api/v1/auth/session', { headers: { authorization: 'Bearer mct_unknown' } })).status,
      401,
    );
  });

  test('changing one\u2019s password ends other sessions', async () => {
    const a = await login(server, 'specialist.bac-thanh');
    const b = await login(server, 'specialist.bac-thanh');
    const res = await server.request('/api/v1/auth/password', {
      method: 'POST',
      headers: sessionHeaders(a),
      body: JSON.stringify({ currentPassword: DEMO_PASSWORD, newPassword: 'a-new-long-password' }),
    });
    assert.equal(res.status, 200);
    assert.equal((await server.request('/api/v1/auth/session', { headers: { cookie: a.cookie } })).status, 200);
    assert.equal((await server.request('/api/v1/auth/session', { headers: { cookie: b.cookie } })).status, 401);
    await login(server, 'specialist.bac-thanh', 'a-new-long-password');
    const weak = await server.request('/api/v1/auth/password', {
      method: 'POST',
      headers: sessionHeaders(a),
      body: JSON.stringify({ currentPassword: 'a-new-long-password', newPassword: 'short' }),
    });
    assert.equal(weak.status, 400);
    assert.equal(
      (await json<{ error: { issues: { pointer: string }[] } }>(weak)).error.issues[0]!.pointer,
      '/body/newPassword',
    );
  });

  after(() => server.dispose());
});
