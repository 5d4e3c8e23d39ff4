export * from './types.ts';
export { ACTION_PARAMS, ActionEnvelopeSchema, ActorSchema } from './action-schema.ts';
export { actionShapeIssues } from './check-action.ts';
export { decide } from './decide.ts';
export { evolve, replay } from './evolve.ts';
export { availableActions } from './available-actions.ts';
export { feesSettled } from './fees-settled.ts';
export { isOverdue, supplementExpired, openPause, OPEN_STATUSES } from './deadline-status.ts';
export { deadlineEffect, deadlineFacts, clockOn } from './deadline-effect.ts';
export type { DeadlineEffect, DeadlineFacts } from './deadline-effect.ts';
export * from './route-graph.ts';
export * from './route-lints.ts';
export { QUEUES, QUEUE_IDS, QUEUE_STAGES, QUEUE_STAGE_TITLES, inQueue, queueById } from './queues.ts';
export type {
  QueueDefinition,
  QueueId,
  QueueStage,
  QueuePlace,
  QueueClock,
  QueueScope,
  QueueViewer,
} from './queues.ts';
export { reportDueAt, reportDueHistory } from './report-due.ts';
