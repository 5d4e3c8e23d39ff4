import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wallTime, type WallTime } from './zoned-time.ts';

/** What `Intl` itself says (the reference `wallTime`'s remembered offsets must agree with). */
const formats = new Map<string, Intl.DateTimeFormat>();
function reference(instant: number, timeZone: string): WallTime {
  let f = formats.get(timeZone);
  if (!f)
    formats.set(
      timeZone,
      (f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        era: 'short',
      })),
    );
  const parts = f.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  const year = get('era') === 'BC' ? 1 - Number(get('year')) : Number(get('year'));
  return {
    year,
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond: ((instant % 1000) + 1000) % 1000,
  };
}

// Zones with DST, half- and quarter-hour offsets, a 30-minute DST shift, a date-line jump, odd
// historical (LMT) offsets in seconds, and Việt Nam's own history.
const ZONES = [
  'Asia/Ho_Chi_Minh',
  'UTC',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'Pacific/Apia',
  'Europe/Amsterdam',
  'Africa/Monrovia',
  'Asia/Kolkata',
];

test('wall times equal Intl\u2019s for random instants from 1850 to 2150 in zones with every kind of offset', () => {
  const instant = fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2150, 0, 1) });
  fc.assert(
    fc.property(
      fc.constantFrom(...ZONES),
      instant,
      fc.array(fc.integer({ min: -3 * 3600_000, max: 3 * 3600_000 }), { maxLength: 5 }),
      (zone, t, nearby) => {
        // Nearby instants reuse the remembered quarter-hours (the path that skips Intl).
        for (const x of [t, ...nearby.map((d) => t + d)])
          assert.deepEqual(wallTime(x, zone), reference(x, zone), `${zone} ${x}`);
      },
    ),
    { numRuns: 3000, seed: 20261129 },
  );
});

test('at every offset change (found by bisection) and a millisecond either side, wall times equal Intl\u2019s', () => {
  const offset = (t: number, zone: string) => {
    const w = reference(t, zone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - t;
  };
  let transitions = 0;
  for (const zone of ZONES) {
    for (let t = Date.UTC(1880, 0, 1); t < Date.UTC(2040, 0, 1); t += 86_400_000) {
      const next = t + 86_400_000;
      if (offset(t, zone) === offset(next, zone)) continue;
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offset(mid, zone) === offset(lo, zone)) lo = mid;
        else hi = mid;
      }
      transitions++;
      for (const x of [hi - 1, hi, hi + 1, hi - 15 * 60_000, hi + 15 * 60_000])
        assert.deepEqual(wallTime(x, zone), reference(x, zone), `${zone} at ${new Date(x).toISOString()}`);
    }
  }
  assert.ok(transitions > 500, `transitions checked: ${transitions}`);
});

test('unknown zones and instants outside the Date range are refused as before', () => {
  assert.throws(() => wallTime(0, 'Mars/Olympus_Mons'), RangeError);
  assert.throws(() => wallTime(Number.NaN, 'UTC'), RangeError);
  assert.throws(() => wallTime(9e15, 'UTC'), RangeError);
});
