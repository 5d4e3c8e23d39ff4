import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCalendarDate, shownDate, typedDate } from './day-month-year.ts';

test('dates are shown and typed day first, stored as YYYY-MM-DD', () => {
  assert.equal(shownDate('2026-07-01'), '01/07/2026');
  assert.equal(shownDate('not a date'), 'not a date');
  assert.equal(typedDate('1/7/2026'), '2026-07-01');
  assert.equal(typedDate(' 01-07-2026 '), '2026-07-01');
  assert.equal(typedDate('01.07.2026'), '2026-07-01');
  assert.equal(typedDate('2026-07-01'), '2026-07-01');
  // No guessing: a two-digit year, an impossible day, or words stay as typed.
  assert.equal(typedDate('01/07/26'), '01/07/26');
  assert.equal(typedDate('31/02/2026'), '31/02/2026');
  assert.equal(typedDate('hôm nay'), 'hôm nay');
  assert.ok(isCalendarDate(typedDate('29/02/2028')));
  assert.ok(!isCalendarDate(typedDate('29/02/2027')));
});
