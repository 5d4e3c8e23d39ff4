import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lunarToSolar, solarToLunar } from './lunar.ts';

// Tết (1/1 lunar) and the Hùng Kings' day (10/3 lunar), 2020–2030, as the yearly notices and
// Vietnamese calendars give them. 2030: the new moon falls at 23:07 on 2 February at UTC+7 (00:07
// on the 3rd in China), so Vietnam's Tết is a day earlier than China's.
const KNOWN: [number, string, string][] = [
  [2020, '2020-01-25', '2020-04-02'],
  [2021, '2021-02-12', '2021-04-21'],
  [2022, '2022-02-01', '2022-04-10'],
  [2023, '2023-01-22', '2023-04-29'],
  [2024, '2024-02-10', '2024-04-18'],
  [2025, '2025-01-29', '2025-04-07'],
  [2026, '2026-02-17', '2026-04-26'],
  [2027, '2027-02-06', '2027-04-16'],
  [2028, '2028-01-26', '2028-04-04'],
  [2029, '2029-02-13', '2029-04-23'],
  [2030, '2030-02-02', '2030-04-12'],
];

test('Tết and the Hùng Kings\u2019 day 2020–2030', () => {
  for (const [year, tet, hung] of KNOWN) {
    assert.equal(lunarToSolar(year, 1, 1), tet, `Tết ${year}`);
    assert.equal(lunarToSolar(year, 3, 10), hung, `Giỗ Tổ ${year}`);
  }
});

test('leap months: 4 in 2020, 2 in 2023, 6 in 2025, 5 in 2028', () => {
  assert.deepEqual(solarToLunar(2020, 5, 23), { year: 2020, month: 4, day: 1, leap: true });
  assert.deepEqual(solarToLunar(2023, 3, 22), { year: 2023, month: 2, day: 1, leap: true });
  assert.deepEqual(solarToLunar(2025, 7, 25), { year: 2025, month: 6, day: 1, leap: true });
  assert.equal(lunarToSolar(2025, 6, 1, true), '2025-07-25');
  assert.throws(() => lunarToSolar(2026, 6, 1, true), RangeError);
});

test('solar → lunar → solar round-trips every day of 2020–2030', () => {
  for (let d = Date.UTC(2020, 0, 1); d <= Date.UTC(2030, 11, 31); d += 86_400_000) {
    const date = new Date(d).toISOString().slice(0, 10);
    const [y, m, day] = date.split('-').map(Number) as [number, number, number];
    const l = solarToLunar(y, m, day);
    assert.equal(lunarToSolar(l.year, l.month, l.day, l.leap), date);
  }
  assert.deepEqual(solarToLunar(2026, 2, 16), { year: 2025, month: 12, day: 29, leap: false }, 'Tết eve 2026');
});

test('out of range is refused', () => {
  assert.throws(() => lunarToSolar(1700, 1, 1), RangeError);
  assert.throws(() => lunarToSolar(2026, 13, 1), RangeError);
  assert.throws(() => lunarToSolar(2026, 1, 31), RangeError);
});
