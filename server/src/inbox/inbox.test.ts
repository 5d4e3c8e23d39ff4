import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  addWorkingMinutes,
  isOverdue,
  openPause,
  supplementExpired,
  workingDayMinutes,
  type DossierState,
} from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { doAction, onlineBirth, postAction, staffOf, type Staff } from '../../test/support/cases.ts';
import { generator, randomDossiers, writeDossiers, type GeneratedDossier } from '../../test/support/histories.ts';
import { foldText } from '../dossiers/fold.ts';
import { sql } from 'drizzle-orm';
import { execute } from '../db/client.ts';

const AGENCY = '000.20.01.H56';
const NOW = Date.parse('2026-03-02T09:00:00+07:00');

interface Item {
  code: string;
  status: number;
  overdue: boolean;
  dueAt: string | null;
  location: { agency: string; role: string; assignee: string | null };
  applicant: { name: string };
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

const queueAt = (s: DossierState) => s.dueAt ?? s.submittedAt;
const byQueue = (a: GeneratedDossier, b: GeneratedDossier) =>
  queueAt(a.state) - queueAt(b.state) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

forEachDatabase('inbox', (db) => {
  let server: TestServer;
  let list: GeneratedDossier[] = [];
  let reception: Staff, specialist: Staff, leaderAbove: Staff, viewer: Staff, other: Staff;

  /** Every page of a query, following the cursor. */
  async function all(who: Staff, query: string, limit = 7): Promise<Item[]> {
    const out: Item[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 500; guard++) {
      const res = await server.request(
        `/api/v1/agencies/${AGENCY}/inbox?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        { headers: { authorization: `Bearer ${who.token}` } },
      );
      assert.equal(res.status, 200, await res.clone().text());
      const page = await json<Page>(res);
      assert.ok(page.items.length <= limit, 'page size');
      out.push(...page.items);
      if (!page.nextCursor) return out;
      cursor = page.nextCursor;
    }
    throw new Error('too many pages');
  }

  // Before the tests: 400 dossiers with random histories over a month.
  before(async () => {
    server = await testServer(db(), { now: NOW });
    const g = await generator(server.ctx);
    list = randomDossiers(g, server.ctx, 400, 20260302, {
      start: NOW - 30 * 86_400_000,
      until: NOW,
      meanGapMs: 48 * 3600_000,
    });
    await writeDossiers(server.ctx, list);
    reception = await staffOf(server, 'reception.trung-tam');
    specialist = await staffOf(server, 'specialist.trung-tam');
    leaderAbove = await staffOf(server, 'leader.province');
    viewer = await staffOf(server, 'viewer.trung-tam');
    other = await staffOf(server, 'reception.bac-thanh');
    assert.ok(
      list.filter((d) => d.state.location.agency === AGENCY && !d.state.closed).length > 30,
      'enough open dossiers at the agency',
    );
  });

  test('each role\u2019s queue: open dossiers at the agency waiting for that role, by due time, every page without gaps or repeats', async () => {
    for (const [who, role] of [
      [reception, 'reception'],
      [specialist, 'specialist'],
    ] as const) {
      const expected = list
        .filter((d) => !d.state.closed && d.state.location.agency === AGENCY && d.state.location.role === role)
        .sort(byQueue)
        .map((d) => d.code);
      const got = await all(who, 'view=queue');
      assert.deepEqual(
        got.map((i) => i.code),
        expected,
        role,
      );
      assert.ok(expected.length >= 3, `${role}: ${expected.length}`);
    }
    const open = list
      .filter((d) => !d.state.closed && d.state.location.agency === AGENCY)
      .sort(byQueue)
      .map((d) => d.code);
    assert.deepEqual(
      (await all(leaderAbove, 'view=open', 11)).map((i) => i.code),
      open,
      'a leader above sees every open dossier',
    );
    assert.deepEqual(
      (await all(viewer, 'view=queue', 50)).map((i) => i.code),
      open,
      'a viewer (no queue role) sees every role\u2019s queue',
    );
  });

  test('filters: status, procedure, channel; overdue derived now exactly as core\u2019s isOverdue; due soon; paused', async () => {
    const mine = (d: GeneratedDossier) => !d.state.closed && d.state.location.agency === AGENCY;
    const check = async (query: string, pred: (d: GeneratedDossier) => boolean, min = 1) => {
      const expected = list
        .filter((d) => mine(d) && pred(d))
        .sort(byQueue)
        .map((d) => d.code);
      const got = await all(leaderAbove, `view=open&${query}`);
      assert.deepEqual(
        got.map((i) => i.code),
        expected,
        query,
      );
      assert.ok(expected.length >= min, `${query}: only ${expected.length}`);
      return got;
    };
    await check('status=2,4', (d) => [2, 4].includes(d.state.status));
    await check('procedure=1.013225', (d) => d.version.code === '1.013225');
    await check('channel=online', (d) => d.state.channel === 'online');
    const overdue = await check('due=overdue', (d) => isOverdue(d.state, NOW));
    assert.ok(
      overdue.every((i) => i.overdue),
      'each item says overdue',
    );
    const all_ = await all(leaderAbove, 'view=open', 100);
    for (const i of all_) assert.equal(i.overdue, isOverdue(list.find((d) => d.code === i.code)!.state, NOW), i.code);
    const cal = server.ctx.agencies.get().then((s) => s.calendarOf(AGENCY));
    const until = addWorkingMinutes(await cal, NOW, 2 * workingDayMinutes(await cal));
    await check(
      'due=soon&soonWorkingDays=2',
      (d) =>
        [2, 4, 5, 6].includes(d.state.status) &&
        openPause(d.state) === null &&
        d.state.dueAt !== null &&
        d.state.dueAt >= NOW &&
        d.state.dueAt <= until,
      0,
    );
    await check('due=paused', (d) => openPause(d.state) !== null);
    await check('due=supplement-expired', (d) => supplementExpired(d.state, NOW), 0);
  });

  test('search: accent-insensitive whole words of name, ID number or phone, or the start of a code', async () => {
    const target = list.find((d) => d.state.location.agency === AGENCY && !d.state.closed)!;
    const row = target.data as {
      requester?: { fullName: string; idNumber: string; phone: string };
      owner?: { fullName: string; idNumber: string; phone: string };
      investor?: { fullName: string; idNumber: string; phone: string };
    };
    const person = row.requester ?? row.owner ?? row.investor!;
    const words = (d: GeneratedDossier) => {
      const p = ((d.data as typeof row).requester ?? (d.data as typeof row).owner ?? (d.data as typeof row).investor)!;
      return new Set(foldText(`${p.fullName} ${p.idNumber} ${p.phone}`).split(' '));
    };
    const expectFor = (q: string) =>
      list
        .filter((d) => !d.state.closed && d.state.location.agency === AGENCY)
        .filter(
          (d) =>
            foldText(q)
              .split(' ')
              .every((w) => words(d).has(w)) || d.code.startsWith(q),
        )
        .sort(byQueue)
        .map((d) => d.code);
    const plain = foldText(person.fullName).replace(/\b\w/g, (c) => c.toUpperCase());
    for (const q of [
      plain,
      person.fullName.toUpperCase(),
      person.fullName.normalize('NFD'),
      person.idNumber,
      person.phone,
      target.code.slice(0, 20),
      foldText(person.fullName).split(' ').reverse().join(' '),
    ]) {
      const got = await all(leaderAbove, `view=open&q=${encodeURIComponent(q)}`);
      assert.deepEqual(
        got.map((i) => i.code),
        expectFor(q),
        `q=${q}`,
      );
      assert.ok(
        got.some((i) => i.code === target.code),
        `q=${q} finds ${person.fullName}`,
      );
    }
    const none = await all(leaderAbove, `view=open&q=${encodeURIComponent('Zzyzx')}`);
    assert.deepEqual(none, []);
    const wildcard = await all(leaderAbove, `view=open&q=${encodeURIComponent('%')}`);
    assert.deepEqual(wildcard, [], 'LIKE wildcards are literal');
  });

  test('"Nguyen Van An" finds "Nguyễn Văn An" (and "Đặng" is found as "dang"), through a real submission', async () => {
    const { code } = await onlineBirth(server, {
      requester: {
        fullName: 'Đặng Nguyễn Văn An',
        idNumber: '001090099999',
        relationship: 'cha',
        address: 'Số 1 đường Trần Phú',
        phone: '0987654321',
      },
    });
    for (const q of ['Nguyen Van An', 'dang an', 'ĐẶNG', '0987654321', '001090099999', code]) {
      const got = await all(reception, `q=${encodeURIComponent(q)}`);
      assert.ok(
        got.some((i) => i.code === code),
        `q=${q}`,
      );
    }
  });

  test('mine: the dossiers a staff member claimed; passed: every dossier that went through the agency, newest first', async () => {
    const { code } = await onlineBirth(server);
    await doAction(server, reception, code, { kind: 'accept' });
    await doAction(server, specialist, code, { kind: 'claim' });
    const mine = await all(specialist, 'view=mine');
    assert.deepEqual(
      mine.map((i) => i.code),
      [code],
    );
    const passed = await all(leaderAbove, 'view=passed', 25);
    const expected = list.filter((d) => visited(d).has(AGENCY));
    assert.ok(passed.length >= expected.length, 'passed view size');
    const codes = new Set(passed.map((i) => i.code));
    for (const d of expected) assert.ok(codes.has(d.code), d.code);
    assert.equal(codes.size, passed.length, 'no repeats across pages');
  });

  test('a supplement whose time limit passes shows so, and reception may then stop the dossier with a notice', async () => {
    const { code } = await onlineBirth(server);
    await doAction(server, reception, code, { kind: 'accept' });
    await doAction(server, reception, code, {
      kind: 'request_supplement',
      params: { items: [{ reason: 'Thiếu chữ ký' }], dueBy: NOW + 3600_000 },
    });
    const expired = async () => (await all(reception, 'view=open&due=supplement-expired')).map((i) => i.code);
    assert.ok(!(await expired()).includes(code), 'not yet');
    const early = await postAction(server, reception, code, { kind: 'stop', params: { reason: 'Quá hạn bổ sung' } });
    assert.equal(early.status, 403, 'before the time limit only a leader may stop');
    server.clock.set(NOW + 2 * 3600_000);
    try {
      assert.ok((await expired()).includes(code), 'listed once the time limit passed');
      const stopped = await doAction(server, reception, code, {
        kind: 'stop',
        params: { reason: 'Quá thời hạn bổ sung hồ sơ' },
      });
      assert.equal(stopped.dossier.status, 8);
      assert.deepEqual(stopped.slips.map((x) => `${x.kind}/${x.format}`).sort(), [
        'stop-notice/html',
        'stop-notice/pdf',
      ]);
      const handed = await doAction(server, reception, code, { kind: 'return_result' });
      assert.equal(handed.dossier.status, 8, 'the notice handed over closes the dossier');
      assert.ok(!(await expired()).includes(code));
    } finally {
      server.clock.set(NOW);
    }
  });

  test('access: another commune\u2019s staff are refused; a role not held is refused; a bad cursor is a 400', async () => {
    const res = await server.request(`/api/v1/agencies/${AGENCY}/inbox`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    assert.equal(res.status, 403);
    const role = await server.request(`/api/v1/agencies/${AGENCY}/inbox?role=leader`, {
      headers: { authorization: `Bearer ${reception.token}` },
    });
    assert.equal(role.status, 403);
    const bad = await server.request(`/api/v1/agencies/${AGENCY}/inbox?cursor=abc`, {
      headers: { authorization: `Bearer ${reception.token}` },
    });
    assert.equal(bad.status, 400);
  });

  test('a page of applicants\u2019 names and phones is a read of their personal data: each dossier shown is in the access log', async () => {
    const before = await execute<{ n: number }>(
      server.ctx.db,
      sql`select count(*)::int as n from access_log where operation = 'getInbox'`,
    );
    const page = await json<Page>(
      await server.request(`/api/v1/agencies/${AGENCY}/inbox?view=open&limit=9`, {
        headers: { authorization: `Bearer ${leaderAbove.token}` },
      }),
    );
    const logged = await execute<{ code: string }>(
      server.ctx.db,
      sql`select d.code from access_log l join dossiers d on d.id = l.dossier_id where l.operation = 'getInbox' order by l.id desc limit ${page.items.length}`,
    );
    assert.deepEqual(new Set(logged.map((r) => r.code)), new Set(page.items.map((i) => i.code)));
    const after = await execute<{ n: number }>(
      server.ctx.db,
      sql`select count(*)::int as n from access_log where operation = 'getInbox'`,
    );
    assert.equal(after[0]!.n - before[0]!.n, page.items.length);
  });

  after(() => server.dispose());
});

function visited(d: GeneratedDossier): Set<string> {
  const out = new Set<string>([d.state.receivingAgency]);
  for (const e of d.events) {
    const data = e.data as {
      location?: { agency: string };
      acceptance?: { location: { agency: string } } | null;
      move?: { location: { agency: string } } | null;
      back?: { location: { agency: string } } | null;
    };
    for (const l of [data.location, data.acceptance?.location, data.move?.location, data.back?.location])
      if (l) out.add(l.agency);
  }
  return out;
}
