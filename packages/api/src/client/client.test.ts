import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from './client.ts';
import { ApiError, NetworkError, SessionExpiredError } from './errors.ts';
import type { PathOf, RequestOptions, Result, RouteAt } from './types.ts';
import type { ActionOutcome, PublicProcedure, TrackingView } from '../index.ts';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/** A fake server: records every request and answers from `reply`. */
function fakeFetch(reply: (s: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const s = {
      url,
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: init.body,
      credentials: init.credentials,
    };
    sent.push(s);
    return reply(s);
  };
  return { sent, fetch };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const errorBody = (status: number, code: string) => ({
  error: { status, code, message: { vi: 'Lỗi', en: 'Error' } },
});

const session = (csrfToken: string) => ({
  staff: { id: 's1', username: 'a', fullName: 'A', agencyCode: 'X', roles: [] },
  csrfToken,
  via: 'session',
});

test('public calls: the path template filled and encoded, the query serialised, no credentials', async () => {
  const { sent, fetch } = fakeFetch(() => json(200, { items: [], nextCursor: null }));
  const client = createClient({ baseUrl: 'https://motcua.example/', fetch });
  await client.get('/api/v1/agencies/{agencyCode}/inbox', {
    params: { agencyCode: '000.20.01.H56' },
    query: { view: 'open', limit: 20, q: 'Nguyễn Văn A' },
  });
  assert.equal(
    sent[0]!.url,
    'https://motcua.example/api/v1/agencies/000.20.01.H56/inbox?view=open&limit=20&q=Nguy%E1%BB%85n+V%C4%83n+A',
  );
  assert.equal(sent[0]!.credentials, 'omit');
  assert.equal(sent[0]!.headers['X-CSRF-Token'], undefined);
  await client.get('/api/v1/public/dossiers/{dossierCode}', {
    params: { dossierCode: 'a/b c' },
    headers: { 'X-Tracking-Secret': 's' },
  });
  assert.equal(sent[1]!.url, 'https://motcua.example/api/v1/public/dossiers/a%2Fb%20c');
  assert.equal(sent[1]!.headers['X-Tracking-Secret'], 's');
});

test('staff calls: login keeps the CSRF token and sends it on every change, not on reads', async () => {
  const { sent, fetch } = fakeFetch((s) =>
    s.url.endsWith('/auth/login') ? json(200, session('tok-1')) : json(200, { ok: true }),
  );
  const client = createClient({ baseUrl: '', session: true, fetch });
  const me = await client.login({ username: 'a', password: 'b' });
  assert.equal(me.csrfToken, 'tok-1');
  assert.equal(sent[0]!.headers['Content-Type'], 'application/json');
  assert.deepEqual(JSON.parse(String(sent[0]!.body)), { username: 'a', password: 'b' });
  await client.post('/api/v1/procedures/{procedureCode}/retire', {
    params: { procedureCode: '1.001193' },
    body: { reason: 'Bãi bỏ' },
  });
  assert.equal(sent[1]!.headers['X-CSRF-Token'], 'tok-1');
  assert.equal(sent[1]!.credentials, 'same-origin');
  await client.get('/api/v1/auth/session');
  assert.equal(sent[2]!.headers['X-CSRF-Token'], undefined);
});

test('a 401 on a held session is SessionExpiredError, told to the listeners once', async () => {
  let expired = false;
  const { fetch } = fakeFetch((s) =>
    s.url.endsWith('/auth/session') ? json(200, session('t')) : json(401, errorBody(401, 'unauthenticated')),
  );
  const client = createClient({ baseUrl: 'http://x', session: true, fetch });
  const seen: SessionExpiredError[] = [];
  const off = client.onSessionExpired((e) => seen.push(e));
  await assert.rejects(
    client.get('/api/v1/procedures'),
    (e) => e instanceof ApiError && !(e instanceof SessionExpiredError),
  );
  await client.session();
  await assert.rejects(client.get('/api/v1/procedures'), (e) => {
    expired = e instanceof SessionExpiredError && e.status === 401 && e.code === 'unauthenticated';
    return expired;
  });
  assert.ok(expired);
  assert.equal(seen.length, 1);
  await assert.rejects(client.get('/api/v1/procedures'), (e) => !(e instanceof SessionExpiredError));
  off();
});

test('errors: the error body, a synthesised one for a non-JSON answer, and network failures', async () => {
  const { fetch } = fakeFetch((s) =>
    s.url.includes('bad')
      ? new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })
      : json(409, {
          error: {
            status: 409,
            code: 'stale',
            message: { vi: 'Đã thay đổi', en: 'Changed' },
            issues: [{ pointer: '/x', code: 'c', message: { vi: 'v', en: 'e' } }],
          },
        }),
  );
  const client = createClient({ baseUrl: 'http://x', fetch });
  await assert.rejects(
    client.get('/api/v1/procedures/{procedureCode}', { params: { procedureCode: 'p' } }),
    (e: ApiError) => e.status === 409 && e.code === 'stale' && e.issues[0]!.pointer === '/x',
  );
  await assert.rejects(
    client.get('/api/v1/procedures/{procedureCode}', { params: { procedureCode: 'bad' } }),
    (e: ApiError) => e.status === 502 && e.body.error.status === 502 && e.code === 'http_502',
  );
  const offline = createClient({
    baseUrl: 'http://x',
    fetch: () => Promise.reject(new TypeError('fetch failed')),
  });
  await assert.rejects(offline.get('/api/v1/health'), (e) => e instanceof NetworkError && !e.aborted);
});

test('multipart: JSON parts as text, files under their part names; raw() gives the Response', async () => {
  const { sent, fetch } = fakeFetch((s) =>
    s.method === 'GET' ? new Response('%PDF-1.7', { headers: { 'content-type': 'application/pdf' } }) : json(200, {}),
  );
  const client = createClient({ baseUrl: 'http://x', token: 'mct_abc', fetch });
  const pdf = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
  await client.post('/api/v1/dossiers/{dossierCode}/actions/with-files', {
    params: { dossierCode: 'D-1' },
    multipart: { action: { kind: 'approve', lockVersion: 3 }, files: { 'files.result': pdf } },
  });
  const form = sent[0]!.body as FormData;
  assert.deepEqual(JSON.parse(String(form.get('action'))), { kind: 'approve', lockVersion: 3 });
  assert.equal((form.get('files.result') as Blob).size, pdf.size);
  assert.equal(sent[0]!.headers.Authorization, 'Bearer mct_abc');
  assert.equal(sent[0]!.headers['Content-Type'], undefined, 'fetch sets the multipart boundary itself');
  const res = await client.raw<'get', '/api/v1/dossiers/{dossierCode}/slips/{fileId}'>(
    'get',
    '/api/v1/dossiers/{dossierCode}/slips/{fileId}',
    {
      params: { dossierCode: 'D-1', fileId: 'f' },
    },
  );
  assert.equal(await res.text(), '%PDF-1.7');
});

// Types: paths are checked against the contract, inputs and answers typed from it (tsc checks these).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const typeChecks: [
  Equal<Result<RouteAt<'get', '/api/v1/public/procedures/{procedureCode}'>>, PublicProcedure>,
  Equal<Result<RouteAt<'get', '/api/v1/public/dossiers/{dossierCode}'>>, TrackingView>,
  Equal<Result<RouteAt<'post', '/api/v1/dossiers/{dossierCode}/actions'>>, ActionOutcome>,
  Equal<'/api/v1/auth/login' extends PathOf<'post'> ? true : false, true>,
  Equal<'/api/v1/auth/login' extends PathOf<'get'> ? true : false, false>,
] = [true, true, true, true, true];
void typeChecks;

// A payment needs its amount; an approval takes no parameters.
type ActionBody = RequestOptions<RouteAt<'post', '/api/v1/dossiers/{dossierCode}/actions'>>['body'];
const paid: ActionBody = { kind: 'payment_recorded', params: { amount: 8000 } };
const approved: ActionBody = { kind: 'approve' };
// @ts-expect-error params.amount is required for payment_recorded
const unpaid: ActionBody = { kind: 'payment_recorded' };
void [paid, approved, unpaid];

export function unusedPathCheck(client: ReturnType<typeof createClient>) {
  // @ts-expect-error not a path of the contract
  void client.get('/api/v1/no-such-route');
}
