/**
 * Dates as Vietnamese documents print them, in Vietnam's time (UTC+7 all year: no daylight saving
 * since 1975, so a fixed offset is exact and keeps output independent of the host's time zone data).
 */
const OFFSET_MS = 7 * 60 * 60 * 1000;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock time in Vietnam of an instant. */
export function vnWallClock(instant: string | Date): WallClock {
  const t = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + OFFSET_MS;
  if (!Number.isFinite(t)) throw new RangeError(`Not an instant: ${String(instant)}`);
  const d = new Date(t);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/**
 * A Date whose UTC fields are Vietnam's wall clock: what spreadsheet cells need, since Excel dates
 * carry no time zone.
 */
export function vnWallClockDate(instant: string): Date {
  return new Date(Date.parse(instant) + OFFSET_MS);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** dd/MM/yyyy */
export function formatVnDate(instant: string): string {
  const w = vnWallClock(instant);
  return `${pad2(w.day)}/${pad2(w.month)}/${w.year}`;
}

/** dd/MM/yyyy HH:mm */
export function formatVnDateTime(instant: string): string {
  const w = vnWallClock(instant);
  return `${pad2(w.day)}/${pad2(w.month)}/${w.year} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** "08 giờ 30 phút, ngày 01 tháng 3 năm 2025" — the long form the circulars' slips use. */
export function formatVnLongDateTime(instant: string): string {
  const w = vnWallClock(instant);
  return `${pad2(w.hour)} giờ ${pad2(w.minute)} phút, ${longDate(w)}`;
}

/** "ngày 01 tháng 3 năm 2025", "ngày 15 tháng 01 năm 2026" */
export function formatVnLongDate(instant: string): string {
  return `ngày ${dayMonthYear(vnWallClock(instant))}`;
}

/** "01 tháng 3 năm 2025", to follow a capitalised "Ngày". */
export function formatVnDayMonthYear(instant: string): string {
  return dayMonthYear(vnWallClock(instant));
}

/**
 * "Hà Nội, ngày 05 tháng 02 năm 2025": the place and date line of an administrative document. */
export function formatPlaceDate(place: string, instant: string): string {
  return `${place}, ${longDate(vnWallClock(instant))}`;
}

/** A calendar date "YYYY-MM-DD" as dd/MM/yyyy. */
export function formatCalendarDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a calendar date: ${date}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** The calendar date (YYYY-MM-DD) in Vietnam of an instant. */
export function vnCalendarDate(instant: string): string {
  const w = vnWallClock(instant);
  return `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;
}

/** Decree 30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a leading zero, other months not. */
function dayMonthYear(w: WallClock): string {
  const month = w.month <= 2 ? pad2(w.month) : String(w.month);
  return `${pad2(w.day)} tháng ${month} năm ${w.year}`;
}

function longDate(w: WallClock): string {
  return `ngày ${dayMonthYear(w)}`;
}
