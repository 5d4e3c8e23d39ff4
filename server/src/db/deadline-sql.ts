import { sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '@motcua/core';

/*
 * Deadline conditions on the dossier alias `d`, shared by the inbox, its queues and the oversight
 * dashboard: built from core's constants once, so no query writes them out again.
 */

/** Core's open statuses (isOverdue's) as an SQL list of literals: constants, never input. */
export const OPEN_STATUS_LIST = sql.raw(`(${OPEN_STATUSES.join(', ')})`);

/**
 * = core's isOverdue on the dossier alias `d`: accepted, still open, past due `now`, not paused
 * since before the due instant. Its first three terms are the predicate of `dossiers_overdue_idx`.
 */
export function overdueCondition(now: number): SQL {
  return sql`d.due_at is not null and d.accepted_at is not null and d.status in ${OPEN_STATUS_LIST} and d.due_at < ${new Date(now).toISOString()}::timestamptz and (d.paused_since is null or d.paused_since >= d.due_at)`;
}
