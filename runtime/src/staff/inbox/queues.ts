import { QUEUES as CORE_QUEUES, QUEUE_STAGES, type QueueId, type QueueStage } from '@motcua/core';
import type { InboxFilter, QueueScope } from '../data/staff-data.ts';
import type { StringKey } from '../i18n/strings.ts';

/** Everything waiting for the person's roles at the agency: the landing list, across the queues. */
export const WAITING = 'waiting';

export interface QueueDef {
  id: QueueId | typeof WAITING;
  /** Null for the landing list, which is above the stages. */
  stage: QueueStage | null;
  label: StringKey;
}

/** The i18n keys of core's stages and queues; a queue core adds fails to compile here until named. */
export const STAGE_LABELS: Record<QueueStage, StringKey> = {
  reception: 'stageReception',
  supplements: 'stageSupplement',
  processing: 'stageProcessing',
  results: 'stageResults',
  monitoring: 'stageMonitoring',
};
const QUEUE_LABELS: Record<QueueId, StringKey> = {
  'new-online': 'qNewOnline',
  'awaiting-payment': 'qAwaitingPayment',
  refused: 'qRefused',
  'forwarded-in': 'qForwardedIn',
  'supplement-requested': 'qSupplementRequested',
  'supplement-received': 'qSupplementReceived',
  mine: 'qMine',
  unit: 'qUnit',
  paused: 'qPaused',
  'forwarded-out': 'qForwardedOut',
  'result-online': 'qResultOnline',
  'result-counter': 'qResultCounter',
  'result-postal': 'qResultPost',
  'due-soon': 'qDueSoon',
  overdue: 'qOverdue',
};

/**
 * The inbox's queues: core's (the server counts and lists them from the same definitions), grouped
 * by stage in core's order, after the landing list of everything waiting for the person's roles.
 */
export const QUEUES: readonly QueueDef[] = [
  { id: WAITING, stage: null, label: 'navInbox' },
  ...CORE_QUEUES.map((q) => ({ id: q.id, stage: q.stage, label: QUEUE_LABELS[q.id] })),
];

export const STAGES: readonly QueueStage[] = QUEUE_STAGES;

export const queueById = (id: string | undefined): QueueDef => QUEUES.find((q) => q.id === id) ?? QUEUES[0]!;

/** The inbox route's query for a queue in a scope (the landing list has no scope: it is the person's). */
export function queueFilter(q: QueueDef, scope: QueueScope): InboxFilter {
  return q.id === WAITING ? { view: 'queue' } : { queue: q.id, scope };
}
