// The browser tests' mock server serves only what the API contract (@motcua/api) allows: its
// answers are checked before they go out, and a body that drifts is refused with a 500.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mockServer } from '../test/support/mock-server.mjs';

interface FakeContext {
  url: string;
  method: string;
  state: Record<string, unknown>;
  origin: string;
  status: number;
  type: string;
  body: unknown;
  set(name: string, value: string): void;
  get(name: string): string;
}

async function serve(
  mw: ReturnType<typeof mockServer>,
  method: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<FakeContext> {
  const ctx: FakeContext = {
    url,
    method,
    state: {},
    origin: 'http://localhost:8000',
    status: 404,
    type: '',
    body: undefined,
    set() {},
    get: (name) => headers[name] ?? '',
  };
  await mw(ctx as never, async () => {});
  return ctx;
}

const TRACKED = '/mock/ok/api/v1/public/dossiers/000.20.01.H56-260301-0007';

test('the procedures, the validator module, a tracking view and the errors keep the contract', async () => {
  const mw = mockServer();
  for (const code of ['1.001193', '1.001612', '1.013225', '9.000001']) {
    const res = await serve(mw, 'GET', `/mock/ok/api/v1/public/procedures/${code}`);
    assert.equal(res.status, 200, `${code}: ${String(res.body)}`);
  }
  const module = await serve(mw, 'GET', '/mock/ok/api/v1/public/procedures/1.001193/versions/1/validators.js');
  assert.equal(module.status, 200, String(module.body));
  const tracked = await serve(mw, 'GET', TRACKED, { 'x-tracking-secret': 'bi-mat-7' });
  assert.equal(tracked.status, 200, String(tracked.body));
  assert.equal((await serve(mw, 'GET', TRACKED)).status, 404);
  assert.equal((await serve(mw, 'GET', '/mock/missing/api/v1/public/procedures/1.001193')).status, 404);
});

test('a body the contract does not allow is refused with 500, naming what breaks', async () => {
  const mw = mockServer();
  const original = JSON.stringify;
  // The tracking view without its procedure's version (the drift the contract was written to stop).
  JSON.stringify = ((value: unknown, ...rest: never[]) => {
    if (value && typeof value === 'object' && 'canSupplement' in value) {
      const { procedure, ...view } = value as unknown as { procedure: Record<string, unknown> };
      const { version: _version, ...withoutVersion } = procedure;
      return original({ ...view, procedure: withoutVersion }, ...rest);
    }
    return original(value, ...rest);
  }) as typeof JSON.stringify;
  try {
    const res = await serve(mw, 'GET', TRACKED, { 'x-tracking-secret': 'bi-mat-7' });
    assert.equal(res.status, 500);
    assert.match(String(res.body), /procedure.*version|version/);
  } finally {
    JSON.stringify = original;
  }
});
