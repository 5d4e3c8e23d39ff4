import type { ActionKind } from '../vocabulary/actions.ts';
import type { StatusCode } from '../vocabulary/statuses.ts';
import { OPEN_STATUSES, openPause } from './deadline-status.ts';
import type { DossierState } from './types.ts';

/** What a dossier shows of its clock: enough to say what an action will do to it. */
export interface DeadlineFacts {
  status: StatusCode | number;
  /** The appointment (epoch ms), null before acceptance. */
  dueAt: number | null;
  /** A supplement or payment pause is open. */
  paused: boolean;
}

/**
 * What an action does to the deadline, said before it is confirmed: the clock starts, pauses,
 * resumes (the appointment moved by the pause), moves to a new appointment, ends, or nothing.
 */
export type DeadlineEffect =
  { kind: 'starts' | 'pauses' | 'resumes' | 'ends' | 'none' } | { kind: 'moves'; from: number; to: number | null };

/** The facts of a state, for hosts that hold one. */
export function deadlineFacts(state: DossierState): DeadlineFacts {
  return { status: state.status, dueAt: state.dueAt, paused: openPause(state) !== null };
}

/** Whether the clock is on (running or paused): accepted and still being handled. */
export function clockOn(f: DeadlineFacts): boolean {
  return f.dueAt !== null && (OPEN_STATUSES as readonly number[]).includes(f.status);
}

/**
 * The rule `decide` and `evolve` apply, stated ahead of the action: acceptance fixes the
 * appointment (the clock starts at acceptance, not at online submission); a request for a
 * supplement or payment stops the clock and its answer restarts it, moving the appointment by the
 * pause; an extension (the apology letter) sets a new appointment; a result, stop, refusal or
 * withdrawal ends it.
 * `params` are the action's parameters as typed so far: an extension's `newDueAt` (epoch ms), a
 * received external answer's `outcome`. The property test holds it to what evolve then does.
 */
export function deadlineEffect(
  kind: ActionKind | string,
  facts: DeadlineFacts,
  params: Record<string, unknown> = {},
): DeadlineEffect {
  const on = clockOn(facts);
  switch (kind) {
    case 'accept':
      return facts.dueAt === null ? { kind: 'starts' } : { kind: 'none' };
    case 'request_supplement':
    case 'request_payment':
      return on && !facts.paused ? { kind: 'pauses' } : { kind: 'none' };
    // The applicant's supplement ends the pause (staff's acceptance of it no longer does); an
    // accept_supplement resumes only a pause that old logs left open.
    case 'supplement_provided':
    case 'accept_supplement':
    case 'payment_recorded':
      return on && facts.paused ? { kind: 'resumes' } : { kind: 'none' };
    case 'extend':
      if (!on) return { kind: 'none' };
      return { kind: 'moves', from: facts.dueAt!, to: typeof params.newDueAt === 'number' ? params.newDueAt : null };
    case 'receive_external':
      return on && params.outcome !== undefined ? { kind: 'ends' } : { kind: 'none' };
    case 'approve':
    case 'deny':
    case 'stop':
    case 'refuse':
    case 'withdraw':
      return on ? { kind: 'ends' } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}
