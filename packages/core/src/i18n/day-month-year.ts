/**
 * Dates are written and typed as dd/mm/yyyy in Việt Nam, whatever the browser's language (a
 * native date picker shows the browser's order: mm/dd/yyyy in an English browser). Stored dates
 * stay YYYY-MM-DD.
 */

/** YYYY-MM-DD shown as DD/MM/YYYY; anything else (text that was not a date) as it is. */
export function shownDate(data: string): string {
  return /^\d{4}-\d\d-\d\d$/.test(data) ? data.split('-').reverse().join('/') : data;
}

/**
 * A typed day, month, year (separated by /, -, . or spaces; a two-digit year is not guessed) or
 * an ISO date, as YYYY-MM-DD; text that is no calendar date stays as typed, for the schema's
 * format check to name and the person to correct.
 */
export function typedDate(text: string): string {
  const t = text.trim();
  let p = t.split(/[/.\-\s]+/);
  if (p[0]?.length === 4) p = p.reverse();
  const [d, m, y] = p.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return p.length === 3 && p[2]!.length === 4 && date.getUTCDate() === d && date.getUTCMonth() === m - 1
    ? date.toISOString().slice(0, 10)
    : t;
}

/** Whether `typedDate` made a calendar date of the text (YYYY-MM-DD). */
export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d\d-\d\d$/.test(text);
}
