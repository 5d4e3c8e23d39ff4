import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import {
  DASHBOARD_COUNTS,
  dashboardCounts,
  dashboardFacts,
  dashboardMeasures,
  indexEventFlags,
  isOverdue,
  monthsOf,
  replay,
  type DashboardCounts,
  type DashboardFacts,
  type DossierEvent,
  type DossierState,
  type Period,
} from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { doAction, doActionWithFiles, onlineBirth, resultPdf, staffOf, type Staff } from '../../test/support/cases.ts';
import { COMMUNES, generator, randomDossiers, writeDossiers } from '../../test/support/histories.ts';
import { execute } from '../db/client.ts';
import { assertDailySumsRecount } from './testing/daily-recount.ts';
import { storedHistories, type StoredHistory } from '../../test/support/stored-histories.ts';

const ROOT = '000.00.00.H56';
const COMMUNE = '000.20.03.H56';
const START = Date.parse('2025-10-01T00:00:00+07:00');
const NOW = Date.parse('2026-03-31T17:00:00+07:00');
const COUNT = Number(process.env.MOTCUA_DASHBOARD_TEST_DOSSIERS ?? 3_000);

interface Numbers extends DashboardCounts {
  earlyOrOnTimePercent: number | null;
}
interface Dashboard {
  totals: Numbers;
  overdueInProgress: number;
  trend: { month: string; values: Numbers }[];
  ranking: { agency: string; values: Numbers; overdueInProgress: number }[];
  serviceIndex: Record<string, { numerator: number; denominator: number }>;
  satisfaction: { ratings: number; dissatisfied: number; index: number | null };
}

const counts = (n: DashboardCounts): DashboardCounts =>
  Object.fromEntries(DASHBOARD_COUNTS.map((k) => [k, n[k]])) as unknown as DashboardCounts;

interface Known {
  facts: DashboardFacts;
  state: DossierState;
}

forEachDatabase('the oversight dashboard', (db) => {
  let server: TestServer;
  let leader: Staff, communeLeader: Staff, communeSpecialist: Staff;
  let known: Known[] = [];
  let states: StoredHistory[] = [];

  // Before the tests: COUNT dossiers with random histories over six months, and core's view of them.
  before(async () => {
    server = await testServer(db(), { now: NOW });
    const g = await generator(server.ctx);
    const list = randomDossiers(g, server.ctx, COUNT, 11042026, { start: START, until: NOW, meanGapMs: 40 * 3600_000 });
    await writeDossiers(server.ctx, list);
    leader = await staffOf(server, 'leader.province');
    communeLeader = await staffOf(server, 'leader.trung-tam');
    communeSpecialist = await staffOf(server, 'specialist.trung-tam');
    states = await storedHistories(server.ctx.db);
    known = states.flatMap((x) => {
      const facts = dashboardFacts(x.state, x.field, x.procedure, indexEventFlags(x.events));
      return facts ? [{ facts, state: x.state }] : [];
    });
    assert.ok(known.length > COUNT * 0.6, `${known.length} accepted`);
    assert.ok(
      known.some((k) => k.facts.resolved?.class === 'late') && known.some((k) => k.facts.index.paidOnline),
      'varied histories',
    );
  });
  after(() => server.dispose());

  const ask = async (who: Staff, agency: string, q: string) => {
    const res = await server.request(`/api/v1/agencies/${agency}/reports/oversight?${q}`, {
      headers: { authorization: `Bearer ${who.token}` },
    });
    return res;
  };

  const PERIODS: Period[] = [
    { from: '2025-10-01', to: '2026-03-31' },
    { from: '2026-01-01', to: '2026-01-31' },
    { from: '2025-12-15', to: '2026-02-10' },
    { from: '2026-02-17', to: '2026-02-17' },
  ];
  const FILTERS: { q: string; keep: (f: DashboardFacts) => boolean }[] = [
    { q: '', keep: () => true },
    { q: '&channel=online', keep: (f) => f.index.channel === 'online' },
    { q: '&procedure=1.001193', keep: (f) => f.procedure === '1.001193' },
    { q: '&field=ho-tich', keep: (f) => f.index.field === 'ho-tich' },
  ];

  test('every number equals core’s classification of the same dossiers (periods, filters, months, agencies)', async () => {
    const snap = await server.ctx.agencies.get();
    const subtree = new Set(snap.all.subtree(ROOT).map((a) => a.code));
    let checked = 0;
    for (const period of PERIODS) {
      for (const { q, keep } of FILTERS) {
        const res = await ask(leader, ROOT, `from=${period.from}&to=${period.to}${q}`);
        assert.equal(res.status, 200, await res.clone().text());
        const body = await json<Dashboard>(res);
        const mine = known.filter((k) => subtree.has(k.facts.index.agency) && keep(k.facts));
        const want = dashboardCounts(
          mine.map((k) => k.facts),
          period,
        );
        assert.deepEqual(counts(body.totals), want, `totals ${period.from}…${period.to}${q}`);
        if (period === PERIODS[0])
          assert.ok(want.accepted > 0 && want.resolved > 0 && want.finished > 0, `some dossiers${q}`);
        for (const m of monthsOf(period)) {
          const got = body.trend.find((t) => t.month === m.from.slice(0, 7))!;
          assert.deepEqual(
            counts(got.values),
            dashboardCounts(
              mine.map((k) => k.facts),
              m,
            ),
            `month ${m.from}${q}`,
          );
        }
        for (const r of body.ranking) {
          const own = mine.filter((k) => k.facts.index.agency === r.agency);
          assert.deepEqual(
            counts(r.values),
            dashboardCounts(
              own.map((k) => k.facts),
              period,
            ),
            `${r.agency} ${period.from}${q}`,
          );
          assert.equal(r.overdueInProgress, own.filter((k) => isOverdue(k.state, NOW)).length, `overdue ${r.agency}`);
          checked++;
        }
        assert.equal(body.overdueInProgress, mine.filter((k) => isOverdue(k.state, NOW)).length);
        assert.equal(body.serviceIndex.onTime!.numerator, want.indexOnTime);
        assert.equal(body.serviceIndex.onTime!.denominator, want.finished);
        assert.equal(body.serviceIndex.onlinePayment!.numerator, want.paidOnline);
      }
    }
    assert.ok(checked > 20, `${checked} agency rows checked`);
    const ranked = (await json<Dashboard>(await ask(leader, ROOT, 'from=2025-10-01&to=2026-03-31'))).ranking;
    const rates = ranked.map((r) => r.values.earlyOrOnTimePercent ?? -1);
    assert.deepEqual(
      rates,
      [...rates].sort((a, b) => b - a),
      'best share first',
    );
    assert.ok(
      states.some((s) => s.state.acceptedAt === null),
      'dossiers never accepted are in the log and counted nowhere',
    );
  });

  test('satisfaction without a single rating is no figure, however many dossiers finished', async () => {
    const rated = await execute<{ n: number }>(server.ctx.db, sql`select count(*)::int as n from satisfaction_ratings`);
    assert.equal(rated[0]!.n, 0, 'the random histories carry no rating');
    const body = await json<Dashboard>(await ask(leader, ROOT, 'from=2025-10-01&to=2026-03-31'));
    assert.ok(body.serviceIndex.onTime!.denominator > 0, 'dossiers finished in the period');
    assert.deepEqual(body.satisfaction, { ratings: 0, dissatisfied: 0, index: null });
  });

  test('a level filter keeps only agencies of that kind; a commune sees itself only', async () => {
    const communes = await json<Dashboard>(await ask(leader, ROOT, 'from=2025-10-01&to=2026-03-31&level=commune'));
    assert.ok(communes.ranking.length > 0);
    for (const r of communes.ranking)
      assert.ok(COMMUNES.includes(r.agency) || r.agency.startsWith('000.20.'), r.agency);
    const own = await ask(communeLeader, '000.20.01.H56', 'from=2025-10-01&to=2026-03-31');
    assert.equal(own.status, 200);
    assert.deepEqual(
      (await json<Dashboard>(own)).ranking.map((r) => r.agency),
      ['000.20.01.H56'],
    );
    assert.equal((await ask(communeLeader, ROOT, 'from=2025-10-01&to=2026-03-31')).status, 403);
    assert.equal((await ask(communeLeader, COMMUNE, 'from=2025-10-01&to=2026-03-31')).status, 403, 'another commune');
    assert.equal(
      (await ask(communeSpecialist, '000.20.01.H56', 'from=2025-10-01&to=2026-03-31')).status,
      200,
      'case staff see their own agency',
    );
  });

  test('bad filters: 400 with the field path in Vietnamese and English', async () => {
    const bad = await ask(leader, ROOT, 'from=2026-03-31&to=2026-01-01');
    assert.equal(bad.status, 400);
    const body = await json<{ error: { issues: { pointer: string; message: { vi: string; en: string } }[] } }>(bad);
    assert.ok(body.error.issues.some((i) => i.pointer.startsWith('/query/')));
    assert.equal((await ask(leader, ROOT, 'from=2026-01-01&to=2026-01-31&channel=pigeon')).status, 400);
    assert.equal((await ask(leader, ROOT, 'from=2026-01-01&to=2026-01-31&level=galaxy')).status, 400);
  });

  test('facts kept through HTTP actions equal core’s facts of the log read back', async () => {
    server.clock.set(Date.parse('2026-03-31T09:00:00+07:00'));
    const reception = await staffOf(server, 'reception.trung-tam');
    const specialist = await staffOf(server, 'specialist.trung-tam');
    const { code } = await onlineBirth(server);
    await doAction(server, reception, code, { kind: 'accept' });
    await doAction(server, specialist, code, { kind: 'claim' });
    await doAction(server, specialist, code, { kind: 'forward' });
    const approved = await doActionWithFiles(server, communeLeader, code, { kind: 'approve' }, [resultPdf()]);
    assert.equal(approved.status, 200, await approved.clone().text());
    await doAction(server, reception, code, { kind: 'return_result' });
    const rows = await execute<{ event: DossierEvent; field: string; procedure: string; id: string }>(
      server.ctx.db,
      sql`select e.event, d.field_code as field, d.procedure_code as procedure, d.id from dossier_events e
          join dossiers d on d.id = e.dossier_id where d.code = ${code} order by e.seq`,
    );
    const events = rows.map((r) => r.event);
    const want = dashboardFacts(replay(events), rows[0]!.field, rows[0]!.procedure, indexEventFlags(events))!;
    const stored = await execute<{
      resolved_class: string;
      resolved_day: string;
      accepted_day: string;
      digitised: boolean;
      electronic_result: boolean;
      event_count: number;
      measures: number;
    }>(
      server.ctx.db,
      sql`select resolved_class, resolved_day::text, accepted_day::text, digitised, electronic_result, event_count, measures
          from dossier_facts where dossier_id = ${rows[0]!.id}`,
    );
    assert.deepEqual(stored, [
      {
        resolved_class: want.resolved!.class,
        resolved_day: want.resolved!.day,
        accepted_day: want.acceptedDay,
        digitised: want.index.digitised,
        electronic_result: want.index.electronicResult,
        event_count: events.length,
        measures: dashboardMeasures(want),
      },
    ]);
    // The daily sums followed every change of the facts (intake, then each action's correction).
    await assertDailySumsRecount(server.ctx.db, 'after the HTTP actions');
  });

  test('the daily sums of the random histories equal a recount of their facts', async () => {
    await assertDailySumsRecount(server.ctx.db, 'random histories');
  });
});
