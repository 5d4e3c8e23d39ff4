import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dashboardCounts, meanProcessingDays, monthsOf, percent, type DashboardFacts } from './dashboard.ts';
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
