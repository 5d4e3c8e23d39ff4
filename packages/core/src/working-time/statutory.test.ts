import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseCalendar } from './parse-calendar.ts';
import { provisionalCalendarYear, statutoryHolidays } from './statutory.ts';
import { computeDue } from './due.ts';
import { isWorkingDay, CalendarNotCoveredError } from './working-days.ts';
import { mergeCalendars } from './merge-calendars.ts';
import { formatInstant, zonedInstant } from './zoned-time.ts';
import type { Calendar } from './calendar-schema.ts';

const read = (name: string): Calendar => {
  const r = parseCalendar(
    JSON.parse(readFileSync(new URL(`../../../../examples/calendars/${name}`, import.meta.url), 'utf8')),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.calendar;
};
const VN_2026 = read('vn-2026.json');
const TZ = 'Asia/Ho_Chi_Minh';

test('2026 generated from the Labour Code: every day is in the official notice (which adds the swaps)', () => {
  const generated = statutoryHolidays(2026).map((d) => d.date);
  assert.deepEqual(generated, [
    '2026-01-01',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-27', // Giỗ Tổ falls on Sunday 26/04: the Monday in lieu
    '2026-04-30',
    '2026-05-01',
    '2026-09-01',
    '2026-09-02',
  ]);
  for (const d of generated) assert.ok(VN_2026.holidays.includes(d), d);
  assert.deepEqual(
    VN_2026.holidays.filter((d) => !generated.includes(d)),
    ['2026-01-02', '2026-08-31'],
    'the swaps come from the notices',
  );
});

test('24/11/2026 (Ngày Văn hóa Việt Nam) is a working day: not enacted, noted as unverified', () => {
  assert.equal(isWorkingDay(VN_2026, '2026-11-24'), true);
  assert.match(VN_2026.notes!['2026-11-24']!, /CHƯA XÁC MINH/);
  assert.ok(!statutoryHolidays(2026).some((d) => d.date === '2026-11-24'));
});

test('2027: the example file is exactly the provisional calendar generated from the statute', () => {
  const file = read('vn-2027.json');
  assert.deepEqual(file, provisionalCalendarYear(2027, VN_2026));
  assert.deepEqual(file.provisionalYears, [2027]);
  assert.ok(file.holidays.includes('2027-01-01'));
  assert.ok(file.holidays.includes('2027-04-16'), 'Giỗ Tổ: 10/3 Đinh Mùi');
  assert.ok(file.holidays.includes('2027-05-03'), '1 May is a Saturday: Monday in lieu');
  for (const d of file.holidays) assert.match(file.notes![d]!, /TẠM TÍNH.*PROVISIONAL/);
});

test('a deadline running past the covered years is refused with a clear error, never computed silently', () => {
  const cal = read('vn-2025-2026.json');
  const from = zonedInstant('2026-12-28', '09:00', TZ);
  assert.throws(
    () => computeDue(cal, from, { unit: 'working-days', value: 10 }),
    (err: unknown) => {
      assert.ok(err instanceof CalendarNotCoveredError);
      assert.equal(err.code, 'calendar-not-covered');
      assert.equal(err.date, '2027-01-01');
      assert.match(err.vi, /chưa có năm 2027/);
      assert.match(err.en, /not 2027/);
      return true;
    },
  );
  // With 2027 added (provisional), 1/1/2027 is a holiday: 10 working days end on 12/01, not 11/01.
  const withNext = mergeCalendars(cal, read('vn-2027.json'));
  assert.deepEqual(withNext.years, [2025, 2026, 2027]);
  assert.deepEqual(withNext.provisionalYears, [2027]);
  assert.equal(
    formatInstant(computeDue(withNext, from, { unit: 'working-days', value: 10 }), TZ),
    '2027-01-12T09:00:00+07:00',
  );
  // A calendar that does not say which years it covers is not checked (test calendars).
  const { years: _y, ...open } = cal;
  assert.doesNotThrow(() => computeDue(open, from, { unit: 'working-days', value: 10 }));
});

test('a calendar\u2019s days and provisional years must lie in its years', () => {
  const r = parseCalendar({ ...VN_2026, years: [2025], provisionalYears: [2027] });
  assert.equal(r.ok, false);
  const issues = (r as { issues: { pointer: string; code: string; message: { vi: string; en: string } }[] }).issues;
  assert.ok(issues.every((i) => i.code === 'outside-years' && i.message.vi && i.message.en));
  assert.ok(issues.some((i) => i.pointer === '/holidays/0'));
  assert.ok(issues.some((i) => i.pointer === '/extraWorkingDays/0'));
  assert.ok(issues.some((i) => i.pointer === '/provisionalYears/0'));
});
