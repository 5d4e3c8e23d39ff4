import { sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '@motcua/core';

/*
 * Deadline conditions on the dossier alias `d`, shared by the inbox, its queues and the oversight
 * dashboard: built from core's constants once, so no query writes them out again.
 */

/** Core's open statuses (isOverdue's) as an SQL list of literals: constants, never input. */
export const OPEN_STATUS_LIST = sql.raw(`(${OPEN_STATUSES.join(', ')})`);

const instant = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/**
 * = core's isOverdue on the dossier alias `d`: accepted, still open, past due `now`, not paused
 * since before the due instant. Its first three terms are the predicate of `dossiers_overdue_idx`.
 */
export function overdueCondition(now: number): SQL {
  return sql`d.due_at is not null and d.accepted_at is not null and d.status in ${OPEN_STATUS_LIST} and d.due_at < ${instant(now)} and (d.paused_since is null or d.paused_since >= d.due_at)`;
}

/*
 * The same conditions for pages in queue order (`queue_at`, `id`). With a due instant, `queue_at`
 * is that instant (coalesce(due_at, submitted_at), migration 0002), so the range on `due_at` holds
 * on `queue_at` too: said again there, it lets the page walk `dossiers_deadline_queue_idx` from its
 * start and stop at the page's end, instead of gathering every overdue dossier and sorting them.
 */

/** = core's isOverdue (overdueCondition), bounded on `queue_at` for pages in queue order. */
export function overdueQueueCondition(now: number): SQL {
  return sql`${overdueCondition(now)} and d.queue_at < ${instant(now)}`;
}

/**
 * Due between `now` and `until`, the clock running (an open status, no open pause: core's due-soon
 * clock), bounded on `queue_at` for pages in queue order.
 */
export function dueSoonQueueCondition(now: number, until: number): SQL {
  return sql`d.due_at is not null and d.status in ${OPEN_STATUS_LIST} and d.paused_since is null and d.due_at >= ${instant(now)} and d.due_at <= ${instant(until)} and d.queue_at >= ${instant(now)} and d.queue_at <= ${instant(until)}`;
}
