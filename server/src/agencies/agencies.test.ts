import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { bearer, json, withBearer } from '../../test/support/http.ts';

forEachDatabase('agencies API: tree, history, merges, calendars', (db) => {
  let server: TestServer;
  let province: ReturnType<typeof withBearer>;
  let communeAdmin: ReturnType<typeof withBearer>;
  before(async () => {
    server = await testServer(db());
    province = withBearer(server, await bearer(server, 'admin.province'));
    communeAdmin = withBearer(server, await bearer(server, 'admin.trung-tam'));
  });

  test('the tree is public and in parent-first order', async () => {
    const res = await server.request('/api/v1/agencies');
    assert.equal(res.status, 200);
    const items = (await json<{ items: { code: string; parent: string | null }[] }>(res)).items;
    const seen = new Set<string>();
    for (const a of items) {
      if (a.parent) assert.ok(seen.has(a.parent), `${a.code} after its parent`);
      seen.add(a.code);
    }
    const communes = await json<{ items: unknown[] }>(await server.request('/api/v1/agencies?kind=commune'));
    assert.equal(communes.items.length, 5);
    const one = await json<{ ancestors: string[]; children: string[] }>(
      await server.request('/api/v1/agencies/000.20.01.H56'),
    );
    assert.deepEqual(one.ancestors, ['000.00.00.H56']);
  });

  test('an admin manages its own subtree only', async () => {
    const child = {
      code: '000.20.01.01.H56',
      name: { vi: 'Tổ một cửa Phường Trung Tâm', en: 'Trung Tam one-stop desk' },
      kind: 'commune',
    };
    const created = await communeAdmin('POST', '/api/v1/agencies/000.20.01.H56/children', child);
    assert.equal(created.status, 201, await created.clone().text());
    const a = await json<{ parent: string; calendarId: string; timeZone: string }>(created);
    assert.equal(a.parent, '000.20.01.H56');
    assert.equal(a.calendarId, 'vn-civil-service', 'inherits the parent\u2019s calendar');
    assert.equal(a.timeZone, 'Asia/Ho_Chi_Minh');
    assert.equal((await communeAdmin('POST', '/api/v1/agencies/000.20.01.H56/children', child)).status, 409);
    // sibling, parent: forbidden
    assert.equal((await communeAdmin('PATCH', '/api/v1/agencies/000.20.02.H56', { reason: 'x' })).status, 403);
    assert.equal((await communeAdmin('PATCH', '/api/v1/agencies/000.00.00.H56', { reason: 'x' })).status, 403);
    // not an admin
    const reception = withBearer(server, await bearer(server, 'reception.trung-tam'));
    assert.equal((await reception('PATCH', '/api/v1/agencies/000.20.01.H56', { reason: 'x' })).status, 403);
    // anonymous
    const anon = await server.request('/api/v1/agencies/000.20.01.H56', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(anon.status, 401);
    // moving into a subtree the admin does not manage is refused
    assert.equal(
      (await communeAdmin('POST', '/api/v1/agencies/000.20.01.01.H56/move', { parent: '000.20.02.H56' })).status,
      403,
    );
  });

  test('renames keep the code and the old name in history; a move that makes a cycle is refused', async () => {
    const renamed = await province('PATCH', '/api/v1/agencies/000.20.03.H56', {
      name: { vi: 'Phường Đông Sơn', en: 'Dong Son Ward' },
      reason: 'Nghị quyết sắp xếp',
      revision: 1,
    });
    assert.equal(renamed.status, 200, await renamed.clone().text());
    const stale = await province('PATCH', '/api/v1/agencies/000.20.03.H56', { name: { vi: 'X' }, revision: 1 });
    assert.equal(stale.status, 409, 'a stale revision is a conflict');
    const history = await json<{
      items: { change: string; before: { name?: { vi: string } }; after: unknown; reason: string | null }[];
    }>(await server.request('/api/v1/agencies/000.20.03.H56/history'));
    const rename = history.items.find((h) => h.change === 'renamed')!;
    assert.equal(rename.before.name!.vi, 'Xã Đông Sơn');
    assert.equal(rename.reason, 'Nghị quyết sắp xếp');
    const cycle = await province('POST', '/api/v1/agencies/000.00.00.H56/move', { parent: '000.20.03.H56' });
    assert.equal(cycle.status, 422);
    assert.equal((await json<{ error: { code: string } }>(cycle)).error.code, 'agency_tree');
  });

  test('a merge deactivates the agency, names the successor, moves its children; the code stays readable', async () => {
    await province('POST', '/api/v1/agencies/000.20.05.H56/children', {
      code: '000.20.05.01.H56',
      name: { vi: 'Tổ tiếp nhận Nam Phong' },
      kind: 'commune',
    });
    const merged = await province('POST', '/api/v1/agencies/000.20.05.H56/merge', {
      into: '000.20.04.H56',
      reason: 'Sáp nhập đơn vị hành chính cấp xã',
    });
    assert.equal(merged.status, 200, await merged.clone().text());
    const m = await json<{ active: boolean; successor: string }>(merged);
    assert.equal(m.active, false);
    assert.equal(m.successor, '000.20.04.H56');
    const child = await json<{ parent: string }>(await server.request('/api/v1/agencies/000.20.05.01.H56'));
    assert.equal(child.parent, '000.20.04.H56');
    const active = await json<{ items: { code: string }[] }>(await server.request('/api/v1/agencies?active=true'));
    assert.ok(!active.items.some((a) => a.code === '000.20.05.H56'));
    const snap = await server.ctx.agencies.get();
    assert.ok(snap.all.get('000.20.05.H56'), 'the old code remains in the full tree');
    assert.ok(!snap.active.get('000.20.05.H56'), 'but new dossiers cannot use it');
    assert.equal(
      (await province('POST', '/api/v1/agencies/000.20.05.H56/merge', { into: '000.20.04.H56', reason: 'again' }))
        .status,
      409,
    );
  });

  test('calendars are validated by core with pointers into the body', async () => {
    const bad = await province('PUT', '/api/v1/calendars/vn-civil-service', {
      calendar: {
        timeZone: 'Mars/Base',
        workingHours: [['07:00', '11:30']],
        weekend: [0, 6],
        holidays: [],
        extraWorkingDays: [],
      },
    });
    assert.equal(bad.status, 400);
    const issues = (await json<{ error: { issues: { pointer: string }[] } }>(bad)).error.issues;
    assert.ok(
      issues.some((i) => i.pointer === '/body/calendar/timeZone'),
      JSON.stringify(issues),
    );
    const cal = await json<{ calendar: Record<string, unknown>; revision: number }>(
      await server.request('/api/v1/calendars/vn-civil-service'),
    );
    assert.equal(
      (await communeAdmin('PUT', '/api/v1/calendars/vn-civil-service', { calendar: cal.calendar })).status,
      403,
      'owned by the province',
    );
    const ok = await province('PUT', '/api/v1/calendars/vn-civil-service', {
      calendar: cal.calendar,
      revision: cal.revision,
    });
    assert.equal(ok.status, 200, await ok.clone().text());
    const own = await communeAdmin('POST', '/api/v1/agencies/000.20.01.H56/calendars', {
      id: 'trung-tam-saturday',
      name: { vi: 'Lịch có sáng thứ Bảy' },
      calendar: { ...cal.calendar, weekend: [0], weekdayHours: { '6': [['07:30', '11:30']] } },
    });
    assert.equal(own.status, 201, await own.clone().text());
    assert.equal(
      (await communeAdmin('PATCH', '/api/v1/agencies/000.20.01.H56', { calendarId: 'trung-tam-saturday' })).status,
      200,
    );
    const snap = await server.ctx.agencies.get();
    assert.deepEqual(snap.calendarOf('000.20.01.H56').weekend, [0]);
    const sibling = await province('PATCH', '/api/v1/agencies/000.20.03.H56', { calendarId: 'trung-tam-saturday' });
    assert.equal(sibling.status, 400, 'another commune\u2019s calendar is not shared with this one');
    const refused = (await json<{ error: { issues: { pointer: string; code: string }[] } }>(sibling)).error.issues;
    assert.deepEqual(
      refused.map((i) => [i.pointer, i.code]),
      [['/body/calendarId', 'calendar-not-shared']],
    );
    const child = await communeAdmin('POST', '/api/v1/agencies/000.20.01.H56/children', {
      code: '000.20.01.02.H56',
      name: { vi: 'Tổ hai', en: 'Desk two' },
      kind: 'commune',
      calendarId: 'trung-tam-saturday',
    });
    assert.equal(child.status, 201, `shared downward: ${await child.clone().text()}`);
  });

  after(() => server.dispose());
});
