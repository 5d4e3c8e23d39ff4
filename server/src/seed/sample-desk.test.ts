import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWorkingDay, localDate, workingMsBetween } from '@motcua/core';
import { readNationalCalendar } from './demo-province.ts';
import { prng } from './sample-applicants.ts';
import { DESK, deskPlans, workingBefore } from './sample-desk.ts';

const HOUR = 3_600_000;
const cal = readNationalCalendar();

test('working time before now: back across the lunch break, the evening and the weekend', () => {
  const monday = Date.parse('2026-11-30T07:30:00+07:00');
  // One working hour before Monday 07:30 is Friday 16:30 (work runs 07:00–17:00).
  assert.equal(workingBefore(cal, monday, HOUR), Date.parse('2026-11-27T16:30:00+07:00'));
  const afternoon = Date.parse('2026-12-02T14:00:00+07:00');
  assert.equal(workingBefore(cal, afternoon, HOUR), Date.parse('2026-12-02T11:00:00+07:00'));
  const night = Date.parse('2026-12-02T21:00:00+07:00');
  assert.equal(workingBefore(cal, night, 0), Date.parse('2026-12-02T17:00:00+07:00'));
  for (const now of [monday, afternoon, night]) {
    for (const h of [0.5, 3, 17, 52, 70]) {
      const t = workingBefore(cal, now, h * HOUR);
      assert.equal(workingMsBetween(cal, t, now), h * HOUR, `${h} h before ${new Date(now).toISOString()}`);
    }
  }
});

test('the desk’s plans: at the communes, in working time before now, actions in order', () => {
  for (const now of [Date.parse('2026-12-04T10:00:00+07:00'), Date.parse('2026-11-30T07:05:00+07:00')]) {
    const plans = deskPlans(DESK, ['A', 'B'], () => cal, now, prng(1));
    assert.equal(plans.length, DESK.length);
    assert.deepEqual(new Set(plans.map((p) => p.commune)), new Set(['A', 'B']));
    for (const p of plans) {
      const times = [p.submitAt, ...p.script!.map((s) => s.at)];
      for (let i = 1; i < times.length; i++) assert.ok(times[i - 1]! < times[i]!, `${p.procedure} in order`);
      assert.ok(times.every((t) => t <= now && isWorkingDay(cal, localDate(t, cal.timeZone))));
    }
    assert.deepEqual(
      deskPlans(DESK, ['A', 'B'], () => cal, now, prng(1)),
      plans,
      'deterministic',
    );
  }
});
