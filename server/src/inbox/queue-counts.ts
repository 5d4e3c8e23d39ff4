import { sql, type SQL } from 'drizzle-orm';
import { QUEUES, type QueueId, type QueueViewer } from '@motcua/core';
import { execute, type Executor } from '../db/client.ts';
import { queueBase, queueConditions } from './queue-sql.ts';

/** One counting scan: the queues sharing a base, each counted by its own filter (columns c0, c1…). */
export interface QueueCountQuery {
  ids: QueueId[];
  query: SQL;
}

/**
 * The queries that count every queue of an agency for one viewer. Queues sharing a scan (the open
 * dossiers here) are counted together with `count(*) filter (…)`, so the counts cost a few index
 * scans of the agency's open dossiers, whatever the size of the table.
 */
export function queueCountQueries(v: QueueViewer): QueueCountQuery[] {
  const groups = new Map<string, { where: SQL; queues: { id: QueueId; cond: SQL }[] }>();
  for (const q of QUEUES) {
    const base = queueBase(q, v.agency);
    const conds = queueConditions(q, v);
    const group = groups.get(base.key) ?? { where: base.where, queues: [] };
    group.queues.push({ id: q.id, cond: conds.length ? sql.join(conds, sql` and `) : sql`true` });
    groups.set(base.key, group);
  }
  return [...groups.values()].map((g) => ({
    ids: g.queues.map((q) => q.id),
    query: sql`select ${sql.join(
      g.queues.map((q, i) => sql`count(*) filter (where ${q.cond})::int as ${sql.identifier(`c${i}`)}`),
      sql`, `,
    )} from dossiers d where ${g.where}`,
  }));
}

/** The number of dossiers in every queue of an agency, for one viewer. */
export async function queueCounts(db: Executor, v: QueueViewer): Promise<Record<QueueId, number>> {
  const out = {} as Record<QueueId, number>;
  await Promise.all(
    queueCountQueries(v).map(async (g) => {
      const [row] = await execute<Record<string, number>>(db, g.query);
      g.ids.forEach((id, i) => (out[id] = Number(row?.[`c${i}`] ?? 0)));
    }),
  );
  return out;
}
