import { localDate } from './zoned-time.ts';

/** Report classes of a resolved dossier: trước hạn / đúng hạn / quá hạn (stores write these words). */
export const RESOLVED_CLASSES = ['early', 'on-time', 'late'] as const;
export type ResolvedClass = (typeof RESOLVED_CLASSES)[number];
/** Report class of a dossier still in progress at an instant: trong hạn / quá hạn. */
export type OpenClass = 'within' | 'overdue';

/**
 * A resolved dossier compared with its due instant BY DATE in the agency's zone (DOMAIN.md, Biểu
 * 06): resolved on an earlier day → early, on the due day (even after the due hour) → on time,
 * on a later day → late.
 */
export function classifyResolved(timeZone: string, resolvedAt: number, dueAt: number): ResolvedClass {
  const resolved = localDate(resolvedAt, timeZone);
  const due = localDate(dueAt, timeZone);
  return resolved < due ? 'early' : resolved === due ? 'on-time' : 'late';
}

/** A dossier still in progress at `at`: overdue once `at` is past the due instant itself. */
export function classifyOpen(dueAt: number, at: number): OpenClass {
  if (!Number.isFinite(dueAt) || !Number.isFinite(at)) throw new RangeError(`Not finite instants: ${dueAt}, ${at}`);
  return at > dueAt ? 'overdue' : 'within';
}
