import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { PREFERENCES_MAX_BYTES } from '@motcua/api';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { bearer, json, login, sessionHeaders, withBearer } from '../../test/support/http.ts';
import { execute } from '../db/client.ts';

const PATH = '/api/v1/me/preferences';
const filter = (name: string, over: Record<string, unknown> = {}) => ({
  name,
  queue: 'processing-mine',
  scope: 'personal',
  q: 'Nguyễn Văn An',
  ...over,
});

forEachDatabase('staff preferences', (db) => {
  let server: TestServer;
  let reception: ReturnType<typeof withBearer>;
  let specialist: ReturnType<typeof withBearer>;
  before(async () => {
    server = await testServer(db());
    reception = withBearer(server, await bearer(server, 'reception.trung-tam'));
    specialist = withBearer(server, await bearer(server, 'specialist.trung-tam'));
  });

  test('defaults until saved; saved whole, read back by their owner only', async () => {
    const first = await reception('GET', PATH);
    assert.equal(first.status, 200, await first.clone().text());
    assert.deepEqual(await json(first), { savedFilters: [], columns: null });

    const prefs = {
      savedFilters: [filter('Của tôi'), filter('Bưu chính', { channel: 'postal' })],
      columns: ['code', 'due'],
    };
    const put = await reception('PUT', PATH, prefs);
    assert.equal(put.status, 200, await put.clone().text());
    assert.deepEqual(await json(put), prefs);
    assert.deepEqual(await json(await reception('GET', PATH)), prefs);
    assert.deepEqual(await json(await specialist('GET', PATH)), { savedFilters: [], columns: null });

    const replaced = { savedFilters: [], columns: null };
    assert.equal((await reception('PUT', PATH, replaced)).status, 200);
    assert.deepEqual(await json(await reception('GET', PATH)), replaced, 'replaced whole');
    const rows = await execute<{ n: number }>(server.ctx.db, sql`select count(*)::int as n from staff_preferences`);
    assert.equal(rows[0]!.n, 1, 'one row per staff member');
  });

  test('a browser session saves them with its CSRF token, and is refused without', async () => {
    const s = await login(server, 'leader.trung-tam');
    const prefs = { savedFilters: [filter('Quá hạn')], columns: null };
    const put = await server.request(PATH, { method: 'PUT', headers: sessionHeaders(s), body: JSON.stringify(prefs) });
    assert.equal(put.status, 200, await put.clone().text());
    const noCsrf = await server.request(PATH, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: s.cookie },
      body: JSON.stringify(prefs),
    });
    assert.equal(noCsrf.status, 403);
    assert.equal((await server.request(PATH)).status, 401, 'nobody signed in');
  });

  test('bad preferences are refused with the field path, in Vietnamese and English, and nothing is stored', async () => {
    const before = await json(await specialist('GET', PATH));
    const cases: [unknown, number, string][] = [
      [{ savedFilters: [filter('a', { scope: 'everyone' })], columns: null }, 400, '/body/savedFilters/0/scope'],
      [{ savedFilters: [filter('  ')], columns: null }, 400, '/body/savedFilters/0/name'],
      [{ savedFilters: [], columns: ['code', 'code'] }, 400, '/body/columns'],
      [{ savedFilters: [], columns: null, scope: 'unit', theme: 'dark' }, 400, '/body'],
      [{ savedFilters: [filter('Một'), filter('Một')], columns: null }, 400, '/body/savedFilters/1/name'],
      [
        { savedFilters: Array.from({ length: 31 }, (_, i) => filter(`f${i}`)), columns: null },
        400,
        '/body/savedFilters',
      ],
    ];
    for (const [body, status, pointer] of cases) {
      const res = await specialist('PUT', PATH, body);
      assert.equal(res.status, status, JSON.stringify(body));
      const err = await json<{ error: { issues: { pointer: string; message: { vi: string; en: string } }[] } }>(res);
      const issue = err.error.issues.find((i) => i.pointer.startsWith(pointer));
      assert.ok(issue, `${pointer} in ${JSON.stringify(err.error.issues)}`);
      assert.ok(issue.message.vi && issue.message.en);
    }
    // Within every field's bounds, yet too large as a whole.
    const long = (i: number) =>
      filter(`Bộ lọc ${i} ${'x'.repeat(60)}`, { q: 'q'.repeat(200), procedure: 'p'.repeat(200) });
    const big = { savedFilters: Array.from({ length: 30 }, (_, i) => long(i)), columns: null };
    assert.ok(JSON.stringify(big).length > PREFERENCES_MAX_BYTES);
    const tooBig = await specialist('PUT', PATH, big);
    assert.equal(tooBig.status, 413);
    const err = await json<{ error: { issues: { pointer: string; message: { vi: string } }[] } }>(tooBig);
    assert.equal(err.error.issues[0]!.pointer, '/body');
    assert.match(err.error.issues[0]!.message.vi, /quá lớn/);
    assert.deepEqual(await json(await specialist('GET', PATH)), before, 'nothing stored');
  });

  after(() => server.dispose());
});
