import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { checkResponse } from '@motcua/api/check';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { login } from '../../test/support/http.ts';
import { onlineBirth, postAction, staffOf, type Staff } from '../../test/support/cases.ts';
import { birthData, birthFiles, submitOnline } from '../../test/support/intake.ts';

/** The error body of one response, checked against the contract of its operation. */
async function errorBody(res: Response, operationId: string, status: number) {
  assert.equal(res.status, status, await res.clone().text());
  const body = (await res.json()) as { error: Record<string, unknown> };
  assert.deepEqual(checkResponse(operationId, { status, contentType: res.headers.get('content-type'), body }), []);
  assert.equal(body.error.status, status, 'error.status is the HTTP status');
  assert.equal(typeof body.error.code, 'string');
  const message = body.error.message as { vi: string; en: string };
  assert.ok(message.vi && message.en, 'a message in Vietnamese and English');
  return body.error;
}

const jsonPost = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

forEachDatabase('one error body, whose status is the HTTP status', (db) => {
  let server: TestServer;
  let reception: Staff;
  before(async () => {
    server = await testServer(db(), { app: { rateLimits: { track: 2 } } });
    reception = await staffOf(server, 'reception.trung-tam');
  });

  test('400 invalid input, with pointers', async () => {
    const e = await errorBody(
      await server.request('/api/v1/auth/login', jsonPost(JSON.stringify({ username: 'x' }))),
      'login',
      400,
    );
    assert.ok((e.issues as { pointer: string }[]).some((i) => i.pointer.startsWith('/body')));
  });

  test('401 not signed in; 403 forbidden (no CSRF token with the session cookie)', async () => {
    await errorBody(await server.request('/api/v1/auth/session'), 'getSession', 401);
    const s = await login(server, 'reception.trung-tam');
    await errorBody(
      await server.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie: s.cookie } }),
      'logout',
      403,
    );
  });

  test('404 unknown; 409 an action the dossier\u2019s state refuses, its status under dossierStatus', async () => {
    await errorBody(await server.request('/api/v1/public/procedures/0.000000'), 'publicGetProcedure', 404);
    const { code } = await onlineBirth(server);
    const e = await errorBody(
      await postAction(server, reception, code, { kind: 'return_result' }),
      'performDossierAction',
      409,
    );
    assert.equal((e.current as { status: number }).status, 1);
    assert.ok(e.dossierStatus === undefined || e.dossierStatus === 1);
  });

  test('413 too large; 415 not JSON', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(3 * 1024 * 1024), password: 'y' });
    await errorBody(await server.request('/api/v1/auth/login', jsonPost(big)), 'login', 413);
    await errorBody(
      await server.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'username=x',
      }),
      'login',
      415,
    );
  });

  test('422 an idempotency key reused with another body', async () => {
    const key = { 'idempotency-key': 'loi-422-mot' };
    const first = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.20.01.H56', data: birthData() },
      birthFiles(),
      key,
    );
    assert.equal(first.status, 201, await first.clone().text());
    const requester = { ...(birthData().requester as object), phone: '0987654321' };
    const other = { version: 1, agency: '000.20.01.H56', data: birthData({ requester }) };
    await errorBody(await submitOnline(server, '1.001193', other, birthFiles(), key), 'publicSubmitDossier', 422);
  });

  test('429 too many requests, with retryAfter', async () => {
    const track = () => server.request('/api/v1/public/dossiers/000.20.01.H56-260302-9999');
    let res = await track();
    while (res.status !== 429) {
      await errorBody(res, 'publicTrackDossier', 404);
      res = await track();
    }
    const e = await errorBody(res, 'publicTrackDossier', 429);
    assert.ok(typeof e.retryAfter === 'number' && e.retryAfter >= 1);
    assert.equal(res.headers.get('retry-after'), String(e.retryAfter));
  });

  after(() => server.dispose());
});
