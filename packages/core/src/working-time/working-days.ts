import type { Calendar } from './calendar-schema.ts';
import { addDays, isValidDate, parseTime, weekdayOf, zonedInstant } from './zoned-time.ts';
import { MAX_IDLE_DAYS, noWorkingTime } from './limits.ts';

/** A half-open span of time [from, to), in epoch milliseconds: a pause, a working period. */
export interface Interval {
  from: number;
  to: number;
}

/**
 * A date outside the years a calendar covers: its holidays are unknown, so no deadline may be
 * computed across it (silently treating 1/1 or Tết as working days would give a wrong appointment).
 */
export class CalendarNotCoveredError extends RangeError {
  readonly code = 'calendar-not-covered';
  readonly date: string;
  readonly years: number[];
  readonly vi: string;
  readonly en: string;
  constructor(cal: Calendar, date: string) {
    const years = [...(cal.years ?? [])].sort((a, b) => a - b);
    const list = years.join(', ');
    const en = `The working calendar covers the years ${list}, not ${date.slice(0, 4)} (reached on ${date}): add that year's holidays and swaps before computing this deadline`;
    super(en);
    this.name = 'CalendarNotCoveredError';
    this.date = date;
    this.years = years;
    this.en = en;
    this.vi = `Lịch làm việc chỉ có các năm ${list}, chưa có năm ${date.slice(0, 4)} (đến ngày ${date.split('-').reverse().join('/')}): cần bổ sung ngày nghỉ lễ, Tết và ngày hoán đổi của năm đó trước khi tính thời hạn này`;
  }
}

function requireDate(date: string): void {
  if (!isValidDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
}

/**
 * Whether `date` ('YYYY-MM-DD', local to the calendar) is a working day: an extra working day
 * always is; otherwise a holiday or a weekly day off is not.
 */
export function isWorkingDay(cal: Calendar, date: string): boolean {
  requireDate(date);
  if (cal.years && !cal.years.includes(Number(date.slice(0, 4)))) throw new CalendarNotCoveredError(cal, date);
  if (cal.extraWorkingDays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  return !cal.weekend.includes(weekdayOf(date));
}

/**
 * The working periods ('HH:MM' pairs) of a working date. An extra working day works the full
 * `workingHours` (it stands in for a full day given off); other days use their weekday's own
 * `weekdayHours` when the calendar has them.
 */
export function hoursOf(cal: Calendar, date: string): [string, string][] {
  if (!isWorkingDay(cal, date)) return [];
  if (cal.extraWorkingDays.includes(date)) return cal.workingHours;
  return cal.weekdayHours?.[String(weekdayOf(date))] ?? cal.workingHours;
}

/** The working periods of `date` as instants, in order; empty on a non-working day. */
export function workingPeriods(cal: Calendar, date: string): Interval[] {
  return hoursOf(cal, date).map(([from, to]) => ({
    from: zonedInstant(date, from, cal.timeZone),
    to: zonedInstant(date, to, cal.timeZone),
  }));
}

/** The length of "1 working day" in minutes: the calendar's `workingHours`, whatever weekday. */
export function workingDayMinutes(cal: Calendar): number {
  return cal.workingHours.reduce((sum, [from, to]) => sum + (parseTime(to)! - parseTime(from)!), 0);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: Calendar, date: string): string {
  let d = date;
  for (let i = 0; i < MAX_IDLE_DAYS; i++) {
    d = addDays(d, 1);
    if (isWorkingDay(cal, d)) return d;
  }
  throw noWorkingTime(date);
}
