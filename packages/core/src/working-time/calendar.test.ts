import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { calendarSchemaJson, calendarSchemaText } from './calendar-schema.ts';
import { parseCalendar } from './parse-calendar.ts';
import { mergeCalendars } from './merge-calendars.ts';
import { isWorkingDay, workingDayMinutes, hoursOf } from './working-days.ts';
import { weekdayOf } from './zoned-time.ts';
import { DESCRIPTION_SEPARATOR, TITLE_SEPARATOR } from '../model/doc.ts';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import type { Calendar } from './calendar-schema.ts';

const examples = new URL('../../../../examples/calendars/', import.meta.url);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));

const base = (): Record<string, unknown> => ({
  timeZone: 'Asia/Ho_Chi_Minh',
  workingHours: [
    ['07:00', '11:30'],
    ['13:30', '17:00'],
  ],
  weekend: [0, 6],
  holidays: ['2026-01-01'],
  extraWorkingDays: ['2026-02-07'],
});

function issuesOf(json: unknown): { pointer: string; code: string; vi: string; en: string }[] {
  const r = parseCalendar(json);
  if (r.ok) return [];
  return r.issues.map((i) => ({ pointer: i.pointer, code: i.code, vi: i.message.vi, en: i.message.en }));
}

test('the issue\u2019s example calendar is valid and parsed into a copy', () => {
  const input = base();
  const r = parseCalendar(input);
  assert.ok(r.ok);
  (input.holidays as string[]).push('2026-05-01');
  assert.deepEqual(r.calendar.holidays, ['2026-01-01'], 'later edits of the input do not reach the parsed calendar');
});

test('structural problems: pointer + Vietnamese and English message', () => {
  const cases: [Record<string, unknown>, string, string][] = [
    [(({ timeZone: _, ...rest }) => rest)(base()), '/timeZone', 'required'],
    [{ ...base(), extra: 1 }, '/extra', 'additionalProperties'],
    [{ ...base(), weekend: [0, 7] }, '/weekend/1', 'maximum'],
    [{ ...base(), weekend: [0, 0] }, '/weekend', 'uniqueItems'],
    [{ ...base(), weekend: [1.5] }, '/weekend/0', 'type'],
    [{ ...base(), holidays: ['2026-1-1'] }, '/holidays/0', 'pattern'],
    [{ ...base(), holidays: ['2026-01-01', '2026-01-01'] }, '/holidays', 'uniqueItems'],
    [{ ...base(), workingHours: [] }, '/workingHours', 'minItems'],
    [{ ...base(), workingHours: [['07:00']] }, '/workingHours/0', 'period-shape'],
    [{ ...base(), workingHours: [['7:00', '11:30']] }, '/workingHours/0/0', 'pattern'],
    [{ ...base(), weekdayHours: { '7': [['07:00', '11:30']] } }, '/weekdayHours/7', 'additionalProperties'],
    [{ ...base(), notes: { soon: 'x' } }, '/notes/soon', 'additionalProperties'],
  ];
  for (const [json, pointer, code] of cases) {
    const issues = issuesOf(json);
    const hit = issues.find((i) => i.pointer === pointer && i.code === code);
    assert.ok(hit, `${pointer} ${code}: got ${JSON.stringify(issues)}`);
    assert.ok(hit.vi && hit.en && hit.vi !== hit.en, 'both languages');
  }
  assert.equal(issuesOf(null)[0]?.pointer, '');
  assert.equal(issuesOf([1])[0]?.code, 'type');
});

test('what a schema cannot say: zone, period order and overlap, real dates, a working weekday', () => {
  const expect = (json: Record<string, unknown>, pointer: string, code: string) => {
    const issues = issuesOf(json);
    assert.ok(
      issues.some((i) => i.pointer === pointer && i.code === code),
      `${pointer} ${code}: got ${JSON.stringify(issues)}`,
    );
  };
  expect({ ...base(), timeZone: 'Asia/Hanoi_City' }, '/timeZone', 'unknown-time-zone');
  expect({ ...base(), workingHours: [['11:30', '07:00']] }, '/workingHours/0', 'period-end-not-after-start');
  expect({ ...base(), workingHours: [['07:00', '07:00']] }, '/workingHours/0', 'period-end-not-after-start');
  expect(
    {
      ...base(),
      workingHours: [
        ['13:30', '17:00'],
        ['07:00', '11:30'],
      ],
    },
    '/workingHours/1',
    'periods-unsorted',
  );
  expect(
    {
      ...base(),
      workingHours: [
        ['07:00', '12:00'],
        ['11:30', '17:00'],
      ],
    },
    '/workingHours/1',
    'periods-overlap',
  );
  expect(
    {
      ...base(),
      weekdayHours: {
        '6': [
          ['07:30', '11:30'],
          ['11:00', '12:00'],
        ],
      },
      weekend: [0],
    },
    '/weekdayHours/6/1',
    'periods-overlap',
  );
  expect({ ...base(), holidays: ['2026-02-30'] }, '/holidays/0', 'invalid-date');
  expect({ ...base(), extraWorkingDays: ['2025-02-29'] }, '/extraWorkingDays/0', 'invalid-date');
  expect({ ...base(), notes: { '2026-13-01': 'x' } }, '/notes/2026-13-01', 'invalid-date');
  expect({ ...base(), weekend: [0, 1, 2, 3, 4, 5, 6] }, '/weekend', 'no-working-weekday');
  expect({ ...base(), weekdayHours: { '6': [['07:30', '11:30']] } }, '/weekdayHours/6', 'unused-weekday-hours');
  // Touching periods, a date both holiday and extra (extra wins), an empty weekend: all fine.
  assert.deepEqual(
    issuesOf({
      ...base(),
      workingHours: [
        ['07:00', '11:30'],
        ['11:30', '17:00'],
      ],
    }),
    [],
  );
  assert.deepEqual(issuesOf({ ...base(), holidays: ['2026-02-07'], extraWorkingDays: ['2026-02-07'] }), []);
  assert.deepEqual(issuesOf({ ...base(), weekend: [] }), []);
});

test('the JSON Schema agrees with parseCalendar on the shape (ajv, draft-07)', () => {
  const ajv = createAjvEvaluator();
  const schema = calendarSchemaJson();
  const { $schema: _, ...withoutMeta } = schema;
  for (const json of [
    base(),
    { ...base(), weekend: [9] },
    { ...base(), holidays: [1] },
    { ...base(), x: 1 },
    { ...base(), workingHours: [['07:00']] },
  ]) {
    const ajvOk = ajv.validate(withoutMeta as never, json).length === 0;
    assert.equal(ajvOk, parseCalendar(json).ok, JSON.stringify(json));
  }
});

test('schema/calendar.schema.json is the one written from the TypeBox source (npm run schema)', () => {
  const committed = readFileSync(new URL('../../schema/calendar.schema.json', import.meta.url), 'utf8');
  assert.equal(committed, calendarSchemaText(), 'run `npm run schema -w @motcua/core` and commit the result');
});

test('every property of the calendar schema has a title and a description in Vietnamese and English', () => {
  const missing: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    for (const key of ['properties', 'patternProperties']) {
      for (const [name, prop] of Object.entries((o[key] ?? {}) as Record<string, Record<string, unknown>>)) {
        if (key === 'patternProperties' && path.endsWith('/notes')) continue; // a note is free text
        const [tvi, ten] = String(prop.title ?? '').split(TITLE_SEPARATOR);
        const [dvi, den] = String(prop.description ?? '').split(DESCRIPTION_SEPARATOR);
        if (!tvi || !ten || !dvi || !den) missing.push(`${path}/${key}/${name}`);
      }
    }
    for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`);
  };
  const schema = calendarSchemaJson();
  walk(schema, '#');
  assert.deepEqual(missing, []);
  assert.ok(String(schema.title).includes(TITLE_SEPARATOR));
});

// ---------------------------------------------------------------------------------------------
// The example calendars: real 2025 and 2026 civil-service calendars (DOMAIN.md)

function example(name: string): Calendar {
  const r = parseCalendar(readJson(new URL(name, examples)));
  assert.ok(r.ok, `${name}: ${JSON.stringify(!r.ok && r.issues)}`);
  return r.calendar;
}

test('example calendars are valid; the combined one is exactly the union of the yearly ones', () => {
  const y2025 = example('vn-2025.json');
  const y2026 = example('vn-2026.json');
  const both = example('vn-2025-2026.json');
  assert.deepEqual(both, mergeCalendars(y2025, y2026));
  assert.deepEqual(example('vn-2025-2027.json'), mergeCalendars(y2025, y2026, example('vn-2027.json')));
  assert.equal(workingDayMinutes(both), 480);
});

test('every day off and every worked day cites its source in notes', () => {
  for (const name of ['vn-2025.json', 'vn-2026.json']) {
    const cal = example(name);
    for (const date of [...cal.holidays, ...cal.extraWorkingDays]) {
      assert.match(cal.notes?.[date] ?? '', /(Bộ luật Lao động|TB-|VPCP)/, `${name} ${date}`);
    }
  }
});

test('2025: holidays, Tết Ất Tỵ and the 26 April worked Saturday', () => {
  const cal = example('vn-2025.json');
  const off = [
    '2025-01-01',
    '2025-01-27',
    '2025-01-31',
    '2025-04-07',
    '2025-04-30',
    '2025-05-01',
    '2025-05-02',
    '2025-09-01',
    '2025-09-02',
  ];
  for (const d of off) assert.equal(isWorkingDay(cal, d), false, d);
  for (const d of ['2025-01-25', '2025-02-02']) assert.equal(isWorkingDay(cal, d), false, `${d} weekend`);
  assert.equal(isWorkingDay(cal, '2025-04-26'), true, 'Saturday worked in exchange');
  assert.equal(weekdayOf('2025-04-26'), 6);
  assert.equal(isWorkingDay(cal, '2025-02-03'), true);
  assert.equal(cal.holidays.length, 12);
});

test('2026: the 2 January and 31 August swaps, Tết Bính Ngọ, Hùng Kings in lieu; 24/11 not included', () => {
  const cal = example('vn-2026.json');
  for (const d of [
    '2026-01-01',
    '2026-01-02',
    '2026-02-16',
    '2026-02-20',
    '2026-04-27',
    '2026-04-30',
    '2026-05-01',
    '2026-08-31',
    '2026-09-01',
    '2026-09-02',
  ]) {
    assert.equal(isWorkingDay(cal, d), false, d);
  }
  for (const d of ['2026-01-10', '2026-08-22']) {
    assert.equal(isWorkingDay(cal, d), true, d);
    assert.deepEqual(hoursOf(cal, d), cal.workingHours);
  }
  assert.equal(isWorkingDay(cal, '2026-02-23'), true);
  assert.equal(isWorkingDay(cal, '2026-11-24'), true, 'unverified: stays a working day until a notice is signed');
  assert.match(cal.notes?.['2026-11-24'] ?? '', /CHƯA XÁC MINH.*UNVERIFIED/s);
});

test('weekday hours apply to that weekday; an extra working day works the full hours', () => {
  const r = parseCalendar({
    ...base(),
    weekend: [0],
    weekdayHours: { '6': [['07:30', '11:30']] },
    holidays: ['2026-12-05'],
    extraWorkingDays: ['2026-12-12'],
  });
  assert.ok(r.ok);
  assert.deepEqual(hoursOf(r.calendar, '2026-12-19'), [['07:30', '11:30']]);
  assert.deepEqual(hoursOf(r.calendar, '2026-12-12'), r.calendar.workingHours);
  assert.deepEqual(hoursOf(r.calendar, '2026-12-05'), []);
  assert.equal(workingDayMinutes(r.calendar), 480, '1 working day stays the workingHours day');
});

test('mergeCalendars refuses calendars that differ in more than dates', () => {
  const a = example('vn-2025.json');
  assert.throws(() => mergeCalendars(a, { ...a, timeZone: 'UTC' }));
  assert.throws(() => mergeCalendars(a, { ...a, workingHours: [['08:00', '17:00']] }));
});
