/**
 * Working time: time counts only inside the calendar's working periods and outside pauses.
 * The walk goes period by period (a due date 60 working days out takes ~90 steps, not 28 800
 * minute steps) and jumps over long pauses whole.
 */
import type { Calendar } from './calendar-schema.ts';
import { workingPeriods, type Interval } from './working-days.ts';
import { MAX_IDLE_DAYS, noWorkingTime } from './limits.ts';
import { addDays, localDate } from './zoned-time.ts';

const MINUTE = 60_000;

/** Pauses sorted and merged (overlapping or touching ones become one); empty ones dropped. */
export function normalizePauses(pauses: readonly Interval[] = []): Interval[] {
  for (const p of pauses) {
    if (!Number.isFinite(p.from) || !Number.isFinite(p.to))
      throw new RangeError(`A pause must have finite ends: ${p.from}/${p.to}`);
    if (p.to < p.from) throw new RangeError(`A pause must not end before it starts: ${p.from}/${p.to}`);
  }
  const sorted = pauses
    .filter((p) => p.to > p.from)
    .map((p) => ({ from: p.from, to: p.to }))
    .sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else out.push(p);
  }
  return out;
}

/**
 * Calls `visit` with each stretch [from, to) of unpaused working time from `start` on, in order,
 * until it returns true (or, with `lastDate`, the walk passes that local date).
 */
function walk(
  cal: Calendar,
  start: number,
  pauses: Interval[],
  visit: (from: number, to: number) => boolean,
  lastDate?: string,
): void {
  if (!Number.isFinite(start)) throw new RangeError(`Not a finite instant: ${start}`);
  let date = localDate(start, cal.timeZone);
  let pi = 0;
  let idle = 0;
  for (;;) {
    if (lastDate !== undefined && date > lastDate) return;
    const periods = workingPeriods(cal, date);
    if (periods.length === 0) {
      if (++idle > MAX_IDLE_DAYS) throw noWorkingTime(date);
    } else idle = 0;
    let next = addDays(date, 1);
    for (const period of periods) {
      let from = Math.max(period.from, start);
      while (from < period.to) {
        while (pi < pauses.length && pauses[pi]!.to <= from) pi++;
        const pause = pauses[pi];
        if (pause && pause.from <= from) {
          from = pause.to;
          // A pause running past this period: skip the days it covers whole.
          const resume = localDate(pause.to, cal.timeZone);
          if (resume > next) next = resume;
          continue;
        }
        const end = pause ? Math.min(period.to, pause.from) : period.to;
        if (visit(from, end)) return;
        from = end;
      }
    }
    date = next;
  }
}

/**
 * The instant reached after `ms` milliseconds of working time from `start` (exact, for callers
 * that carry seconds). A result at the very end of a period is that end (17:00, not 07:00 the next
 * morning). Zero returns `start` itself, so a pause with no working time moves nothing.
 */
export function addWorkingMs(cal: Calendar, start: number, ms: number, pauses: readonly Interval[] = []): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Working time must be ≥ 0: ${ms}`);
  if (ms === 0) return start;
  let remaining = ms;
  let result = NaN;
  walk(cal, start, normalizePauses(pauses), (from, to) => {
    if (remaining <= to - from) {
      result = from + remaining;
      return true;
    }
    remaining -= to - from;
    return false;
  });
  return result;
}

/** The working time between two instants in milliseconds (negative when `to` is before `from`). */
export function workingMsBetween(cal: Calendar, from: number, to: number, pauses: readonly Interval[] = []): number {
  if (!Number.isFinite(to)) throw new RangeError(`Not a finite instant: ${to}`);
  if (to < from) return -workingMsBetween(cal, to, from, pauses);
  let total = 0;
  walk(
    cal,
    from,
    normalizePauses(pauses),
    (a, b) => {
      if (a >= to) return true;
      total += Math.min(b, to) - a;
      return b >= to;
    },
    localDate(to, cal.timeZone),
  );
  return total;
}

/**
 * The instant after `minutes` (a whole number ≥ 0) of working time from `start`. A start outside
 * working time counts from the next working moment; paused spans do not count.
 */
export function addWorkingMinutes(
  cal: Calendar,
  start: number,
  minutes: number,
  pauses: readonly Interval[] = [],
): number {
  if (!Number.isInteger(minutes) || minutes < 0)
    throw new RangeError(`Working minutes must be a whole number ≥ 0: ${minutes}`);
  return addWorkingMs(cal, start, minutes * MINUTE, pauses);
}

/**
 * Whole minutes of working time between two instants, outside pauses (rounded toward zero when
 * the instants carry seconds; negative when `to` is before `from`).
 */
export function workingMinutesBetween(
  cal: Calendar,
  from: number,
  to: number,
  pauses: readonly Interval[] = [],
): number {
  const ms = workingMsBetween(cal, from, to, pauses);
  return Math.trunc(ms / MINUTE) + 0; // + 0 turns -0 into 0
}
