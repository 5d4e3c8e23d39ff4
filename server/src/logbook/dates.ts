import { localDate } from '@motcua/core';

/** dd/mm/yyyy of an instant in `timeZone` (the way notes in a logbook read). */
export function formatVnDate(instant: number, timeZone: string): string {
  const [y, m, d] = localDate(instant, timeZone).split('-');
  return `${d}/${m}/${y}`;
}
