import {
  formatVnDate,
  formatVnDateTime,
  formatVnDayMonthYear,
  formatVnLongDate,
  formatVnLongDateTime,
  parseInstant,
} from '@motcua/core';

/** An ISO 8601 instant of the print data as epoch milliseconds; a RangeError, never NaN, when it is not one. */
export function instantOf(iso: string): number {
  const t = parseInstant(iso);
  if (t === null) throw new RangeError(`Not an instant: ${iso}`);
  return t;
}

/**
 * The instants of one document (ISO 8601 strings, as the print data carries them), printed by
 * core's Vietnamese date rules in the zone of the agency that issues it.
 */
export function printedIn(timeZone: string) {
  return {
    /** "01/10/2025" */
    date: (iso: string) => formatVnDate(instantOf(iso), timeZone),
    /** "01/10/2025 08:30" */
    dateTime: (iso: string) => formatVnDateTime(instantOf(iso), timeZone),
    /** "ngày 05 tháng 02 năm 2025" */
    longDate: (iso: string) => formatVnLongDate(instantOf(iso), timeZone),
    /** "08 giờ 30 phút, ngày 01 tháng 3 năm 2025" */
    longDateTime: (iso: string) => formatVnLongDateTime(instantOf(iso), timeZone),
    /** "01 tháng 3 năm 2025", after "ngày" */
    dayMonthYear: (iso: string) => formatVnDayMonthYear(instantOf(iso), timeZone),
  };
}
