import { classifyOpen } from '../working-time/index.ts';
import type { DossierState, Pause } from './types.ts';

/** Statuses in which an accepted dossier is still being handled (the clock runs or is paused). */
export const OPEN_STATUSES = [2, 4, 5, 6] as const;

export function openPause(state: DossierState): Pause | null {
  for (let i = state.pauses.length - 1; i >= 0; i--) if (state.pauses[i]!.to === null) return state.pauses[i]!;
  return null;
}

/**
 * Whether an accepted, unfinished dossier is past its due instant at `at`. A dossier paused
 * (supplement, payment) since before its due instant is not: its clock is stopped, and the due
 * instant moves when the pause ends. Derived at read time, never stored.
 */
export function isOverdue(state: DossierState, at: number): boolean {
  if (state.acceptedAt === null || state.dueAt === null) return false;
  if (!(OPEN_STATUSES as readonly number[]).includes(state.status)) return false;
  const pause = openPause(state);
  if (pause && pause.from < state.dueAt) return false;
  return classifyOpen(state.dueAt, at) === 'overdue';
}

/** Whether the applicant's time limit for the requested supplement has passed without it being provided. */
export function supplementExpired(state: DossierState, at: number): boolean {
  const s = state.supplement;
  return state.status === 5 && s !== null && !s.provided && at > s.dueBy;
}
