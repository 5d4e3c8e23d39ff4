import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dashboardQuery, defaultPeriod, previousPeriod, searchOf, viewFromSearch } from './filters.ts';

const NOW = Date.parse('2026-03-17T20:00:00Z'); // 18/03/2026 in Vietnam

test('the default period is this month in Vietnam up to today', () => {
  assert.deepEqual(defaultPeriod(NOW), { from: '2026-03-01', to: '2026-03-18' });
  assert.deepEqual(viewFromSearch('', NOW), { from: '2026-03-01', to: '2026-03-18' });
});

test('a view survives the address: the same view back, keys in one order', () => {
  const view = {
    from: '2026-01-01',
    to: '2026-02-28',
    agency: '000.20.01.H56',
    level: 'commune',
    field: 'ho-tich',
    procedure: '1.001193',
    channel: 'online' as const,
    measure: 'late' as const,
    unit: '000.20.01.H56',
  };
  const search = searchOf(view);
  assert.equal(
    search,
    '?from=2026-01-01&to=2026-02-28&agency=000.20.01.H56&level=commune&field=ho-tich&procedure=1.001193&channel=online&measure=late&unit=000.20.01.H56',
  );
  assert.deepEqual(viewFromSearch(search, NOW), view);
  assert.deepEqual(dashboardQuery(view), {
    from: '2026-01-01',
    to: '2026-02-28',
    level: 'commune',
    field: 'ho-tich',
    procedure: '1.001193',
    channel: 'online',
  });
});

test('malformed parts of an address are left out, a reversed period falls back to the default', () => {
  assert.deepEqual(viewFromSearch('?from=2026-02-01&to=2026-01-01&channel=pigeon&measure=all', NOW), {
    from: '2026-03-01',
    to: '2026-03-18',
  });
  assert.deepEqual(viewFromSearch('?from=01/02/2026&to=2026-03-01&field=%20', NOW), defaultPeriod(NOW));
});

test('the previous period has the same length and ends the day before', () => {
  assert.deepEqual(previousPeriod({ from: '2026-03-01', to: '2026-03-31' }), { from: '2026-01-29', to: '2026-02-28' });
  assert.deepEqual(previousPeriod({ from: '2026-03-18', to: '2026-03-18' }), { from: '2026-03-17', to: '2026-03-17' });
});
