import type { Channel } from '../vocabulary/channels.ts';
import { classifyOpen, classifyResolved, type ResolvedClass } from '../working-time/index.ts';
import type { DossierState } from '../workflow/types.ts';
import { reportDueHistory } from '../workflow/report-due.ts';
import { endOfDay } from './period.ts';

/**
 * What Biểu 06 needs of one received dossier, taken from its state. Everything is history that
 * events only ever extend, so that a later event changes the dossier's contribution to days from
 * that event's day on, never before.
 */
export interface ReportFacts {
  /** The responsible agency (the dossier counts there, once). */
  agency: string;
  /** The procedure's field (lĩnh vực) code. */
  field: string;
  /** The responsible agency's zone: report days are its dates. */
  timeZone: string;
  channel: Channel;
  acceptedAt: number;
  /** How processing ended, if it has: result ready (9), withdrawn (7) or stopped (8). */
  end: { kind: 'resolved'; at: number; class: ResolvedClass } | { kind: 'withdrawn' | 'stopped'; at: number } | null;
  /**
   * The report's due instant in force from each instant on (acceptance, pause ends), in order. An
   * apology's new appointment is not one of them (workflow/report-due.ts).
   */
  dues: { from: number; dueAt: number }[];
  /** Clock pauses; `to` null while it lasts. */
  pauses: { from: number; to: number | null }[];
}

/** The dossier's report facts, or null when it was never received (not accepted: refused, withdrawn or stopped before). */
export function reportFacts(state: DossierState, field: string): ReportFacts | null {
  if (state.acceptedAt === null || state.responsibleAgency === null || state.timeZone === null || state.dueAt === null)
    return null;
  const dues = reportDueHistory(state.dueHistory);
  const due = dues.at(-1)?.dueAt ?? state.dueAt;
  let end: ReportFacts['end'] = null;
  if (state.resolvedAt !== null && state.outcome !== null) {
    end = {
      kind: 'resolved',
      at: state.resolvedAt,
      class: classifyResolved(state.timeZone, state.resolvedAt, due),
    };
  } else if (state.withdrawnAt !== null) {
    end = { kind: 'withdrawn', at: state.withdrawnAt };
  } else if (state.stoppedAt !== null) {
    end = { kind: 'stopped', at: state.stoppedAt };
  }
  return {
    agency: state.responsibleAgency,
    field,
    timeZone: state.timeZone,
    channel: state.channel,
    acceptedAt: state.acceptedAt,
    end,
    dues,
    pauses: state.pauses.map((p) => ({ from: p.from, to: p.to })),
  };
}

/**
 * Whether the dossier is in progress and overdue at the end of `day` (its agency's zone): the
 * state after every event before the next midnight. A dossier paused since before its due instant
 * is within its deadline (the clock is stopped; the due instant moves when the pause ends).
 */
export function overdueAtEndOfDay(f: ReportFacts, day: string): boolean {
  const e = endOfDay(day, f.timeZone);
  if (f.acceptedAt >= e) return false;
  if (f.end !== null && f.end.at < e) return false;
  let due: number | undefined;
  for (const d of f.dues) if (d.from < e) due = d.dueAt;
  if (due === undefined) return false;
  for (const p of f.pauses) {
    const pausedAtEnd = p.from < e && (p.to === null || p.to >= e);
    if (pausedAtEnd && p.from < due) return false;
  }
  return classifyOpen(due, e) === 'overdue';
}
