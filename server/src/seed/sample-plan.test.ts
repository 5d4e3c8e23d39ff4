import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWorkingDay, localDate } from '@motcua/core';
import { readNationalCalendar } from './demo-province.ts';
import { prng } from './sample-applicants.ts';
import { preferences, samplePlans, workingInstant } from './sample-plan.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-04T10:00:00+07:00');
const FROM = NOW - 365 * DAY;
const COMMUNES = ['A', 'B', 'C'];

test('the same seed gives the same plans; another seed others', () => {
  const a = samplePlans(prng(7), 200, COMMUNES, FROM, NOW);
  assert.deepEqual(samplePlans(prng(7), 200, COMMUNES, FROM, NOW), a);
  assert.notDeepEqual(samplePlans(prng(8), 200, COMMUNES, FROM, NOW), a);
});

test('plans are oldest first, within the year, with recent work and every channel and fate', () => {
  const plans = samplePlans(prng(1), 400, COMMUNES, FROM, NOW);
  assert.equal(plans.length, 400);
  for (let i = 1; i < plans.length; i++) assert.ok(plans[i - 1]!.submitAt <= plans[i]!.submitAt);
  assert.ok(plans.every((p) => p.submitAt > FROM && p.submitAt <= NOW));
  const recent = plans.filter((p) => p.submitAt > NOW - 21 * DAY).length;
  assert.ok(recent >= 30 && recent <= 90, `${recent} in the last three weeks`);
  const months = new Set(plans.map((p) => localDate(p.submitAt, 'Asia/Ho_Chi_Minh').slice(0, 7)));
  assert.ok(months.size >= 12, `${months.size} months`);
  assert.deepEqual(new Set(plans.map((p) => p.channel)), new Set(['online', 'direct', 'postal']));
  assert.deepEqual(
    new Set(plans.map((p) => p.fate)),
    new Set(['normal', 'late', 'supplement', 'refused', 'denied', 'stalled']),
  );
  const online = plans.filter((p) => p.channel === 'online').length / plans.length;
  assert.ok(online > 0.5 && online < 0.7, `${online} online`);
});

test('what a plan does when core offers it: refused first, no result for a stalled dossier', () => {
  const plan = samplePlans(prng(3), 1, COMMUNES, FROM, NOW)[0]!;
  assert.equal(preferences({ ...plan, fate: 'refused' }, false)[0], 'refuse');
  assert.equal(preferences({ ...plan, fate: 'supplement' }, false)[0], 'request_supplement');
  assert.ok(!preferences({ ...plan, fate: 'supplement' }, true).includes('request_supplement'), 'asked once');
  assert.ok(!preferences({ ...plan, fate: 'stalled' }, false).includes('approve'));
  assert.ok(preferences({ ...plan, fate: 'denied' }, false).includes('deny'));
  assert.ok(!preferences({ ...plan, fate: 'normal' }, false).includes('deny'));
});

test('actions happen in working time of the calendar', () => {
  const cal = readNationalCalendar();
  const r = prng(5);
  const saturday = Date.parse('2026-11-28T10:00:00+07:00');
  const moved = workingInstant(cal, saturday, r);
  assert.equal(localDate(moved, cal.timeZone), '2026-11-30', 'to Monday');
  const night = Date.parse('2026-12-01T21:00:00+07:00');
  assert.equal(localDate(workingInstant(cal, night, r), cal.timeZone), '2026-12-02');
  const working = Date.parse('2026-12-02T09:15:00+07:00');
  assert.equal(workingInstant(cal, working, r), working, 'already in working time');
  for (let i = 0; i < 50; i++) {
    const t = workingInstant(cal, FROM + Math.floor(r() * 365 * DAY), r);
    assert.ok(isWorkingDay(cal, localDate(t, cal.timeZone)), new Date(t).toISOString());
  }
});
