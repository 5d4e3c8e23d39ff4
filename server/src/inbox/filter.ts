import { queueById, type QueueScope } from '@motcua/core';
import type { Static } from '@sinclair/typebox';
import type { InboxQuery } from '@motcua/api';
import type { Principal } from '../http/principal.ts';
import type { ServerContext } from '../context.ts';
import { errors } from '../http/errors.ts';
import { addWorkingMinutes, workingDayMinutes } from '@motcua/core';
import { decodeCursor } from './cursor.ts';
import type { InboxFilter, InboxView } from './query.ts';
import { queueViewer } from './queue-viewer.ts';
import { searchTerms } from './search.ts';
import { searchPairsReady } from './search-pairs.ts';
import { visitSearchKeysReady } from './search-keys-backfill.ts';

/**
 * The search terms at the agency: its scoped keys only once every visit has them, the word pairs
 * only once every dossier has them (each backfill finished); else the next path answers.
 */
async function search(ctx: ServerContext, q: string | undefined, agency: string) {
  const terms = q ? searchTerms(q, agency) : null;
  if (terms?.agencyKeys.length && !(await visitSearchKeysReady(ctx.database))) terms.agencyKeys = [];
  if (terms?.pairs.length && !terms.agencyKeys.length && !(await searchPairsReady(ctx.database))) terms.pairs = [];
  return terms;
}

export const QUEUE_ROLES = ['reception', 'specialist', 'leader'] as const;

export type InboxQueryInput = Static<typeof InboxQuery>;

/**
 * The inbox's filter from a request's query: the roles whose queue (those held, or the one asked
 * for), the due horizon in the agency's working time, the search terms, the work queue, the cursor.
 * `cursorView` names the listing the cursor belongs to.
 */
export async function inboxFilter(
  ctx: ServerContext,
  principal: Principal,
  agency: string,
  query: Omit<InboxQueryInput, 'cursor' | 'limit'> & { cursor?: string },
  limit: number,
): Promise<{ filter: InboxFilter; cursorView: string }> {
  const view = (query.view ?? 'queue') as InboxView;
  const held = QUEUE_ROLES.filter((r) => principal.grants.some((g) => g.agency === agency && g.role === r));
  let roles: string[] = held.length ? [...held] : [...QUEUE_ROLES];
  if (query.role) {
    if (held.length && !held.includes(query.role as (typeof QUEUE_ROLES)[number])) {
      throw errors.forbidden({
        vi: `Bạn không giữ vai trò "${query.role}" tại cơ quan này`,
        en: `You do not hold the "${query.role}" role at this agency`,
      });
    }
    roles = [query.role];
  }
  const now = ctx.clock.now();
  let soonUntil: number | undefined;
  if (query.due === 'soon') {
    const cal = (await ctx.agencies.get()).calendarOf(agency);
    soonUntil = addWorkingMinutes(cal, now, Math.round((query.soonWorkingDays ?? 1) * workingDayMinutes(cal)));
  }
  const definition = query.queue ? queueById(query.queue) : undefined;
  const queue = definition
    ? {
        definition,
        viewer: await queueViewer(
          ctx,
          principal,
          agency,
          (query.scope ?? 'unit') as QueueScope,
          query.soonWorkingDays ?? 1,
        ),
      }
    : null;
  const cursorView = queue ? `queue:${definition!.id}:${query.scope ?? 'unit'}` : view;
  const filter: InboxFilter = {
    agency,
    view,
    roles,
    staffId: principal.staffId,
    ...(query.status ? { statuses: query.status.split(',').map(Number) } : {}),
    ...(query.procedure ? { procedure: query.procedure } : {}),
    ...(query.field ? { field: query.field } : {}),
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.due ? { due: query.due } : {}),
    now,
    ...(soonUntil !== undefined ? { soonUntil } : {}),
    search: await search(ctx, query.q, agency),
    queue,
    cursor: query.cursor ? decodeCursor(query.cursor, cursorView) : null,
    limit,
  };
  return { filter, cursorView };
}
