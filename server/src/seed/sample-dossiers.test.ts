import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import {
  DASHBOARD_COUNTS,
  dashboardCounts,
  dashboardFacts,
  indexEventFlags,
  isOverdue,
  localDate,
  type DashboardCounts,
  type DossierEvent,
} from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { staffOf } from '../../test/support/cases.ts';
import { execute } from '../db/client.ts';
import { verifyChains } from '../audit/verify.ts';
import { assertDailySumsRecount } from '../reports/testing/daily-recount.ts';
import { seedIfEmpty } from './seed.ts';
import { storedHistories, type StoredHistory } from '../../test/support/stored-histories.ts';

const ROOT = '000.00.00.H56';
const MAIN = '000.20.01.H56';
const DEPARTMENT = '000.00.11.H56';
const NOW = Date.parse('2026-12-04T10:00:00+07:00');
const COUNT = 80;

const counts = (n: DashboardCounts): DashboardCounts =>
  Object.fromEntries(DASHBOARD_COUNTS.map((k) => [k, n[k]])) as unknown as DashboardCounts;

type Queues = { stages: { queues: { id: string; count: number }[] }[] };

async function queueCounts(server: TestServer, username: string, agency: string): Promise<Record<string, number>> {
  const who = await staffOf(server, username);
  const res = await server.request(`/api/v1/agencies/${agency}/inbox/queues`, {
    headers: { authorization: `Bearer ${who.token}` },
  });
  assert.equal(res.status, 200, await res.clone().text());
  const body = await json<Queues>(res);
  return Object.fromEntries(body.stages.flatMap((s) => s.queues.map((q) => [q.id, q.count])));
}

/** What a clerk of the main commune finds on signing in: work in every queue of the daily round. */
async function assertDeskWork(server: TestServer, dossiers: StoredHistory[]): Promise<void> {
  const unit = await queueCounts(server, 'reception.trung-tam', MAIN);
  const mine = await queueCounts(server, 'specialist.trung-tam', MAIN);
  const department = await queueCounts(server, 'specialist.construction', DEPARTMENT);
  const want: [string, number | undefined][] = [
    ...[
      'new-online',
      'awaiting-payment',
      'refused',
      'supplement-requested',
      'supplement-received',
      'unit',
      'paused',
      'forwarded-out',
      'result-online',
      'result-counter',
      'result-postal',
      'due-soon',
      'overdue',
    ].map((q): [string, number | undefined] => [q, unit[q]]),
    ['mine', mine.mine],
    ['forwarded-in (department)', department['forwarded-in']],
  ];
  const empty = want.filter(([, n]) => !n).map(([q]) => q);
  assert.deepEqual(empty, [], `queues of ${MAIN}: ${JSON.stringify(unit)}`);
  // One came back from the department and waits at the commune.
  const back = dossiers.filter(
    (d) =>
      !d.state.closed &&
      d.state.location.agency === MAIN &&
      d.events.some((e) => e.kind === 'forward' && e.data.location.agency === DEPARTMENT),
  );
  assert.ok(back.length > 0, 'a dossier back from the department');
  // The open work is recent: nothing older than two months is left open at the main commune.
  const old = dossiers.filter(
    (d) => !d.state.closed && d.state.receivingAgency === MAIN && d.state.submittedAt < NOW - 60 * 86_400_000,
  );
  assert.deepEqual(
    old.map((d) => new Date(d.state.submittedAt).toISOString()),
    [],
  );
}

forEachDatabase('the demo’s sample dossiers', (db) => {
  test('the first seed plays a year of dossiers through the services; the dashboard shows core’s classification of them', async () => {
    const server = await testServer(db(), { now: NOW, seed: false, config: { demoSamples: COUNT } });
    try {
      const report = await seedIfEmpty(server.ctx);
      assert.ok(report?.samples, 'the sample was made');
      const dossiers = await storedHistories(server.ctx.db);
      assert.equal(dossiers.length, report.samples.dossiers);
      assert.ok(report.samples.dossiers >= COUNT * 0.9, `${report.samples.dossiers} of ${COUNT} dossiers`);
      assert.equal(
        dossiers.reduce((n, d) => n + d.events.length, 0),
        report.samples.events,
      );
      assert.equal(dossiers.filter((d) => !d.state.closed).length, report.samples.open);
      assert.equal(dossiers.filter((d) => isOverdue(d.state, NOW)).length, report.samples.overdue);

      // Spread over the past twelve months, every channel and procedure, and the ways a dossier goes.
      const months = new Set(dossiers.map((d) => localDate(d.state.submittedAt, 'Asia/Ho_Chi_Minh').slice(0, 7)));
      assert.ok(months.size >= 10, `${months.size} months`);
      assert.ok(dossiers.every((d) => d.state.submittedAt <= NOW && d.state.submittedAt > NOW - 366 * 86_400_000));
      assert.deepEqual(new Set(dossiers.map((d) => d.state.channel)), new Set(['online', 'direct', 'postal']));
      assert.deepEqual(new Set(dossiers.map((d) => d.procedure)), new Set(['1.001193', '1.001612', '1.013225']));
      const kinds = new Set(dossiers.flatMap((d) => d.events.map((e) => e.kind)));
      for (const k of ['accept', 'refuse', 'request_supplement', 'supplement_provided', 'approve', 'deny'])
        assert.ok(kinds.has(k as DossierEvent['kind']), `some ${k}`);
      for (const k of ['payment_recorded', 'return_result', 'forward', 'send_external'])
        assert.ok(kinds.has(k as DossierEvent['kind']), `some ${k}`);
      assert.ok(
        dossiers.some((d) => d.state.status === 10),
        'some results handed over',
      );
      assert.ok(report.samples.open > 0, 'some still in the inboxes');

      const facts = dossiers.flatMap((d) => {
        const f = dashboardFacts(d.state, d.field, d.procedure, indexEventFlags(d.events));
        return f ? [f] : [];
      });
      const period = {
        from: localDate(NOW - 365 * 86_400_000, 'Asia/Ho_Chi_Minh'),
        to: localDate(NOW, 'Asia/Ho_Chi_Minh'),
      };
      const want = dashboardCounts(facts, period);
      assert.ok(want.resolved > 0 && want.late > 0 && want.early + want.onTime > 0, JSON.stringify(want));
      const leader = await staffOf(server, 'leader.province');
      const res = await server.request(
        `/api/v1/agencies/${ROOT}/reports/oversight?from=${period.from}&to=${period.to}`,
        { headers: { authorization: `Bearer ${leader.token}` } },
      );
      assert.equal(res.status, 200, await res.clone().text());
      const body = await json<{ totals: DashboardCounts; overdueInProgress: number }>(res);
      assert.deepEqual(counts(body.totals), want, 'the dashboard’s totals are core’s counts');
      assert.equal(body.overdueInProgress, dossiers.filter((d) => isOverdue(d.state, NOW)).length);
      await assertDailySumsRecount(server.ctx.db, 'daily sums of the sample');
      const audit = await verifyChains(server.ctx.db);
      assert.deepEqual(audit.broken, [], 'every hash chain verifies');
      assert.equal(audit.dossiers, dossiers.length);

      await assertDeskWork(server, dossiers);

      // Never again: a seeded database gets no second sample.
      assert.equal(await seedIfEmpty(server.ctx), null);
      const again = await execute<{ n: number }>(server.ctx.db, sql`select count(*)::int as n from dossiers`);
      assert.equal(again[0]!.n, dossiers.length);
    } finally {
      server.dispose();
    }
  });
});
