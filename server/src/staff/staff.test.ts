import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { bearer, json, login, withBearer } from '../../test/support/http.ts';

forEachDatabase('staff API', (db) => {
  let server: TestServer;
  let communeAdmin: ReturnType<typeof withBearer>;
  before(async () => {
    server = await testServer(db());
    communeAdmin = withBearer(server, await bearer(server, 'admin.bac-thanh'));
  });

  test('an admin creates accounts with roles inside its subtree, never outside', async () => {
    const outside = await communeAdmin('POST', '/api/v1/agencies/000.20.02.H56/staff', {
      username: 'nv.bacthanh',
      fullName: 'Nguyễn Văn An',
      password: 'mot-mat-khau-dai',
      roles: [{ agency: '000.20.01.H56', role: 'reception' }],
    });
    assert.equal(outside.status, 403, 'a role at a sibling commune');
    const res = await communeAdmin('POST', '/api/v1/agencies/000.20.02.H56/staff', {
      username: 'NV.BacThanh',
      fullName: 'Nguyễn Văn An',
      phone: '0912 345 678',
      password: 'mot-mat-khau-dai',
      roles: [
        { agency: '000.20.02.H56', role: 'reception' },
        { agency: '000.20.02.H56', role: 'specialist' },
      ],
    });
    assert.equal(res.status, 201, await res.clone().text());
    const s = await json<{ id: string; username: string; roles: unknown[]; hasPassword: boolean }>(res);
    assert.equal(s.username, 'nv.bacthanh');
    assert.equal(s.roles.length, 2);
    assert.equal(s.hasPassword, true);
    await login(server, 'nv.bacthanh', 'mot-mat-khau-dai');
    const dup = await communeAdmin('POST', '/api/v1/agencies/000.20.02.H56/staff', {
      username: 'nv.bacthanh',
      fullName: 'X',
      roles: [],
    });
    assert.equal(dup.status, 409);
    const weak = await communeAdmin('POST', '/api/v1/agencies/000.20.02.H56/staff', {
      username: 'nv2',
      fullName: 'X',
      password: 'short',
      roles: [],
    });
    assert.equal(weak.status, 400);
    assert.equal(
      (await json<{ error: { issues: { pointer: string }[] } }>(weak)).error.issues[0]!.pointer,
      '/body/password',
    );
    const list = await json<{ items: { username: string }[] }>(
      await communeAdmin('GET', '/api/v1/agencies/000.20.02.H56/staff'),
    );
    assert.ok(list.items.some((i) => i.username === 'nv.bacthanh'));
    assert.equal((await communeAdmin('GET', '/api/v1/agencies/000.20.01.H56/staff')).status, 403);
    const roles = await communeAdmin('PUT', `/api/v1/staff/${s.id}/roles`, {
      roles: [{ agency: '000.20.02.H56', role: 'leader' }],
    });
    assert.equal(roles.status, 200);
    assert.deepEqual((await json<{ roles: unknown[] }>(roles)).roles, [{ agency: '000.20.02.H56', role: 'leader' }]);
  });

  test('staff read their own account; others need an admin of its subtree', async () => {
    const me = withBearer(server, await bearer(server, 'specialist.bac-thanh'));
    const who = await json<{ staff: { id: string } }>(await me('GET', '/api/v1/auth/session'));
    assert.equal((await me('GET', `/api/v1/staff/${who.staff.id}`)).status, 200);
    const other = await json<{ staff: { id: string } }>(
      await withBearer(server, await bearer(server, 'leader.bac-thanh'))('GET', '/api/v1/auth/session'),
    );
    assert.equal((await me('GET', `/api/v1/staff/${other.staff.id}`)).status, 403);
    assert.equal(
      (await me('PATCH', `/api/v1/staff/${who.staff.id}`, { fullName: 'Self edit' })).status,
      403,
      'editing is admin work',
    );
    const t = await me('POST', `/api/v1/staff/${who.staff.id}/tokens`, { name: 'laptop' });
    assert.equal(t.status, 201, 'an account creates its own tokens');
    assert.match((await json<{ token: string }>(t)).token, /^mct_/);
    assert.equal((await me('GET', '/api/v1/staff/00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await me('GET', '/api/v1/staff/not-a-uuid')).status, 404);
  });

  after(() => server.dispose());
});
