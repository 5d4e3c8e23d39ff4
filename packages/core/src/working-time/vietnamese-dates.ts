/**
 * Dates and times as Vietnamese administrative documents print them (slips, logbooks, reports, the
 * notes of a logbook), in the issuing agency's time zone — its calendar's, Asia/Ho_Chi_Minh unless
 * configured otherwise. One rule for every host: the server's slips and logbook call these.
 */
import { parseDate, wallTime, type WallTime } from './zoned-time.ts';

/** Việt Nam's time zone: the default of every agency without a calendar of its own. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const pad2 = (n: number) => String(n).padStart(2, '0');

const numeric = (w: Pick<WallTime, 'year' | 'month' | 'day'>) => `${pad2(w.day)}/${pad2(w.month)}/${w.year}`;

/** Decree 30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a leading zero, other months not. */
const words = (w: Pick<WallTime, 'year' | 'month' | 'day'>) =>
  `${pad2(w.day)} tháng ${w.month <= 2 ? pad2(w.month) : String(w.month)} năm ${w.year}`;

/** "01/10/2025" */
export function formatVnDate(instant: number, timeZone: string): string {
  return numeric(wallTime(instant, timeZone));
}

/** "01/10/2025 08:30" */
export function formatVnDateTime(instant: number, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  return `${numeric(w)} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** "01 tháng 3 năm 2025", "15 tháng 01 năm 2026": to follow "ngày" or a capitalised "Ngày". */
export function formatVnDayMonthYear(instant: number, timeZone: string): string {
  return words(wallTime(instant, timeZone));
}

/** "ngày 05 tháng 02 năm 2025": the date of an administrative document's place and date line. */
export function formatVnLongDate(instant: number, timeZone: string): string {
  return `ngày ${formatVnDayMonthYear(instant, timeZone)}`;
}

/** "08 giờ 30 phút, ngày 01 tháng 3 năm 2025": the long form the circulars' slips use. */
export function formatVnLongDateTime(instant: number, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  return `${pad2(w.hour)} giờ ${pad2(w.minute)} phút, ngày ${words(w)}`;
}

/** A calendar date "YYYY-MM-DD" (no zone: it is already local) as "dd/MM/yyyy". */
export function formatVnCalendarDate(date: string): string {
  const d = parseDate(date);
  if (!d) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return numeric(d);
}
