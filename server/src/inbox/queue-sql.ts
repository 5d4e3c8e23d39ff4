import { sql, type SQL } from 'drizzle-orm';
import { QUEUES, type QueueDefinition, type QueueViewer } from '@motcua/core';
import { dueSoonQueueCondition, overdueQueueCondition } from '../db/deadline-sql.ts';

/**
 * Core's queue definitions as SQL on the dossier alias `d`: the same fields, read the same way
 * as `inQueue` (the inbox tests compare both over random histories). Statuses and channels come
 * from core's constants; only the viewer's agency, id, roles and instants are parameters.
 */

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * Core's constants (statuses, channels) as SQL literals, never input. A literal `status in (9)`
 * proves a partial index's `status in (1, 9)` in every plan, a prepared statement's generic one
 * too, where a parameter would not.
 */
const literals = (values: readonly (string | number)[]) =>
  sql.raw(values.map((v) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`)).join(', '));

/**
 * The statuses of the queues picked by channel (core's new-online and result queues): the status
 * list of `dossiers_channel_queue_idx` (migration 0021), whose pages walk it in queue order with
 * the agency, the status and the channel as equalities.
 */
export const CHANNEL_QUEUE_STATUSES: readonly number[] = [
  ...new Set(
    (QUEUES as readonly QueueDefinition[])
      .filter((q) => q.channels && !q.includeClosed)
      .flatMap((q) => (q.statuses ?? []) as readonly number[]),
  ),
].sort((a, b) => a - b);

/**
 * The part of a queue's condition that picks the index: where the dossier is and whether closed
 * ones count. Queues with the same `key` are counted by one scan.
 */
export interface QueueBase {
  key: string;
  where: SQL;
}

export function queueBase(q: QueueDefinition, agency: string): QueueBase {
  if (q.place === 'forwarded-out')
    return {
      key: 'out',
      where: sql`d.receiving_agency = ${agency} and d.location_agency <> d.receiving_agency and not d.closed`,
    };
  // A queue of outcomes (closed ones too) scans its own statuses; the others share the scan of the
  // open dossiers here (forwarded-in narrows it in its own conditions).
  if (q.includeClosed)
    return {
      key: `closed:${q.id}`,
      where: q.statuses
        ? sql`d.location_agency = ${agency} and d.status in (${literals(q.statuses)})`
        : sql`d.location_agency = ${agency}`,
    };
  return { key: 'here', where: sql`d.location_agency = ${agency} and not d.closed` };
}

/** The rest of the queue's condition (beyond its base), for this viewer. */
export function queueConditions(q: QueueDefinition, v: QueueViewer): SQL[] {
  const out: SQL[] = [];
  // Located here (the base) and received elsewhere: said again without the agency, the condition
  // of `dossiers_forwarded_in_idx`, so the page walks only such dossiers.
  if (q.place === 'forwarded-in')
    out.push(sql`d.location_agency <> d.receiving_agency and d.receiving_agency <> ${v.agency}`);
  // Every queue by channel has one status and one channel (core's QUEUES): both equalities, so its
  // page walks `dossiers_channel_queue_idx` in queue order.
  if (q.statuses) out.push(sql`d.status in (${literals(q.statuses)})`);
  if (q.channels) out.push(sql`d.channel in (${literals(q.channels)})`);
  if (q.mine) out.push(v.staffId ? sql`d.assignee_id = ${v.staffId}::uuid` : sql`false`);
  if (q.supplement)
    out.push(
      sql`jsonb_typeof(d.state -> 'supplement') = 'object' and (d.state -> 'supplement' ->> 'provided') = ${q.supplement === 'received' ? 'true' : 'false'}`,
    );
  switch (q.clock) {
    case 'paused':
      out.push(sql`d.paused_since is not null`);
      break;
    case 'overdue':
      out.push(overdueQueueCondition(v.now));
      break;
    case 'due-soon':
      out.push(dueSoonQueueCondition(v.now, v.soonUntil));
      break;
  }
  if (v.scope === 'personal' && q.place !== 'forwarded-out' && !q.mine) {
    const mine = v.staffId ? sql`d.assignee_id = ${v.staffId}::uuid` : sql`false`;
    const role = v.roles.length ? sql`d.assignee_id is null and d.location_role in (${list(v.roles)})` : sql`false`;
    out.push(sql`(${mine} or (${role}))`);
  }
  return out;
}

/** The whole condition of a queue (base and the rest). */
export function queueWhere(q: QueueDefinition, v: QueueViewer): SQL[] {
  return [queueBase(q, v.agency).where, ...queueConditions(q, v)];
}
