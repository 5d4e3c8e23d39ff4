import { addDays } from '../working-time/index.ts';
import { emptyRow, type Bieu06Row } from './bieu06-row.ts';
import { overdueAtEndOfDay, type ReportFacts } from './facts.ts';
import { dayOf, type Period } from './period.ts';

/**
 * Ledger columns: per-day movements from which any period's Biểu 06 is a pure function of day sums.
 * - accepted-online / accepted-direct: +1 on the acceptance day;
 * - resolved-early / resolved-on-time / resolved-late / withdrawn / stopped: +1 on the day it ended;
 * - overdue: +1 on the day an open dossier becomes overdue (as of that day's end), −1 on the day
 *   it stops being so (ended, paused, due moved by a pause);
 * - `annex:{online|direct}:{acceptance day}`: +1 on the day a dossier was withdrawn or stopped.
 *   The form leaves such a dossier out of its received columns for the period it ended in, and
 *   which column (new by channel, or carried over) depends on whether it was accepted before the
 *   period — a pair of days that a single day's sum cannot tell, so the column carries the other.
 */
export const LEDGER_COLUMNS = [
  'accepted-online',
  'accepted-direct',
  'resolved-early',
  'resolved-on-time',
  'resolved-late',
  'withdrawn',
  'stopped',
  'overdue',
] as const;
/** The annex column of a dossier withdrawn or stopped, by its acceptance channel and day. */
export type AnnexLedgerColumn = `annex:${'online' | 'direct'}:${string}`;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number] | AnnexLedgerColumn;

/** Prefix of every annex ledger column (for SQL that selects them: derive, never retype). */
export const ANNEX_LEDGER_PREFIX = 'annex:';

export function annexLedgerColumn(channel: 'online' | 'direct', acceptedDay: string): AnnexLedgerColumn {
  return `annex:${channel}:${acceptedDay}`;
}

/** The channel and acceptance day of an annex column, or null for any other column. */
export function parseAnnexLedgerColumn(column: string): { channel: 'online' | 'direct'; acceptedDay: string } | null {
  const m = /^annex:(online|direct):(\d{4}-\d{2}-\d{2})$/.exec(column);
  return m ? { channel: m[1] as 'online' | 'direct', acceptedDay: m[2]! } : null;
}

export interface LedgerEntry {
  agency: string;
  field: string;
  /** 'YYYY-MM-DD' in the agency's zone. */
  day: string;
  column: LedgerColumn;
  delta: number;
}

const ACCEPTED: readonly LedgerColumn[] = ['accepted-online', 'accepted-direct'];

/**
 * One dossier's ledger entries, as the history known so far implies them (an open dossier's
 * "becomes overdue" lies in the future until an event changes it; `ledgerDiff` replaces it then).
 */
export function ledger(f: ReportFacts): LedgerEntry[] {
  const entry = (day: string, column: LedgerColumn, delta: number): LedgerEntry => ({
    agency: f.agency,
    field: f.field,
    day,
    column,
    delta,
  });
  const accepted = dayOf(f.acceptedAt, f.timeZone);
  const out: LedgerEntry[] = [entry(accepted, f.channel === 'online' ? 'accepted-online' : 'accepted-direct', 1)];
  if (f.end) {
    const column: LedgerColumn = f.end.kind === 'resolved' ? (`resolved-${f.end.class}` as LedgerColumn) : f.end.kind;
    out.push(entry(dayOf(f.end.at, f.timeZone), column, 1));
    if (f.end.kind !== 'resolved') {
      const channel = f.channel === 'online' ? 'online' : 'direct';
      out.push(entry(dayOf(f.end.at, f.timeZone), annexLedgerColumn(channel, accepted), 1));
    }
  }
  // Overdue-at-end-of-day is a step function of the day that can change only on a day some
  // instant of the history falls on (or the next one): evaluate it there and record the changes.
  const instants = [f.acceptedAt, ...(f.end ? [f.end.at] : [])];
  for (const d of f.dues) instants.push(d.from, d.dueAt);
  for (const p of f.pauses) instants.push(p.from, ...(p.to !== null ? [p.to] : []));
  const days = new Set<string>();
  for (const t of instants) {
    const d = dayOf(t, f.timeZone);
    if (d >= accepted) days.add(d).add(addDays(d, 1)).add(addDays(d, -1));
  }
  let was = false;
  for (const day of [...days].filter((d) => d >= accepted).sort()) {
    const is = overdueAtEndOfDay(f, day);
    if (is !== was) out.push(entry(day, 'overdue', is ? 1 : -1));
    was = is;
  }
  return out;
}

/**
 * Biểu 06 for a period from ledger entries (already filtered to the agencies and fields wanted):
 * sums over the period's days, and over the days before it for what is carried over or still open.
 */
export function reportFromLedger(entries: Iterable<LedgerEntry>, period: Period): Bieu06Row {
  const row = emptyRow();
  let acceptedBefore = 0;
  let endedBefore = 0;
  let acceptedThrough = 0;
  let endedThrough = 0;
  let annexCarried = 0;
  for (const e of entries) {
    if (e.day > period.to) continue;
    const before = e.day < period.from;
    const annex = parseAnnexLedgerColumn(e.column);
    if (annex) {
      // Ended in the period, withdrawn or stopped: out of the form's received columns.
      if (before) continue;
      if (annex.acceptedDay < period.from) annexCarried += e.delta;
      else if (annex.channel === 'online') row.online -= e.delta;
      else row.directOrPostal -= e.delta;
      continue;
    }
    if (e.column === 'overdue') {
      row.overdue += e.delta;
      continue;
    }
    if (ACCEPTED.includes(e.column)) {
      acceptedThrough += e.delta;
      if (before) acceptedBefore += e.delta;
      else if (e.column === 'accepted-online') row.online += e.delta;
      else row.directOrPostal += e.delta;
      continue;
    }
    endedThrough += e.delta;
    if (before) {
      endedBefore += e.delta;
      continue;
    }
    switch (e.column) {
      case 'resolved-early':
        row.early += e.delta;
        break;
      case 'resolved-on-time':
        row.onTime += e.delta;
        break;
      case 'resolved-late':
        row.late += e.delta;
        break;
      case 'withdrawn':
        row.withdrawn += e.delta;
        break;
      case 'stopped':
        row.stopped += e.delta;
        break;
    }
  }
  row.carriedOver = acceptedBefore - endedBefore - annexCarried;
  row.received = row.online + row.directOrPostal + row.carriedOver;
  row.resolved = row.early + row.onTime + row.late;
  row.inProgress = acceptedThrough - endedThrough;
  row.withinDeadline = row.inProgress - row.overdue;
  return row;
}

const keyOf = (e: LedgerEntry) => `${e.agency}\u0000${e.field}\u0000${e.day}\u0000${e.column}`;

/**
 * The entries to add to running totals when a dossier's facts change from `before` to `after`
 * (null: not received). Zero deltas are left out. Because facts only ever extend history, every
 * entry is dated on or after the day of the event that caused the change.
 */
export function ledgerDiff(before: ReportFacts | null, after: ReportFacts | null): LedgerEntry[] {
  const sums = new Map<string, LedgerEntry>();
  const add = (e: LedgerEntry, sign: number) => {
    const k = keyOf(e);
    const cur = sums.get(k);
    if (cur) cur.delta += sign * e.delta;
    else sums.set(k, { ...e, delta: sign * e.delta });
  };
  if (before) for (const e of ledger(before)) add(e, -1);
  if (after) for (const e of ledger(after)) add(e, 1);
  return [...sums.values()]
    .filter((e) => e.delta !== 0)
    .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}
