import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Deadline } from '../model/procedure.ts';
import { parseCalendar } from './parse-calendar.ts';
import type { Calendar } from './calendar-schema.ts';
import { addWorkingMinutes, normalizePauses, workingMinutesBetween } from './working-time.ts';
import { computeDue, durationMinutes, shiftDue } from './due.ts';
import { classifyOpen, classifyResolved } from './classify.ts';
import { workingDayMinutes, type Interval } from './working-days.ts';
import { addDays, formatInstant, localDate, zonedInstant } from './zoned-time.ts';

const RUNS = { numRuns: 1000 };
const MIN = 60_000;

function load(json: unknown): Calendar {
  const r = parseCalendar(json);
  assert.ok(r.ok);
  return r.calendar;
}
// The walk's properties run past 2026: coverage is statutory.test.ts's concern, not checked here.
const { years: _covered, ...VN_FILE } = JSON.parse(
  readFileSync(new URL('../../../../examples/calendars/vn-2025-2026.json', import.meta.url), 'utf8'),
) as Calendar;
const VN = load(VN_FILE);
const BERLIN = load({
  timeZone: 'Europe/Berlin',
  workingHours: [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ],
  weekend: [0, 6],
  holidays: ['2026-04-03', '2026-04-06'],
  extraWorkingDays: [],
});
const SATURDAY = load({ ...VN, weekend: [0], weekdayHours: { '6': [['07:30', '11:30']] } });
const at = (local: string, cal: Calendar = VN) => zonedInstant(local.slice(0, 10), local.slice(11), cal.timeZone);
const show = (t: number, cal: Calendar = VN) => formatInstant(t, cal.timeZone);

// ---------------------------------------------------------------------------------------------
// Generators: instants in whole minutes over 2025–2026, deadlines of every kind, pauses

const startArb = fc
  .integer({ min: Date.UTC(2024, 11, 31, 17) / MIN, max: Date.UTC(2026, 10, 30) / MIN })
  .map((m) => m * MIN);
const workingArb: fc.Arbitrary<Deadline> = fc.oneof(
  fc.integer({ min: 1, max: 480 }).map((k) => ({ unit: 'working-days' as const, value: k / 8 })), // up to 60 days
  fc.integer({ min: 1, max: 400 }).map((k) => ({ unit: 'working-hours' as const, value: k / 4 })),
);
const cutoffArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const anyDeadlineArb: fc.Arbitrary<Deadline> = fc.oneof(
  workingArb,
  fc.integer({ min: 1, max: 60 }).map((value) => ({ unit: 'calendar-days' as const, value })),
  cutoffArb.map((cutoff) => ({ unit: 'same-day' as const, cutoff })),
);
/** 0–3 pauses around the start, whole minutes, from a minute to ten days long. */
const pausesArb = (start: number): fc.Arbitrary<Interval[]> =>
  fc.array(
    fc
      .tuple(fc.integer({ min: -2 * 1440, max: 40 * 1440 }), fc.integer({ min: 1, max: 10 * 1440 }))
      .map(([off, len]) => ({
        from: start + off * MIN,
        to: start + (off + len) * MIN,
      })),
    { maxLength: 3 },
  );

// ---------------------------------------------------------------------------------------------
// Examples

test('1 working day = the length of the workingHours day (480 min), whatever weekday hours exist', () => {
  assert.equal(workingDayMinutes(VN), 480);
  assert.equal(workingDayMinutes(SATURDAY), 480);
  assert.equal(workingDayMinutes(BERLIN), 480);
  assert.equal(durationMinutes(VN, { unit: 'working-days', value: 0.5 }), 240);
  assert.equal(durationMinutes(VN, { unit: 'working-hours', value: 1.25 }), 75);
  assert.equal(durationMinutes(VN, { unit: 'working-days', value: 1 / 3 }), 160);
  assert.equal(durationMinutes(VN, { unit: 'calendar-days', value: 3 }), null);
});

test('adding working minutes: period ends, next working moment, zero moves nothing', () => {
  assert.equal(show(addWorkingMinutes(VN, at('2026-12-01T09:00'), 150)), '2026-12-01T11:30:00+07:00');
  assert.equal(show(addWorkingMinutes(VN, at('2026-12-01T09:00'), 151)), '2026-12-01T13:31:00+07:00');
  assert.equal(show(addWorkingMinutes(VN, at('2026-12-04T13:30'), 210)), '2026-12-04T17:00:00+07:00');
  assert.equal(show(addWorkingMinutes(VN, at('2026-12-04T13:30'), 211)), '2026-12-07T07:01:00+07:00');
  assert.equal(
    addWorkingMinutes(VN, at('2026-12-05T10:00'), 0),
    at('2026-12-05T10:00'),
    'zero keeps even a Saturday start',
  );
  assert.throws(() => addWorkingMinutes(VN, 0, 1.5), RangeError);
  assert.throws(() => addWorkingMinutes(VN, 0, -1), RangeError);
  assert.throws(() => addWorkingMinutes(VN, Number.NaN, 1), RangeError);
});

test('measuring working time: whole minutes, pauses excluded, negative backwards', () => {
  assert.equal(workingMinutesBetween(VN, at('2026-12-04T16:00'), at('2026-12-07T08:00')), 120);
  assert.equal(workingMinutesBetween(VN, at('2026-12-07T08:00'), at('2026-12-04T16:00')), -120);
  assert.equal(workingMinutesBetween(VN, at('2026-12-05T08:00'), at('2026-12-06T18:00')), 0);
  assert.equal(
    workingMinutesBetween(VN, at('2026-02-13T07:00'), at('2026-02-24T07:00')),
    960,
    'Fri 13/2 + Mon 23/2 around Tết',
  );
  const pause = { from: at('2026-12-07T07:30'), to: at('2026-12-07T08:00') };
  assert.equal(workingMinutesBetween(VN, at('2026-12-04T16:00'), at('2026-12-07T08:00'), [pause]), 90);
  assert.equal(
    workingMinutesBetween(VN, at('2026-12-01T09:00') + 30_000, at('2026-12-01T09:02')),
    1,
    'rounded toward zero',
  );
});

test('pauses are sorted and merged; bad ones are refused', () => {
  assert.deepEqual(
    normalizePauses([
      { from: 5, to: 9 },
      { from: 1, to: 3 },
      { from: 3, to: 4 },
      { from: 8, to: 12 },
      { from: 20, to: 20 },
    ]),
    [
      { from: 1, to: 4 },
      { from: 5, to: 12 },
    ],
  );
  assert.throws(() => normalizePauses([{ from: 5, to: 4 }]), RangeError);
  assert.throws(() => normalizePauses([{ from: 5, to: Infinity }]), RangeError);
  assert.throws(() => shiftDue(VN, 0, { from: 5, to: 4 }), RangeError);
});

test('a pause of two years is skipped whole, not walked day by day', () => {
  const start = at('2025-01-06T09:00');
  const pause = { from: at('2025-01-06T10:00'), to: at('2027-01-04T07:00') }; // resumes Mon 4/1/2027
  const due = computeDue(VN, start, { unit: 'working-hours', value: 2 }, [pause]);
  assert.equal(show(due), '2027-01-04T08:00:00+07:00');
});

test('a calendar without any working day fails clearly instead of looping', () => {
  const closed: Calendar = { ...VN, weekend: [0, 1, 2, 3, 4, 5, 6], extraWorkingDays: [] };
  assert.throws(() => computeDue(closed, at('2026-12-01T09:00'), { unit: 'working-days', value: 1 }), RangeError);
  assert.throws(() => computeDue(closed, at('2026-12-01T09:00'), { unit: 'same-day', cutoff: '15:00' }), RangeError);
});

test('calendar days and same-day: the rules at their edges', () => {
  const cd = (from: string, value: number) => show(computeDue(VN, at(from), { unit: 'calendar-days', value }));
  assert.equal(cd('2026-12-01T09:00', 1), '2026-12-02T17:00:00+07:00');
  assert.equal(cd('2026-12-01T09:00', 1.01), '2026-12-03T17:00:00+07:00', 'fractions round up');
  const sd = (from: string, cutoff: string, cal = VN) =>
    show(computeDue(cal, at(from, cal), { unit: 'same-day', cutoff }), cal);
  assert.equal(sd('2026-12-01T16:59', '18:00'), '2026-12-01T17:00:00+07:00');
  assert.equal(
    sd('2026-12-01T17:00', '18:00'),
    '2026-12-02T17:00:00+07:00',
    'work over: next working day even before the cut-off',
  );
  assert.equal(sd('2026-12-01T00:00', '00:00'), '2026-12-01T17:00:00+07:00', 'cut-off 00:00: 00:00:00 is not after it');
  assert.equal(sd('2026-12-01T00:01', '00:00'), '2026-12-02T17:00:00+07:00', 'cut-off 00:00: 00:01 is after it');
  assert.equal(sd('2026-12-05T11:29', '15:00', SATURDAY), '2026-12-05T11:30:00+07:00');
  assert.throws(() => computeDue(VN, 0, { unit: 'same-day', cutoff: '3pm' }), RangeError);
  assert.throws(() => computeDue(VN, 0, { unit: 'weeks', value: 1 } as never), RangeError);
});

test('"after 15:00" means after: 15:00:00 is still the same day, 15:00:01 is not', () => {
  const due = (ms: number) => show(computeDue(VN, ms, { unit: 'same-day', cutoff: '15:00' }));
  const three = at('2026-12-01T15:00');
  assert.equal(due(three), '2026-12-01T17:00:00+07:00', 'exactly 15:00:00');
  assert.equal(due(three + 999), '2026-12-01T17:00:00+07:00', 'still 15:00:00 to the second');
  assert.equal(due(three + 1000), '2026-12-02T17:00:00+07:00', '15:00:01');
  assert.equal(due(three - 1), '2026-12-01T17:00:00+07:00', '14:59:59.999');
});

test('shiftDue: a pause without working time moves nothing; a weekend-spanning one moves by its working time', () => {
  const due = at('2026-12-04T17:00');
  assert.equal(shiftDue(VN, due, { from: at('2026-12-05T08:00'), to: at('2026-12-06T20:00') }), due);
  assert.equal(
    show(shiftDue(VN, due, { from: at('2026-12-04T16:00'), to: at('2026-12-07T08:00') })),
    '2026-12-07T09:00:00+07:00',
  );
  const withSeconds = shiftDue(VN, due, { from: at('2026-12-03T09:00') + 1500, to: at('2026-12-03T09:01') });
  assert.equal(withSeconds, at('2026-12-07T07:00') + 58_500, 'exact to the millisecond');
});

test('classification by date in the zone (trước hạn / đúng hạn / quá hạn) and of open dossiers', () => {
  const due = at('2026-12-02T17:00');
  assert.equal(classifyResolved('Asia/Ho_Chi_Minh', at('2026-12-01T16:00'), due), 'early');
  assert.equal(classifyResolved('Asia/Ho_Chi_Minh', at('2026-12-02T07:00'), due), 'on-time');
  assert.equal(
    classifyResolved('Asia/Ho_Chi_Minh', at('2026-12-02T17:30'), due),
    'on-time',
    'same date, after the hour',
  );
  assert.equal(classifyResolved('Asia/Ho_Chi_Minh', at('2026-12-03T06:59'), due), 'late');
  // 06:00 on 3 Dec in Hà Nội is still 2 Dec in UTC: a server comparing UTC dates would say on time.
  assert.equal(classifyResolved('Asia/Ho_Chi_Minh', at('2026-12-03T06:00'), due), 'late');
  assert.equal(
    classifyResolved('UTC', at('2026-12-03T06:00'), at('2026-12-03T08:00')),
    'early',
    'the zone decides the date',
  );
  assert.equal(classifyOpen(due, due), 'within');
  assert.equal(classifyOpen(due, due + 1), 'overdue');
});

test('a 60-working-day deadline walks periods, not minutes (counted Intl calls, no timing)', () => {
  const proto = Intl.DateTimeFormat.prototype;
  const original = proto.formatToParts;
  let calls = 0;
  proto.formatToParts = function (this: Intl.DateTimeFormat, d?: number | Date) {
    calls++;
    return original.call(this, d);
  };
  try {
    // A zone alias no other test uses, so that no cached instant hides work.
    const cal: Calendar = { ...VN, timeZone: 'Asia/Saigon' };
    const due = computeDue(cal, zonedInstant('2026-03-02', '09:00', 'Asia/Saigon'), {
      unit: 'working-days',
      value: 60,
    });
    // Working days after Mon 2/3: March 21, April 20 (27/4 in lieu and 30/4 off), 1/5 off,
    // May 4–28 → the 60th is Thu 28/5.
    assert.equal(formatInstant(due, 'Asia/Saigon'), '2026-05-28T09:00:00+07:00');
  } finally {
    proto.formatToParts = original;
  }
  // ~90 calendar days × 4 period ends × 3 offset look-ups ≈ 1 100; minute steps would be ≥ 28 800.
  assert.ok(calls < 2500, `${calls} Intl calls`);
  assert.ok(calls > 50, 'the counter saw the work');
});

// ---------------------------------------------------------------------------------------------
// Properties (fast-check, 1 000 runs each, whole minutes)

test('property: adding a holiday never makes a deadline earlier', () => {
  fc.assert(
    fc.property(startArb, anyDeadlineArb, fc.integer({ min: -3, max: 120 }), (start, deadline, k) => {
      const holiday = addDays(localDate(start, VN.timeZone), k);
      const more: Calendar = { ...VN, holidays: [...VN.holidays, holiday] };
      assert.ok(computeDue(more, start, deadline) >= computeDue(VN, start, deadline));
    }),
    RUNS,
  );
});

test('property: adding a holiday never makes a working-time deadline earlier, also with pauses', () => {
  fc.assert(
    fc.property(
      startArb.chain((s) => fc.tuple(fc.constant(s), pausesArb(s))),
      workingArb,
      fc.integer({ min: -3, max: 120 }),
      ([start, pauses], deadline, k) => {
        const more: Calendar = { ...VN, holidays: [...VN.holidays, addDays(localDate(start, VN.timeZone), k)] };
        assert.ok(computeDue(more, start, deadline, pauses) >= computeDue(VN, start, deadline, pauses));
      },
    ),
    RUNS,
  );
});

test('property: the working time measured from start to the due instant equals the duration (with pauses)', () => {
  fc.assert(
    fc.property(
      startArb.chain((s) => fc.tuple(fc.constant(s), pausesArb(s))),
      workingArb,
      ([start, pauses], deadline) => {
        const due = computeDue(VN, start, deadline, pauses);
        assert.equal(workingMinutesBetween(VN, start, due, pauses), durationMinutes(VN, deadline));
        assert.equal(due % MIN, 0, 'whole minutes in, whole minutes out');
      },
    ),
    RUNS,
  );
});

test('property: calendar-day and same-day deadlines keep their working time under pauses', () => {
  fc.assert(
    fc.property(
      startArb.chain((s) => fc.tuple(fc.constant(s), pausesArb(s))),
      anyDeadlineArb,
      ([start, pauses], deadline) => {
        const plain = computeDue(VN, start, deadline);
        const paused = computeDue(VN, start, deadline, pauses);
        assert.equal(workingMinutesBetween(VN, start, paused, pauses), workingMinutesBetween(VN, start, plain));
        assert.ok(paused >= plain);
      },
    ),
    RUNS,
  );
});

test('property: the due instant is monotonic in the duration', () => {
  fc.assert(
    fc.property(
      startArb.chain((s) => fc.tuple(fc.constant(s), pausesArb(s))),
      fc.integer({ min: 1, max: 30_000 }),
      fc.integer({ min: 0, max: 3_000 }),
      ([start, pauses], a, extra) => {
        const m1 = addWorkingMinutes(VN, start, a, pauses);
        const m2 = addWorkingMinutes(VN, start, a + extra, pauses);
        assert.ok(m2 >= m1);
        if (extra > 0) assert.ok(m2 > m1);
      },
    ),
    RUNS,
  );
});

test('property: shiftDue after a pause = computeDue with that pause (one and two pauses)', () => {
  const arb = fc.tuple(
    startArb,
    anyDeadlineArb,
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    fc.integer({ min: 1, max: 10 * 1440 }),
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    fc.integer({ min: 1, max: 5 * 1440 }),
  );
  fc.assert(
    fc.property(arb, ([start, deadline, r1, len1, r2, len2]) => {
      const due0 = computeDue(VN, start, deadline);
      const p1 = { from: start + Math.floor((r1 * (due0 - start)) / MIN) * MIN, to: 0 };
      p1.to = p1.from + len1 * MIN;
      const due1 = shiftDue(VN, due0, p1);
      assert.equal(due1, computeDue(VN, start, deadline, [p1]));
      // A second pause after the first resumed, starting before the (moved) due instant.
      const p2 = { from: p1.to + Math.floor((r2 * Math.max(0, due1 - p1.to)) / MIN) * MIN, to: 0 };
      p2.to = p2.from + len2 * MIN;
      if (p2.from < due1) assert.equal(shiftDue(VN, due1, p2), computeDue(VN, start, deadline, [p1, p2]));
    }),
    RUNS,
  );
});

test('property: adding then measuring gives the minutes back; measuring then adding never overshoots', () => {
  fc.assert(
    fc.property(
      startArb.chain((s) => fc.tuple(fc.constant(s), pausesArb(s))),
      fc.integer({ min: 0, max: 20_000 }),
      fc.integer({ min: 0, max: 60 * 1440 }),
      ([start, pauses], m, span) => {
        assert.equal(workingMinutesBetween(VN, start, addWorkingMinutes(VN, start, m, pauses), pauses), m);
        const end = start + span * MIN;
        assert.ok(addWorkingMinutes(VN, start, workingMinutesBetween(VN, start, end, pauses), pauses) <= end);
      },
    ),
    RUNS,
  );
});

test('property: weekday hours and extra days — measured time still equals the duration', () => {
  fc.assert(
    fc.property(startArb, workingArb, (start, deadline) => {
      const due = computeDue(SATURDAY, start, deadline);
      assert.equal(workingMinutesBetween(SATURDAY, start, due), durationMinutes(SATURDAY, deadline));
    }),
    RUNS,
  );
});

test('property: in a zone with summer time the duration is still exact working time', () => {
  fc.assert(
    fc.property(startArb, workingArb, (start, deadline) => {
      const due = computeDue(BERLIN, start, deadline);
      assert.equal(workingMinutesBetween(BERLIN, start, due), durationMinutes(BERLIN, deadline));
      const hour = Number(formatInstant(due, BERLIN.timeZone).slice(11, 13));
      assert.ok(hour >= 8 && hour <= 17, 'the due instant lies in local working hours');
    }),
    RUNS,
  );
});

test('property: results do not depend on the host\u2019s time zone (process.env.TZ)', () => {
  const samples = fc.sample(fc.tuple(startArb, anyDeadlineArb), { numRuns: 1000, seed: 42 });
  const compute = () =>
    samples.map(([s, d]) => `${localDate(s, VN.timeZone)} ${formatInstant(computeDue(VN, s, d), VN.timeZone)}`);
  const saved = process.env.TZ;
  try {
    process.env.TZ = 'UTC';
    const utcOffset = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
    const inUtc = compute();
    for (const tz of ['America/New_York', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh']) {
      process.env.TZ = tz;
      assert.notEqual(
        new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(),
        utcOffset,
        `the host zone really changed to ${tz}`,
      );
      assert.deepEqual(compute(), inUtc, tz);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});
