import { sql, type SQL } from 'drizzle-orm';
import { QUEUES, type QueueId, type QueueViewer } from '@motcua/core';
import { execute, type Executor } from '../db/client.ts';
import { queueBase, queueConditions } from './queue-sql.ts';

/**
 * The number of dossiers in every queue of an agency, for one viewer. Queues sharing a scan (the
 * open dossiers here) are counted together with `count(*) filter (…)`, so a page of counts costs a
 * few index scans of the agency's open dossiers, whatever the size of the table.
 */
export async function queueCounts(db: Executor, v: QueueViewer): Promise<Record<QueueId, number>> {
  const groups = new Map<string, { where: SQL; queues: { id: QueueId; cond: SQL }[] }>();
  for (const q of QUEUES) {
    const base = queueBase(q, v.agency);
    const conds = queueConditions(q, v);
    const group = groups.get(base.key) ?? { where: base.where, queues: [] };
    group.queues.push({ id: q.id, cond: conds.length ? sql.join(conds, sql` and `) : sql`true` });
    groups.set(base.key, group);
  }
  const out = {} as Record<QueueId, number>;
  await Promise.all(
    [...groups.values()].map(async (g) => {
      const columns = sql.join(
        g.queues.map((q, i) => sql`count(*) filter (where ${q.cond})::int as ${sql.identifier(`c${i}`)}`),
        sql`, `,
      );
      const [row] = await execute<Record<string, number>>(db, sql`select ${columns} from dossiers d where ${g.where}`);
      g.queues.forEach((q, i) => (out[q.id] = Number(row?.[`c${i}`] ?? 0)));
    }),
  );
  return out;
}
