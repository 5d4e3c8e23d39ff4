import type { StringKey } from '../i18n/strings.ts';

export interface EffectInput {
  status: number;
  dueAt: string | null;
  pausedSince: string | null;
}

/** What an action does to the dossier's deadline, said before it is confirmed. */
export interface DeadlineEffect {
  key: StringKey;
  /** For a moved appointment: the old and the new due instants (epoch ms). */
  from?: number;
  to?: number;
}

/**
 * The deadline rule of each action as the national rules set it (and core's evolve applies):
 * acceptance starts the clock; a supplement or payment request during processing stops it and
 * the answer restarts it, moving the appointment by the pause; an extension sets a new
 * appointment; a decision, stop, refusal or withdrawal ends it.
 */
export function deadlineEffect(kind: string, dossier: EffectInput, params: Record<string, unknown>): DeadlineEffect {
  const running = dossier.dueAt !== null && dossier.pausedSince === null;
  switch (kind) {
    case 'accept':
      return { key: 'effectStarts' };
    case 'request_supplement':
    case 'request_payment':
      return running ? { key: 'effectPauses' } : { key: 'effectNone' };
    case 'accept_supplement':
    case 'supplement_provided':
    case 'payment_recorded':
      return dossier.pausedSince !== null ? { key: 'effectResumes' } : { key: 'effectNone' };
    case 'extend': {
      const to = typeof params.newDueAt === 'number' ? params.newDueAt : undefined;
      const from = dossier.dueAt ? Date.parse(dossier.dueAt) : undefined;
      return to !== undefined && from !== undefined ? { key: 'effectMoves', from, to } : { key: 'effectMoves' };
    }
    case 'approve':
    case 'deny':
    case 'stop':
    case 'refuse':
    case 'withdraw':
      return { key: 'effectEnds' };
    default:
      return { key: 'effectNone' };
  }
}
