import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatPlaceDate,
  formatVnDate,
  formatVnDateTime,
  formatVnLongDateTime,
  vnCalendarDate,
  vnWallClockDate,
} from './vn-time.ts';

test('instants print in Vietnam time (UTC+7) whatever the host zone', () => {
  assert.equal(formatVnDateTime('2025-09-30T18:30:00Z'), '01/10/2025 01:30');
  assert.equal(formatVnDateTime('2025-10-01T08:30:00+07:00'), '01/10/2025 08:30');
  assert.equal(formatVnDate('2025-12-31T17:00:00Z'), '01/01/2026');
  assert.equal(vnCalendarDate('2025-09-14T17:00:00Z'), '2025-09-15');
  assert.equal(vnWallClockDate('2025-10-01T01:30:00Z').toISOString(), '2025-10-01T08:30:00.000Z');
});

test('the place-date line pads days below 10 and the months 1 and 2 only (Decree 30/2020)', () => {
  assert.equal(formatPlaceDate('Hà Nội', '2025-02-05T03:00:00Z'), 'Hà Nội, ngày 05 tháng 02 năm 2025');
  assert.equal(formatPlaceDate('Hà Nội', '2025-03-05T03:00:00Z'), 'Hà Nội, ngày 05 tháng 3 năm 2025');
  assert.equal(formatPlaceDate('Tiên Du', '2025-11-20T03:00:00Z'), 'Tiên Du, ngày 20 tháng 11 năm 2025');
  assert.equal(formatVnLongDateTime('2025-10-06T09:05:00Z'), '16 giờ 05 phút, ngày 06 tháng 10 năm 2025');
});

test('a string that is not an instant is refused, not printed as NaN', () => {
  assert.throws(() => formatVnDate('tomorrow'), RangeError);
});
