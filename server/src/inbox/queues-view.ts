import type { Context } from 'hono';
import { QUEUE_STAGE_TITLES, QUEUE_STAGES, QUEUES, type QueueScope } from '@motcua/core';
import type { AppEnv } from '../http/env.ts';
import { queueCounts } from './queue-counts.ts';
import { queueViewer } from './queue-viewer.ts';

/** The agency's queues by stage, each with its count now, for the caller in the scope asked. */
export async function inboxQueues(
  c: Context<AppEnv>,
  agency: string,
  query: { scope?: QueueScope; soonWorkingDays?: number },
): Promise<Response> {
  const ctx = c.get('ctx');
  const scope = query.scope ?? 'unit';
  const viewer = await queueViewer(ctx, c.get('principal')!, agency, scope, query.soonWorkingDays ?? 1);
  const counts = await queueCounts(ctx.db, viewer);
  c.header('Cache-Control', 'private, no-store');
  return c.json({
    agency,
    scope,
    at: new Date(viewer.now).toISOString(),
    stages: QUEUE_STAGES.map((stage) => ({
      stage,
      title: QUEUE_STAGE_TITLES[stage],
      queues: QUEUES.filter((q) => q.stage === stage).map((q) => ({ id: q.id, title: q.title, count: counts[q.id] })),
    })),
  });
}
