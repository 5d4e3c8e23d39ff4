import type { Calendar } from './calendar-schema.ts';

/**
 * One calendar from several that differ only in their dated entries (e.g. one file per year as
 * the government publishes them): holidays, extra working days and notes are united, in date
 * order. Throws when the zone, hours or weekend differ, since no single calendar would be right.
 */
export function mergeCalendars(first: Calendar, ...rest: Calendar[]): Calendar {
  const same = (c: Calendar) =>
    c.timeZone === first.timeZone &&
    JSON.stringify(c.workingHours) === JSON.stringify(first.workingHours) &&
    JSON.stringify([...c.weekend].sort()) === JSON.stringify([...first.weekend].sort()) &&
    JSON.stringify(c.weekdayHours ?? {}) === JSON.stringify(first.weekdayHours ?? {});
  const all = [first, ...rest];
  if (!all.every(same)) throw new Error('Calendars differ in time zone, hours or weekend: they cannot be merged');
  const union = (pick: (c: Calendar) => string[]) => [...new Set(all.flatMap(pick))].sort();
  const merged: Calendar = {
    timeZone: first.timeZone,
    workingHours: first.workingHours,
    weekend: first.weekend,
    holidays: union((c) => c.holidays),
    extraWorkingDays: union((c) => c.extraWorkingDays),
  };
  if (first.weekdayHours) merged.weekdayHours = first.weekdayHours;
  // Covered years are known only when every part says which it covers.
  if (all.every((c) => c.years)) merged.years = [...new Set(all.flatMap((c) => c.years!))].sort((a, b) => a - b);
  const provisional = [...new Set(all.flatMap((c) => c.provisionalYears ?? []))].sort((a, b) => a - b);
  if (provisional.length) merged.provisionalYears = provisional;
  const notes = Object.assign({}, ...all.map((c) => c.notes ?? {})) as Record<string, string>;
  if (Object.keys(notes).length) {
    merged.notes = Object.fromEntries(Object.entries(notes).sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return JSON.parse(JSON.stringify(merged)) as Calendar;
}
