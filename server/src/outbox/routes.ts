import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import type { ServerContext } from '../context.ts';
import { listDead, replayDead } from './queue.ts';

/** The agencies of `root`'s subtree (root included). */
async function subtree(ctx: ServerContext, root: string): Promise<string[]> {
  const snap = await ctx.agencies.get();
  return snap.all
    .list()
    .map((a) => a.code)
    .filter((code) => snap.all.isInSubtree(code, root));
}

export function outboxRoutes(): Implementation[] {
  return [
    implement(contract.listDeadLetters, async (c, { params, query }) => {
      const ctx = c.get('ctx');
      const items = await listDead(ctx.db, query.limit ?? 100, await subtree(ctx, params.agencyCode));
      return c.json({ items });
    }),
    implement(contract.replayDeadLetters, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      const replayed = await replayDead(ctx.db, body.ids, await subtree(ctx, params.agencyCode));
      ctx.log.info({ replayed, by: c.get('principal')?.staffId }, 'outbox dead letters replayed');
      return c.json({ replayed });
    }),
  ];
}
