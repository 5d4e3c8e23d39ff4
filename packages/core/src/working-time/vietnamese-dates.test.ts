import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatVnCalendarDate,
  formatVnDate,
  formatVnDateTime,
  formatVnDayMonthYear,
  formatVnLongDate,
  formatVnLongDateTime,
  VIETNAM_TIME_ZONE,
} from './vietnamese-dates.ts';

const at = (iso: string) => Date.parse(iso);
const VN = VIETNAM_TIME_ZONE;

test('instants print at the wall clock of the agency\u2019s zone, whatever the host zone', () => {
  assert.equal(formatVnDateTime(at('2025-09-30T18:30:00Z'), VN), '01/10/2025 01:30');
  assert.equal(formatVnDateTime(at('2025-10-01T08:30:00+07:00'), VN), '01/10/2025 08:30');
  assert.equal(formatVnDate(at('2025-12-31T17:00:00Z'), VN), '01/01/2026');
  assert.equal(formatVnDate(at('2025-12-31T16:59:59Z'), VN), '31/12/2025');
  // Another zone, with daylight saving: its own offset on each date.
  assert.equal(formatVnDateTime(at('2025-07-01T12:00:00Z'), 'Europe/Berlin'), '01/07/2025 14:00');
  assert.equal(formatVnDateTime(at('2025-01-01T12:00:00Z'), 'Europe/Berlin'), '01/01/2025 13:00');
});

test('the long forms pad days below 10 and the months 1 and 2 only (Decree 30/2020)', () => {
  assert.equal(formatVnLongDate(at('2025-02-05T03:00:00Z'), VN), 'ngày 05 tháng 02 năm 2025');
  assert.equal(formatVnLongDate(at('2025-03-05T03:00:00Z'), VN), 'ngày 05 tháng 3 năm 2025');
  assert.equal(formatVnDayMonthYear(at('2025-11-20T03:00:00Z'), VN), '20 tháng 11 năm 2025');
  assert.equal(formatVnDayMonthYear(at('2026-01-15T03:00:00Z'), VN), '15 tháng 01 năm 2026');
  assert.equal(formatVnLongDateTime(at('2025-10-06T09:05:00Z'), VN), '16 giờ 05 phút, ngày 06 tháng 10 năm 2025');
  assert.equal(formatVnLongDateTime(at('2025-02-28T17:00:00Z'), VN), '00 giờ 00 phút, ngày 01 tháng 3 năm 2025');
});

test('a calendar date prints as dd/MM/yyyy; what is not one is refused, not printed as NaN', () => {
  assert.equal(formatVnCalendarDate('2025-10-01'), '01/10/2025');
  for (const bad of ['2025-02-30', '1/10/2025', 'tomorrow']) assert.throws(() => formatVnCalendarDate(bad), RangeError);
  assert.throws(() => formatVnDate(Number.NaN, VN), RangeError);
  assert.throws(() => formatVnDate(0, 'Asia/Nowhere'), RangeError);
});
