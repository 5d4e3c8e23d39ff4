import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareApp } from '../../../../test/support/fake-context.ts';
import { openCors, publicCors } from './cors.ts';

test('the public API answers CORS only for configured origins', async () => {
  const a = bareApp();
  a.use('/p/*', publicCors(['https://dichvucong.example.gov.vn']));
  a.post('/p/x', (c) => c.text('ok'));
  const pre = await a.request('/p/x', {
    method: 'OPTIONS',
    headers: {
      origin: 'https://dichvucong.example.gov.vn',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'idempotency-key, content-type',
    },
  });
  assert.equal(pre.headers.get('access-control-allow-origin'), 'https://dichvucong.example.gov.vn');
  assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
  const other = await a.request('/p/x', {
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
  });
  assert.equal(other.headers.get('access-control-allow-origin'), null);
});

test('"*" allows any origin; open CORS is for static modules', async () => {
  const a = bareApp();
  a.use('/p/*', publicCors(['*']));
  a.use('/s/*', openCors());
  a.get('/p/x', (c) => c.text('ok'));
  a.get('/s/x', (c) => c.text('ok'));
  assert.equal(
    (await a.request('/p/x', { headers: { origin: 'https://any.example' } })).headers.get(
      'access-control-allow-origin',
    ),
    '*',
  );
  assert.equal(
    (await a.request('/s/x', { headers: { origin: 'https://any.example' } })).headers.get(
      'access-control-allow-origin',
    ),
    '*',
  );
});

test('the same headers and status as Hono\u2019s own cors middleware, for every kind of request', async () => {
  const { cors: honoCors } = await import('hono/cors');
  const { errorHandler } = await import('../error-handler/error-handler.ts');
  const { errors } = await import('../../errors.ts');
  const allowed = 'https://dichvucong.example.gov.vn';
  const configs = [
    {
      ours: publicCors([allowed, 'https://b.example']),
      theirs: honoCors({
        origin: (o) => ([allowed, 'https://b.example'].includes(o) ? o : null),
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        allowHeaders: ['Content-Type', 'Idempotency-Key', 'X-Tracking-Secret', 'Accept-Language'],
        exposeHeaders: ['X-Request-Id', 'Retry-After'],
        maxAge: 600,
      }),
    },
    {
      ours: publicCors(['*']),
      theirs: honoCors({
        origin: '*',
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        allowHeaders: ['Content-Type', 'Idempotency-Key', 'X-Tracking-Secret', 'Accept-Language'],
        exposeHeaders: ['X-Request-Id', 'Retry-After'],
        maxAge: 600,
      }),
    },
    { ours: openCors(), theirs: honoCors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], maxAge: 86400 }) },
  ];
  const app = (mw: (typeof configs)[number]['ours']) => {
    const a = bareApp();
    a.onError(errorHandler);
    a.use('*', mw);
    a.get('/x', (c) => {
      c.header('X-Own', 'kept');
      return c.json({ ok: true });
    });
    a.post('/x', (c) => c.body('made', 201, { 'X-Own': 'kept' }));
    a.get('/fail', () => {
      throw errors.badRequest('nope', { vi: 'không', en: 'no' });
    });
    return a;
  };
  const requests: [string, RequestInit][] = [];
  for (const origin of [allowed, 'https://evil.example', undefined]) {
    const o: Record<string, string> = origin ? { origin } : {};
    requests.push(['/x', { headers: o }], ['/x', { method: 'POST', headers: o, body: 'a' }], ['/fail', { headers: o }]);
    requests.push([
      '/x',
      {
        method: 'OPTIONS',
        headers: {
          ...o,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'idempotency-key, content-type',
        },
      },
    ]);
    requests.push(['/x', { method: 'OPTIONS', headers: { ...o, 'access-control-request-method': 'GET' } }]);
  }
  const dump = async (r: Response) => ({
    status: r.status,
    headers: [...r.headers].filter(([k]) => k !== 'content-length').sort(),
    body: await r.text(),
  });
  for (const { ours, theirs } of configs) {
    for (const [path, init] of requests) {
      assert.deepEqual(
        await dump(await app(ours).request(path, init)),
        await dump(await app(theirs).request(path, init)),
        `${init.method ?? 'GET'} ${path} ${JSON.stringify(init.headers)}`,
      );
    }
  }
});
