import { VIETNAM_TIME_ZONE, type Lang } from '@motcua/core';

/** How close a deadline is: two severity levels beyond "fine", each shown by an icon and words. */
export type Severity = 'ok' | 'soon' | 'overdue';

export interface DueState {
  severity: Severity;
  /** Whole calendar days from today to the due day in Vietnam (negative: overdue by that many). */
  days: number;
}

/** Days left at or below which a deadline counts as "due soon". */
export const SOON_DAYS = 2;

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (in Vietnam) of an instant, as a day number since the epoch. */
function dayNumber(at: number): number {
  const [y, m, d] = dayFormat.format(at).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * The state of a deadline at `now`: `overdueFlag` is the server's (core's) verdict and wins, so
 * that a dossier due later today but already past its due instant is shown overdue.
 */
export function dueState(dueAt: string | null, now: number, overdueFlag = false): DueState | null {
  if (!dueAt) return null;
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  const days = dayNumber(due) - dayNumber(now);
  const late = overdueFlag || due < now;
  return { days, severity: late ? 'overdue' : days <= SOON_DAYS ? 'soon' : 'ok' };
}

const dateTime = (lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: VIETNAM_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

const dateOnly = (lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: VIETNAM_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });

export function formatDateTime(at: string | number | null | undefined, lang: Lang): string {
  if (at === null || at === undefined || at === '') return '—';
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return Number.isNaN(ms) ? '—' : dateTime(lang).format(ms);
}

export function formatDate(at: string | number | null | undefined, lang: Lang): string {
  if (at === null || at === undefined || at === '') return '—';
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return Number.isNaN(ms) ? '—' : dateOnly(lang).format(ms);
}

/** An amount in đồng: 8.000 đ / 8,000 VND. */
export function formatMoney(amount: number, lang: Lang): string {
  return lang === 'en' ? `${amount.toLocaleString('en-GB')} VND` : `${amount.toLocaleString('vi-VN')} đ`;
}

/** A `datetime-local` value (Vietnam's wall clock) as epoch ms, or null when not a date. */
export function localInputToEpoch(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  // Vietnam has kept UTC+7 without daylight saving since 1975.
  return Date.UTC(y, mo - 1, d, h - 7, mi);
}

/** Epoch ms as a `datetime-local` value on Vietnam's wall clock. */
export function epochToLocalInput(at: number): string {
  const d = new Date(at + 7 * 3_600_000);
  return d.toISOString().slice(0, 16);
}
