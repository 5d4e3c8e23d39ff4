import type { InboxFilter } from '../data/staff-data.ts';
import type { StringKey } from '../i18n/strings.ts';

export type Stage = 'stageProcessing' | 'stageReception' | 'stageSupplement' | 'stageResults' | 'stageMonitoring';

export interface QueueDef {
  id: string;
  stage: Stage;
  label: StringKey;
  filter: InboxFilter;
}

/**
 * The inbox's queues, grouped by stage, each as a query of the agency inbox route. A queue that
 * route cannot yet express exactly (forwarded in or out) is left out rather than approximated.
 */
export const QUEUES: readonly QueueDef[] = [
  { id: 'waiting', stage: 'stageProcessing', label: 'navInbox', filter: { view: 'queue' } },
  { id: 'mine', stage: 'stageProcessing', label: 'qMine', filter: { view: 'mine' } },
  { id: 'unit', stage: 'stageProcessing', label: 'qUnit', filter: { view: 'open' } },
  { id: 'paused', stage: 'stageProcessing', label: 'qPaused', filter: { view: 'open', due: 'paused' } },
  {
    id: 'new-online',
    stage: 'stageReception',
    label: 'qNewOnline',
    filter: { view: 'queue', status: '1', channel: 'online' },
  },
  { id: 'awaiting-payment', stage: 'stageReception', label: 'qAwaitingPayment', filter: { view: 'open', status: '6' } },
  { id: 'refused', stage: 'stageReception', label: 'qRefused', filter: { view: 'passed', status: '3' } },
  {
    id: 'supplement-requested',
    stage: 'stageSupplement',
    label: 'qSupplementRequested',
    filter: { view: 'open', status: '5' },
  },
  {
    id: 'supplement-received',
    stage: 'stageSupplement',
    label: 'qSupplementReceived',
    filter: { view: 'queue', status: '5' },
  },
  {
    id: 'result-online',
    stage: 'stageResults',
    label: 'qResultOnline',
    filter: { view: 'passed', status: '9', channel: 'online' },
  },
  {
    id: 'result-counter',
    stage: 'stageResults',
    label: 'qResultCounter',
    filter: { view: 'passed', status: '9', channel: 'direct' },
  },
  {
    id: 'result-post',
    stage: 'stageResults',
    label: 'qResultPost',
    filter: { view: 'passed', status: '9', channel: 'postal' },
  },
  { id: 'due-soon', stage: 'stageMonitoring', label: 'qDueSoon', filter: { view: 'open', due: 'soon' } },
  { id: 'overdue', stage: 'stageMonitoring', label: 'qOverdue', filter: { view: 'open', due: 'overdue' } },
];

export const STAGES: readonly Stage[] = [
  'stageProcessing',
  'stageReception',
  'stageSupplement',
  'stageResults',
  'stageMonitoring',
];

export const queueById = (id: string | undefined): QueueDef => QUEUES.find((q) => q.id === id) ?? QUEUES[0]!;
