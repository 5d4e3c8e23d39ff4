/**
 * Instants (epoch milliseconds) and local dates/times in an IANA time zone, through `Intl` only:
 * no Node API and no dependence on the host's own zone (a server in UTC must give the same dates
 * as a browser in Hà Nội). No fixed offset is assumed, so zones with DST work as well.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;

/** Wall-clock fields of an instant in a zone. */
export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number; // 0–23
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: the one check of a zone name we rely on.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `Intl` knows the zone (e.g. "Asia/Ho_Chi_Minh", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function assertInstant(instant: number): void {
  if (!Number.isFinite(instant)) throw new RangeError(`Not a finite instant: ${instant}`);
}

/** The wall time from `Intl` itself: exact for every instant, but a few microseconds a call. */
function intlWallTime(instant: number, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '0';
  let year = Number(get('year'));
  if (get('era') === 'BC') year = 1 - year;
  const millisecond = ((instant % 1000) + 1000) % 1000;
  return {
    year,
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond,
  };
}

/*
 * A zone's offset changes only at its transitions, never twice within a quarter of an hour. So
 * when `Intl` gives the same offset at both ends of a quarter-hour (UTC), every instant between has
 * it and its wall time is plain arithmetic; quarters holding a transition keep asking `Intl`.
 * Offsets are remembered per zone and quarter (bounded): deadlines and codes call this often.
 */
const QUARTER_MS = 15 * 60_000;
const MAX_QUARTERS = 20_000;
const DATE_LIMIT_MS = 8.64e15 - 2 * DAY_MS;
const quarterOffsets = new Map<string, Map<number, number | null>>();

function intlOffset(instant: number, timeZone: string): number {
  return wallAsUtc(intlWallTime(instant, timeZone)) - instant;
}

/** The local wall-clock time of `instant` in `timeZone`. */
export function wallTime(instant: number, timeZone: string): WallTime {
  assertInstant(instant);
  if (Math.abs(instant) > DATE_LIMIT_MS) return intlWallTime(instant, timeZone);
  let byQuarter = quarterOffsets.get(timeZone);
  if (!byQuarter) {
    formatter(timeZone); // an unknown zone throws here, as before
    quarterOffsets.set(timeZone, (byQuarter = new Map()));
  }
  const quarter = Math.floor(instant / QUARTER_MS);
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_MS;
    const a = intlOffset(start, timeZone);
    offset = a === intlOffset(start + QUARTER_MS - 1, timeZone) ? a : null;
    if (byQuarter.size >= MAX_QUARTERS) byQuarter.clear();
    byQuarter.set(quarter, offset);
  }
  if (offset === null) return intlWallTime(instant, timeZone);
  const d = new Date(instant + offset);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

function wallAsUtc(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

/** The zone's offset from UTC at `instant`, in milliseconds (+07:00 → 25 200 000). */
export function zoneOffset(instant: number, timeZone: string): number {
  return wallAsUtc(wallTime(instant, timeZone)) - instant;
}

function pad(n: number, width = 2): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function formatDate(w: WallTime): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The local date of `instant` in `timeZone`, as 'YYYY-MM-DD'. */
export function localDate(instant: number, timeZone: string): string {
  return formatDate(wallTime(instant, timeZone));
}

/** The local time of `instant` in `timeZone`, as 'HH:MM'. */
export function localTime(instant: number, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  let rest = Math.round(Math.abs(offsetMs) / 1000);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  return `${sign}${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
}

/**
 * ISO 8601 in the zone with its offset: '2026-12-02T16:00:00+07:00' (milliseconds only when not
 * zero). This is how motcua shows and exchanges instants (docs/public-api.md).
 */
export function formatInstant(instant: number, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  const ms = w.millisecond ? `.${pad(w.millisecond, 3)}` : '';
  return `${formatDate(w)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${ms}${formatOffset(wallAsUtc(w) - instant)}`;
}

/** The national portal's 'yyyyMMddHHmmss' (24-hour clock) in the zone. */
export function formatPortalDate(instant: number, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
}

/** Parses 'YYYY-MM-DD' into its fields when it names a real day of the Gregorian calendar. */
export function parseDate(date: string): { year: number; month: number; day: number } | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when `date` is 'YYYY-MM-DD' and a real day (no 2026-02-30). */
export function isValidDate(date: string): boolean {
  return parseDate(date) !== null;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function requireDate(date: string): { year: number; month: number; day: number } {
  const d = parseDate(date);
  if (!d) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return d;
}

function dayNumber(date: string): number {
  const { year, month, day } = requireDate(date);
  return wallAsUtc({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }) / DAY_MS;
}

function dateOfDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return formatDate({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
  });
}

/** The date `days` calendar days after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return dateOfDayNumber(dayNumber(date) + days);
}

/** The weekday of a date: 0 = Sunday … 6 = Saturday (the calendar file's numbering). */
export function weekdayOf(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Minutes since midnight of 'HH:MM', or null when malformed or out of range. */
export function parseTime(time: string): number | null {
  const m = TIME_RE.exec(time);
  if (!m || m[3] !== undefined) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

const instantCache = new Map<string, number>();

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time` ('HH:MM' or 'HH:MM:SS').
 * A time skipped by a DST jump resolves to the same wall time after the jump; a repeated time to
 * its first occurrence (Temporal's "compatible" choice).
 */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const key = `${timeZone}|${date}|${time}`;
  const cached = instantCache.get(key);
  if (cached !== undefined) return cached;
  const { year, month, day } = requireDate(date);
  const t = TIME_RE.exec(time);
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59 || Number(t[3] ?? 0) > 59) {
    throw new RangeError(`Not a time (HH:MM): ${time}`);
  }
  const local = wallAsUtc({
    year,
    month,
    day,
    hour: Number(t[1]),
    minute: Number(t[2]),
    second: Number(t[3] ?? 0),
    millisecond: 0,
  });
  const before = zoneOffset(local - DAY_MS, timeZone);
  const after = zoneOffset(local + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((o) => local - o)
    .filter((i) => zoneOffset(i, timeZone) === local - i)
    .sort((a, b) => a - b);
  // No candidate: the wall time falls in a gap; take it with the offset in force before the gap.
  const result = candidates[0] ?? local - before;
  if (instantCache.size > 50_000) instantCache.clear();
  instantCache.set(key, result);
  return result;
}

const INSTANT_RE =
  /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * Parses an ISO 8601 instant: '2026-12-01T09:30:00+07:00', '…Z', or — when `timeZone` is given —
 * a local date-time without offset ('2026-12-01T09:30'), read in that zone. Null when malformed or
 * not a real date/time. (Stricter than Date.parse, which accepts many non-ISO forms.)
 */
export function parseInstant(text: string, timeZone?: string): number | null {
  const m = INSTANT_RE.exec(text.trim());
  if (!m) return null;
  const [, date, hh, mi, ss = '00', frac = '', z, sign, oh, om] = m;
  const d = parseDate(date!);
  if (!d || Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) return null;
  const ms = Number(frac.padEnd(3, '0'));
  const wall = wallAsUtc({ ...d, hour: Number(hh), minute: Number(mi), second: Number(ss), millisecond: ms });
  if (z) return wall;
  if (sign) {
    if (Number(oh) > 23 || Number(om) > 59) return null;
    const offset = (Number(oh) * 60 + Number(om)) * 60_000 * (sign === '-' ? -1 : 1);
    return wall - offset;
  }
  if (timeZone === undefined) return null;
  return zonedInstant(date!, `${hh}:${mi}:${ss}`, timeZone) + ms;
}
