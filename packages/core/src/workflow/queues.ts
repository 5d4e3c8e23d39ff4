import type { Message } from '../i18n/text.ts';
import type { Channel } from '../vocabulary/channels.ts';
import type { StatusCode } from '../vocabulary/statuses.ts';
import { isOverdue, openPause, OPEN_STATUSES } from './deadline-status.ts';
import type { DossierState, StepRole } from './types.ts';

/**
 * The staff inbox's work queues, grouped by stage. Each queue is a plain condition on a dossier's
 * state, read by `inQueue` here and translated to SQL by the server from the same fields, so the
 * list, its count and this predicate cannot disagree.
 */
export const QUEUE_STAGES = ['reception', 'supplements', 'processing', 'results', 'monitoring'] as const;
export type QueueStage = (typeof QUEUE_STAGES)[number];

export const QUEUE_STAGE_TITLES: Record<QueueStage, Message> = {
  reception: { vi: 'Tiếp nhận', en: 'Reception' },
  supplements: { vi: 'Bổ sung hồ sơ', en: 'Supplements' },
  processing: { vi: 'Xử lý', en: 'Processing' },
  results: { vi: 'Trả kết quả', en: 'Results' },
  monitoring: { vi: 'Theo dõi hạn', en: 'Deadlines' },
};

/**
 * Where the dossier is relative to the agency A whose inbox it is: `here` — located at A;
 * `forwarded-in` — located at A, received by another agency (liên thông towards A);
 * `forwarded-out` — received by A, now located at another agency.
 */
export type QueuePlace = 'here' | 'forwarded-in' | 'forwarded-out';

/** Conditions on the deadline clock: running and due within the "soon" horizon, overdue (core's isOverdue), paused. */
export type QueueClock = 'due-soon' | 'overdue' | 'paused';

export interface QueueDefinition {
  id: string;
  stage: QueueStage;
  title: Message;
  place: QueuePlace;
  /** Also closed dossiers (a queue of outcomes, e.g. refused); otherwise open ones only. */
  includeClosed?: true;
  statuses?: readonly StatusCode[];
  channels?: readonly Channel[];
  /** The dossier is assigned to the staff member looking. */
  mine?: true;
  /** A requested supplement not yet provided (`requested`) or provided and awaiting review (`received`). */
  supplement?: 'requested' | 'received';
  clock?: QueueClock;
}

/** Statuses of work in progress after acceptance (being processed, not paused). */
const IN_PROGRESS: readonly StatusCode[] = [2, 4];

export const QUEUES = [
  {
    id: 'new-online',
    stage: 'reception',
    title: { vi: 'Hồ sơ trực tuyến mới', en: 'New online dossiers' },
    place: 'here',
    statuses: [1],
    channels: ['online'],
  },
  {
    id: 'awaiting-payment',
    stage: 'reception',
    title: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Awaiting payment' },
    place: 'here',
    statuses: [6],
  },
  {
    id: 'refused',
    stage: 'reception',
    title: { vi: 'Không được tiếp nhận', en: 'Refused' },
    place: 'here',
    includeClosed: true,
    statuses: [3],
  },
  {
    id: 'forwarded-in',
    stage: 'reception',
    title: { vi: 'Liên thông đến đơn vị', en: 'Forwarded to us' },
    place: 'forwarded-in',
  },
  {
    id: 'supplement-requested',
    stage: 'supplements',
    title: { vi: 'Đã yêu cầu bổ sung', en: 'Supplement requested' },
    place: 'here',
    statuses: [5],
    supplement: 'requested',
  },
  {
    id: 'supplement-received',
    stage: 'supplements',
    title: { vi: 'Đã nhận bổ sung', en: 'Supplement received' },
    place: 'here',
    statuses: [5],
    supplement: 'received',
  },
  {
    id: 'mine',
    stage: 'processing',
    title: { vi: 'Tôi đang xử lý', en: 'Assigned to me' },
    place: 'here',
    mine: true,
  },
  {
    id: 'unit',
    stage: 'processing',
    title: { vi: 'Đơn vị đang xử lý', en: 'In progress in my unit' },
    place: 'here',
    statuses: IN_PROGRESS,
  },
  {
    id: 'paused',
    stage: 'processing',
    title: { vi: 'Tạm dừng tính thời gian', en: 'Clock paused' },
    place: 'here',
    clock: 'paused',
  },
  {
    id: 'forwarded-out',
    stage: 'processing',
    title: { vi: 'Đã chuyển liên thông', en: 'Forwarded to another agency' },
    place: 'forwarded-out',
  },
  {
    id: 'result-online',
    stage: 'results',
    title: { vi: 'Trả kết quả trực tuyến', en: 'Result to return online' },
    place: 'here',
    statuses: [9],
    channels: ['online'],
  },
  {
    id: 'result-counter',
    stage: 'results',
    title: { vi: 'Trả kết quả tại quầy', en: 'Result to return at the counter' },
    place: 'here',
    statuses: [9],
    channels: ['direct'],
  },
  {
    id: 'result-postal',
    stage: 'results',
    title: { vi: 'Trả kết quả qua bưu chính', en: 'Result to return by post' },
    place: 'here',
    statuses: [9],
    channels: ['postal'],
  },
  {
    id: 'due-soon',
    stage: 'monitoring',
    title: { vi: 'Sắp đến hạn', en: 'Due soon' },
    place: 'here',
    clock: 'due-soon',
  },
  {
    id: 'overdue',
    stage: 'monitoring',
    title: { vi: 'Quá hạn', en: 'Overdue' },
    place: 'here',
    clock: 'overdue',
  },
] as const satisfies readonly QueueDefinition[];

export type QueueId = (typeof QUEUES)[number]['id'];
export const QUEUE_IDS = QUEUES.map((q) => q.id) as QueueId[];

export function queueById(id: string): QueueDefinition | undefined {
  return (QUEUES as readonly QueueDefinition[]).find((q) => q.id === id);
}

/**
 * Personal scope narrows a located-here queue to the caller's own work: dossiers assigned to them,
 * or unassigned ones waiting for a role they hold. Unit scope is the whole agency.
 */
export type QueueScope = 'personal' | 'unit';

export interface QueueViewer {
  /** The agency whose inbox it is. */
  agency: string;
  staffId: string | null;
  /** The step roles the viewer holds at the agency (personal scope). */
  roles: readonly StepRole[];
  scope: QueueScope;
  now: number;
  /** End of the "due soon" horizon (epoch ms), computed by the host with the agency's calendar. */
  soonUntil: number;
}

/** Whether the clock runs: an open status, no open pause. */
function clockRuns(s: DossierState): boolean {
  return (OPEN_STATUSES as readonly number[]).includes(s.status) && openPause(s) === null;
}

/** Whether the dossier is in the queue for this viewer (the definition of record; SQL follows it). */
export function inQueue(q: QueueDefinition, s: DossierState, v: QueueViewer): boolean {
  if (!q.includeClosed && s.closed) return false;
  const here = s.location.agency === v.agency;
  if (q.place === 'here' && !here) return false;
  if (q.place === 'forwarded-in' && !(here && s.receivingAgency !== v.agency)) return false;
  if (q.place === 'forwarded-out' && !(s.receivingAgency === v.agency && !here)) return false;
  if (q.statuses && !(q.statuses as readonly number[]).includes(s.status)) return false;
  if (q.channels && !q.channels.includes(s.channel)) return false;
  if (q.mine && (v.staffId === null || s.location.assignee !== v.staffId)) return false;
  if (q.supplement) {
    if (s.supplement === null) return false;
    if (s.supplement.provided !== (q.supplement === 'received')) return false;
  }
  if (q.clock === 'paused' && openPause(s) === null) return false;
  if (q.clock === 'overdue' && !isOverdue(s, v.now)) return false;
  if (q.clock === 'due-soon') {
    if (!clockRuns(s) || s.dueAt === null || s.dueAt < v.now || s.dueAt > v.soonUntil) return false;
  }
  if (v.scope === 'personal' && q.place !== 'forwarded-out' && !q.mine) {
    const assignee = s.location.assignee;
    const ownWork =
      assignee !== undefined ? assignee === v.staffId : (v.roles as readonly string[]).includes(s.location.role);
    if (!ownWork) return false;
  }
  return true;
}
