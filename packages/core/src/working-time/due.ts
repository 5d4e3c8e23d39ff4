/**
 * Due instants (ngày hẹn trả kết quả). A due instant is computed once, when reception accepts the
 * dossier, and stored; afterwards only pause and extension events move it (shiftDue). Editing a
 * calendar later never moves an appointment already given: the caller must store the instant, not
 * recompute it.
 */
import type { Deadline, WorkingDuration } from '../model/procedure.ts';
import type { Calendar } from './calendar-schema.ts';
import { hoursOf, isWorkingDay, nextWorkingDay, workingDayMinutes, type Interval } from './working-days.ts';
import { addWorkingMs, workingMsBetween } from './working-time.ts';
import { addDays, localDate, parseTime, zonedInstant } from './zoned-time.ts';

const MINUTE = 60_000;
const SECOND = 1_000;

function requireValue(value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`A duration must be a finite number ≥ 0: ${value}`);
  }
}

/**
 * The working minutes of a working-days or working-hours duration: N × the length of a
 * `workingHours` day (or N × 60), rounded to the nearest whole minute (0.5 day = 240 min on an
 * 8-hour calendar). Null for calendar days and same-day deadlines, which end at a day's end.
 */
export function durationMinutes(cal: Calendar, duration: Deadline | WorkingDuration): number | null {
  if (duration.unit === 'working-days') {
    requireValue(duration.value);
    return Math.round(duration.value * workingDayMinutes(cal));
  }
  if (duration.unit === 'working-hours') {
    requireValue(duration.value);
    return Math.round(duration.value * 60);
  }
  return null;
}

/** The end of the last working period of a working date. */
export function endOfWorkingDay(cal: Calendar, date: string): number {
  const hours = hoursOf(cal, date);
  const last = hours[hours.length - 1];
  if (!last) throw new RangeError(`Not a working day: ${date}`);
  return zonedInstant(date, last[1], cal.timeZone);
}

/**
 * When a dossier accepted at `start` is due, before pauses are taken into account:
 * - working days / hours: that much working time after `start`;
 * - calendar days: N days after the acceptance date (the acceptance day itself not counted, as the
 *   Civil Code art. 147 counts periods in days; a fractional N is rounded up to whole days); a due
 *   day that is not a working day moves to the next working day; due at the END of that working day
 *   (the last moment the office can hand the result over);
 * - same day with a cut-off: accepted on a working day no later than the cut-off (HH:MM:00 itself
 *   counts: "after 15:00" means after, to the second the national portal exchanges) and before that
 *   day's work ends → due at the end of that working day; otherwise at the end of the next working
 *   day.
 */
function dueWithoutPauses(cal: Calendar, start: number, deadline: Deadline | WorkingDuration): number {
  if (!Number.isFinite(start)) throw new RangeError(`Not a finite instant: ${start}`);
  const minutes = durationMinutes(cal, deadline);
  if (minutes !== null) return addWorkingMs(cal, start, minutes * MINUTE);
  const startDate = localDate(start, cal.timeZone);
  if (deadline.unit === 'calendar-days') {
    requireValue(deadline.value);
    let date = addDays(startDate, Math.ceil(deadline.value));
    if (!isWorkingDay(cal, date)) date = nextWorkingDay(cal, date);
    let due = endOfWorkingDay(cal, date);
    if (due <= start) due = endOfWorkingDay(cal, nextWorkingDay(cal, date)); // 0 days, accepted after hours
    return due;
  }
  if (deadline.unit === 'same-day') {
    if (parseTime(deadline.cutoff) === null) throw new RangeError(`Not a cut-off time (HH:MM): ${deadline.cutoff}`);
    if (isWorkingDay(cal, startDate)) {
      const end = endOfWorkingDay(cal, startDate);
      // The cut-off minute's first second still belongs to the day (Decree 123/2015/NĐ-CP art. 9:
      // "sau 15 giờ" is after 15:00:00).
      const lastSameDay = zonedInstant(startDate, deadline.cutoff, cal.timeZone) + SECOND;
      if (start < lastSameDay && start < end) return end;
    }
    return endOfWorkingDay(cal, nextWorkingDay(cal, startDate));
  }
  throw new RangeError(`Unknown deadline unit: ${(deadline as { unit: unknown }).unit}`);
}

/**
 * The due instant of a deadline counted from `start` (the acceptance instant), with the clock
 * stopped during `pauses` (statuses 5 and 6). Calendar-day and same-day deadlines are first turned
 * into the working time between `start` and their due instant, so a pause moves every kind of
 * deadline the same way: by exactly the paused working time.
 */
export function computeDue(
  cal: Calendar,
  start: number,
  deadline: Deadline | WorkingDuration,
  pauses: readonly Interval[] = [],
): number {
  const due = dueWithoutPauses(cal, start, deadline);
  if (pauses.length === 0) return due;
  return addWorkingMs(cal, start, workingMsBetween(cal, start, due), pauses);
}

/**
 * Moves a stored due instant after a pause ends: by exactly the working time inside the pause
 * (`addWorkingMinutes(cal, dueAt, workingMinutesBetween(cal, pause.from, pause.to))`, computed to
 * the millisecond so that pause events carrying seconds stay exact). A pause without working time
 * moves nothing.
 */
export function shiftDue(cal: Calendar, dueAt: number, pause: Interval): number {
  if (!(pause.to >= pause.from))
    throw new RangeError(`A pause must not end before it starts: ${pause.from}/${pause.to}`);
  return addWorkingMs(cal, dueAt, workingMsBetween(cal, pause.from, pause.to));
}
