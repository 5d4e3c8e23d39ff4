import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from '../working-time/index.ts';
import { dossierPlan, play } from '../workflow/testing/simulate.ts';
import {
  COUNT_DAYS,
  DASHBOARD_COUNTS,
  MEASURE_BITS,
  countDay,
  countDossier,
  dashboardFacts,
  dashboardMeasures,
  emptyCounts,
  type DashboardCounts,
  type DashboardFacts,
} from './dashboard.ts';
import { indexEventFlags } from './service-index.ts';
import type { Period } from './period.ts';

const period = fc
  .record({ start: fc.integer({ min: -10, max: 370 }), length: fc.integer({ min: 0, max: 120 }) })
  .map(({ start, length }): Period => {
    const from = addDays('2026-01-01', start);
    return { from, to: addDays(from, length) };
  });

/** The dashboard facts of a random history (null when it was never accepted). */
const facts = dossierPlan(30).map((plan) => {
  const p = play(plan);
  return p.state ? dashboardFacts(p.state, p.ctx.procedure.field.code, 'p', indexEventFlags(p.events)) : null;
});

const inside = (day: string | null, p: Period) => day !== null && day >= p.from && day <= p.to;

/**
 * The definitions as the module's README states them, written out independently of the measures:
 * shares by acceptance day; Biểu 06's classes and the mean by resolution day; the national index by
 * the end day (at most one supplement request, finished by the due instant).
 */
function expected(f: DashboardFacts, p: Period): DashboardCounts {
  const c = emptyCounts();
  const x = f.index;
  if (inside(f.acceptedDay, p)) {
    c.accepted = 1;
    c.online = x.channel === 'online' ? 1 : 0;
    c.digitised = x.digitised ? 1 : 0;
    c.paid = x.paid ? 1 : 0;
    c.paidOnline = x.paidOnline ? 1 : 0;
  }
  if (f.resolved && inside(f.resolved.day, p)) {
    c.resolved = 1;
    c.early = f.resolved.class === 'early' ? 1 : 0;
    c.onTime = f.resolved.class === 'on-time' ? 1 : 0;
    c.late = f.resolved.class === 'late' ? 1 : 0;
    c.processingMs = f.resolved.at - x.acceptedAt;
    c.electronicResult = x.electronicResult ? 1 : 0;
  }
  if (x.finishedAt !== null && inside(f.finishedDay, p)) {
    c.finished = 1;
    c.supplementOnce = x.supplementRequests <= 1 ? 1 : 0;
    c.indexOnTime = x.supplementRequests <= 1 && x.finishedAt <= x.dueAt ? 1 : 0;
  }
  return c;
}

test('the measures of random histories say what countDossier counts, in every period', () => {
  let accepted = 0;
  const seen = new Set<string>();
  fc.assert(
    fc.property(facts, period, (f, p) => {
      if (f === null) return;
      accepted++;
      const m = dashboardMeasures(f);
      const counted = emptyCounts();
      countDossier(counted, f, p);
      assert.deepEqual(counted, expected(f, p));
      for (const k of DASHBOARD_COUNTS) {
        const on = (m & MEASURE_BITS[k]) !== 0;
        if (on) seen.add(k);
        const day = countDay(f, COUNT_DAYS[k]);
        // A measure of the dossier is counted exactly in the periods holding its day.
        if (on) assert.notEqual(day, null, `${k} has its day`);
        if (k !== 'processingMs') assert.equal(counted[k], on && inside(day, p) ? 1 : 0, k);
        if (day === null) continue;
        // On the measure's own day (whatever the random period), the rules count it iff its bit is on.
        const own = { from: day, to: day };
        const ownCounts = emptyCounts();
        countDossier(ownCounts, f, own);
        assert.deepEqual(ownCounts, expected(f, own), `${k}: its own day`);
        if (k !== 'processingMs') assert.equal(expected(f, own)[k], on ? 1 : 0, `${k} on its own day`);
      }
      assert.equal(m & ~(2 ** DASHBOARD_COUNTS.length - 1), 0, 'no bit beyond the counts');
    }),
    { numRuns: 1000 },
  );
  assert.ok(accepted > 300, `enough accepted histories (${accepted})`);
  for (const k of DASHBOARD_COUNTS) assert.ok(seen.has(k), `some history counts toward ${k}`);
});

test('the bits follow DASHBOARD_COUNTS’ order, one each', () => {
  assert.deepEqual(
    DASHBOARD_COUNTS.map((k) => MEASURE_BITS[k]),
    DASHBOARD_COUNTS.map((_, i) => 2 ** i),
  );
  assert.deepEqual(Object.keys(COUNT_DAYS).sort(), [...DASHBOARD_COUNTS].sort());
});
