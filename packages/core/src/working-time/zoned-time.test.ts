import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  formatInstant,
  formatPortalDate,
  isValidDate,
  isValidTimeZone,
  localDate,
  localTime,
  parseInstant,
  weekdayOf,
  zonedInstant,
  zoneOffset,
} from './zoned-time.ts';

const HCM = 'Asia/Ho_Chi_Minh';

test('formatInstant: ISO 8601 in the zone with its offset', () => {
  const t = Date.UTC(2026, 11, 2, 9, 0, 0); // 16:00 in Hà Nội
  assert.equal(formatInstant(t, HCM), '2026-12-02T16:00:00+07:00');
  assert.equal(formatInstant(t, 'UTC'), '2026-12-02T09:00:00+00:00');
  assert.equal(formatInstant(t + 5, HCM), '2026-12-02T16:00:00.005+07:00');
  assert.equal(formatInstant(Date.UTC(2026, 6, 1, 12), 'Europe/Berlin'), '2026-07-01T14:00:00+02:00');
  assert.equal(formatInstant(Date.UTC(2026, 0, 1, 12), 'America/New_York'), '2026-01-01T07:00:00-05:00');
});

test('the offset is read from Intl, not assumed: Saigon before 1975 was +08:00', () => {
  assert.equal(zoneOffset(Date.UTC(1970, 0, 1), HCM), 8 * 3_600_000);
  assert.equal(zoneOffset(Date.UTC(2026, 0, 1), HCM), 7 * 3_600_000);
});

test('local date and portal date are in the zone, across midnight', () => {
  const t = Date.UTC(2026, 11, 1, 23, 30); // 06:30 on 2 Dec in Hà Nội
  assert.equal(localDate(t, HCM), '2026-12-02');
  assert.equal(localDate(t, 'UTC'), '2026-12-01');
  assert.equal(localTime(t, HCM), '06:30');
  assert.equal(formatPortalDate(t, HCM), '20261202063000');
  assert.equal(formatPortalDate(Date.UTC(2026, 0, 1, 17, 5, 9), HCM), '20260102000509');
});

test('zonedInstant: local date + time → instant; DST gaps go forward, overlaps take the first', () => {
  assert.equal(zonedInstant('2026-12-02', '16:00', HCM), Date.UTC(2026, 11, 2, 9));
  assert.equal(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin'), Date.UTC(2026, 2, 29, 1, 30)); // shows 03:30 CEST
  assert.equal(
    formatInstant(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin'), 'Europe/Berlin'),
    '2026-03-29T03:30:00+02:00',
  );
  assert.equal(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin'), Date.UTC(2026, 9, 25, 0, 30)); // first 02:30 (CEST)
  assert.throws(() => zonedInstant('2026-02-30', '10:00', HCM), RangeError);
  assert.throws(() => zonedInstant('2026-02-03', '24:00', HCM), RangeError);
});

test('zonedInstant round-trips through localDate/localTime (random dates, two zones)', () => {
  const dates = fc.date({
    min: new Date(Date.UTC(2000, 0, 1)),
    max: new Date(Date.UTC(2099, 11, 31)),
    noInvalidDate: true,
  });
  fc.assert(
    fc.property(
      dates,
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.constantFrom(HCM, 'Europe/Berlin', 'America/New_York'),
      (d, h, m, tz) => {
        const date = d.toISOString().slice(0, 10);
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        const t = zonedInstant(date, time, tz);
        // A wall time skipped by a DST jump is the only exception: it lands after the jump.
        if (localTime(t, tz) !== time) assert.ok(zoneOffset(t, tz) > zoneOffset(t - 86_400_000, tz));
        else assert.equal(localDate(t, tz), date);
      },
    ),
    { numRuns: 1000 },
  );
});

test('parseInstant reads ISO 8601 strictly and round-trips formatInstant', () => {
  assert.equal(parseInstant('2026-12-02T16:00:00+07:00'), Date.UTC(2026, 11, 2, 9));
  assert.equal(parseInstant('2026-12-02T16:00+07:00'), Date.UTC(2026, 11, 2, 9));
  assert.equal(parseInstant('2026-12-02T09:00:00Z'), Date.UTC(2026, 11, 2, 9));
  assert.equal(parseInstant('2026-12-02T09:00:00.250Z'), Date.UTC(2026, 11, 2, 9, 0, 0, 250));
  assert.equal(parseInstant('2026-12-02T16:00', HCM), Date.UTC(2026, 11, 2, 9));
  assert.equal(parseInstant('2026-12-02T16:00'), null, 'no offset and no zone');
  for (const bad of [
    '2026-12-02',
    '2026-02-30T10:00Z',
    '2026-12-02T24:00Z',
    '2026-12-02T10:60Z',
    'tomorrow',
    '2026-12-02T10:00+25:00',
    '12/02/2026 10:00',
  ]) {
    assert.equal(parseInstant(bad, HCM), null, bad);
  }
  fc.assert(
    fc.property(
      fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
      fc.constantFrom(HCM, 'Europe/Berlin', 'UTC', 'Asia/Kolkata'),
      (t, tz) => {
        assert.equal(parseInstant(formatInstant(t, tz)), t);
      },
    ),
    { numRuns: 1000 },
  );
});

test('date arithmetic: real dates only, weekdays, adding days across months and leap years', () => {
  assert.ok(isValidDate('2024-02-29'));
  assert.ok(!isValidDate('2025-02-29'));
  assert.ok(!isValidDate('2026-1-1'));
  assert.equal(addDays('2026-02-28', 1), '2026-03-01');
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2026-01-01', -1), '2025-12-31');
  assert.equal(weekdayOf('2026-12-02'), 3); // Wednesday
  assert.equal(weekdayOf('2026-02-17'), 2); // Tết Bính Ngọ, Tuesday
  assert.equal(weekdayOf('1969-12-31'), 3);
  assert.ok(isValidTimeZone(HCM));
  assert.ok(!isValidTimeZone('Asia/Hanoi_City'));
  assert.ok(!isValidTimeZone(''));
});
