import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addCounts,
  dailyCounts,
  dashboardCounts,
  emptyCounts,
  meanProcessingDays,
  monthsOf,
  percent,
  subtractCounts,
  type DashboardFacts,
} from './dashboard.ts';
import { RESOLVED_CLASSES } from '../working-time/index.ts';
import type { ServiceIndexFacts } from './service-index.ts';

const at = (s: string) => Date.parse(s);
const TZ = 'Asia/Ho_Chi_Minh';

function dossier(over: Partial<ServiceIndexFacts>, resolved: DashboardFacts['resolved'], finishedDay: string | null) {
  const index: ServiceIndexFacts = {
    agency: 'A',
    field: 'f',
    timeZone: TZ,
    channel: 'direct',
    acceptedAt: at('2026-03-02T09:00:00+07:00'),
    finishedAt: null,
    dueAt: at('2026-03-05T17:00:00+07:00'),
    supplementRequests: 0,
    paid: false,
    paidOnline: false,
    resolved: resolved !== null,
    electronicResult: false,
    digitised: false,
    ...over,
  };
  return { index, procedure: 'p', acceptedDay: '2026-03-02', finishedDay, resolved } satisfies DashboardFacts;
}

test('hand-computed: Biểu 06 classes by date, the index by instant, shares by acceptance', () => {
  // Due Thursday 17:00. One resolved on Thursday 18:00: Biểu 06 on time (same day), the index late.
  const a = dossier(
    { channel: 'online', digitised: true, finishedAt: at('2026-03-05T18:00:00+07:00'), paid: true, paidOnline: true },
    { at: at('2026-03-05T18:00:00+07:00'), day: '2026-03-05', class: 'on-time' },
    '2026-03-05',
  );
  // One resolved early on Wednesday after two supplement requests: Biểu 06 early, the index late.
  const b = dossier(
    { finishedAt: at('2026-03-04T10:00:00+07:00'), supplementRequests: 2, paid: true, electronicResult: true },
    { at: at('2026-03-04T10:00:00+07:00'), day: '2026-03-04', class: 'early' },
    '2026-03-04',
  );
  // One still open.
  const c = dossier({}, null, null);
  const n = dashboardCounts([a, b, c], { from: '2026-03-01', to: '2026-03-31' });
  assert.deepEqual(n, {
    accepted: 3,
    online: 1,
    digitised: 1,
    paid: 2,
    paidOnline: 1,
    resolved: 2,
    early: 1,
    onTime: 1,
    late: 0,
    processingMs: 3 * 86_400_000 + 9 * 3600_000 + (2 * 86_400_000 + 3600_000),
    electronicResult: 1,
    finished: 2,
    indexOnTime: 0,
    supplementOnce: 1,
  });
  assert.equal(meanProcessingDays(n), 2.71); // (3 d 9 h + 2 d 1 h) / 2 = 2 d 17 h
  assert.equal(percent(n.early + n.onTime, n.resolved), 100);
  assert.equal(percent(n.online, n.accepted), 33.33);
  // A period that ends on Wednesday sees only the early one resolved.
  const wed = dashboardCounts([a, b, c], { from: '2026-03-01', to: '2026-03-04' });
  assert.equal(wed.resolved, 1);
  assert.equal(wed.early, 1);
});

test('the months of a period, cut to it', () => {
  assert.deepEqual(monthsOf({ from: '2025-12-15', to: '2026-02-10' }), [
    { from: '2025-12-15', to: '2025-12-31' },
    { from: '2026-01-01', to: '2026-01-31' },
    { from: '2026-02-01', to: '2026-02-10' },
  ]);
  assert.deepEqual(monthsOf({ from: '2024-02-03', to: '2024-02-29' }), [{ from: '2024-02-03', to: '2024-02-29' }]);
});

const DAY0 = Date.parse('2026-01-01T00:00:00Z');
const dayAt = (n: number) => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10);

/** Random facts over 60 days: accepted on a day, perhaps finished and resolved on later ones. */
const arbFacts = fc
  .record({
    acc: fc.integer({ min: 0, max: 40 }),
    res: fc.option(fc.integer({ min: 0, max: 20 })),
    fin: fc.option(fc.integer({ min: 0, max: 20 })),
    cls: fc.constantFrom(...RESOLVED_CLASSES),
    online: fc.boolean(),
    digitised: fc.boolean(),
    paid: fc.boolean(),
    electronic: fc.boolean(),
    supplements: fc.integer({ min: 0, max: 3 }),
    dueDays: fc.integer({ min: 0, max: 15 }),
  })
  .map((r) => {
    const accAt = DAY0 + r.acc * 86_400_000 + 3 * 3600_000;
    const resolved =
      r.res === null ? null : { at: accAt + r.res * 86_400_000, day: dayAt(r.acc + r.res), class: r.cls };
    const finDay = r.fin === null ? null : r.acc + r.fin;
    const f = dossier(
      {
        channel: r.online ? 'online' : 'direct',
        acceptedAt: accAt,
        digitised: r.digitised,
        paid: r.paid,
        paidOnline: r.paid && r.online,
        electronicResult: r.electronic,
        supplementRequests: r.supplements,
        dueAt: accAt + r.dueDays * 86_400_000,
        finishedAt: finDay === null ? null : DAY0 + finDay * 86_400_000 + 5 * 3600_000,
      },
      resolved,
      finDay === null ? null : dayAt(finDay),
    );
    return { ...f, acceptedDay: dayAt(r.acc) };
  });

test('daily counts: any period’s counts are the sum of its days’ (so a store may sum days)', () => {
  fc.assert(
    fc.property(
      fc.array(arbFacts, { maxLength: 30 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }),
      (facts, a, b) => {
        const period = { from: dayAt(Math.min(a, b)), to: dayAt(Math.max(a, b)) };
        let summed = emptyCounts();
        for (const f of facts)
          for (const d of dailyCounts(f))
            if (d.day >= period.from && d.day <= period.to) summed = addCounts(summed, d.counts);
        assert.deepEqual(summed, dashboardCounts(facts, period));
        for (const f of facts) {
          const days = dailyCounts(f).map((d) => d.day);
          assert.deepEqual(days, [...new Set(days)].sort(), 'each day once, in order');
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('subtractCounts undoes addCounts', () => {
  const a = dossier({ channel: 'online' }, null, null);
  const b = dossier({ finishedAt: at('2026-03-04T10:00:00+07:00') }, null, '2026-03-04');
  const x = dashboardCounts([a], { from: '2026-03-01', to: '2026-03-31' });
  const y = dashboardCounts([a, b], { from: '2026-03-01', to: '2026-03-31' });
  assert.deepEqual(subtractCounts(addCounts(x, y), y), x);
  assert.equal(subtractCounts(x, y).finished, -1);
});
