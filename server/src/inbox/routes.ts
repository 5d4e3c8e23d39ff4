import { inArray } from 'drizzle-orm';
import { addWorkingMinutes, workingDayMinutes } from '@motcua/core';
import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { errors } from '../http/errors.ts';
import { dossiers } from '../db/schema/index.ts';
import { CASE_COLUMNS, caseView } from '../cases/view.ts';
import { logAccessMany } from '../cases/access.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { inboxKeys, type InboxFilter, type InboxView } from './query.ts';
import { searchTerms } from './search.ts';

const QUEUE_ROLES = ['reception', 'specialist', 'leader'] as const;

export function inboxRoutes(): Implementation[] {
  return [
    implement(contract.getInbox, async (c, { params, query }) => {
      const ctx = c.get('ctx');
      const principal = c.get('principal')!;
      const view = (query.view ?? 'queue') as InboxView;
      const held = QUEUE_ROLES.filter((r) =>
        principal.grants.some((g) => g.agency === params.agencyCode && g.role === r),
      );
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
      const snap = await ctx.agencies.get();
      let soonUntil: number | undefined;
      if (query.due === 'soon') {
        const cal = snap.calendarOf(params.agencyCode);
        soonUntil = addWorkingMinutes(cal, now, Math.round((query.soonWorkingDays ?? 1) * workingDayMinutes(cal)));
      }
      const limit = query.limit ?? 50;
      const filter: InboxFilter = {
        agency: params.agencyCode,
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
        search: query.q ? searchTerms(query.q) : null,
        cursor: query.cursor ? decodeCursor(query.cursor, view) : null,
        limit: limit + 1,
      };
      const keys = await inboxKeys(ctx.db, filter);
      const page = keys.slice(0, limit);
      const rows = page.length
        ? await ctx.db
            .select({ id: dossiers.id, ...CASE_COLUMNS })
            .from(dossiers)
            .where(
              inArray(
                dossiers.id,
                page.map((k) => k.id),
              ),
            )
        : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      const items = [];
      for (const k of page) {
        const row = byId.get(k.id);
        if (row) items.push(await caseView(ctx, row, snap, now));
      }
      await logAccessMany(
        c,
        rows.map((r) => r.id),
        'getInbox',
      );
      const last = page.at(-1);
      c.header('Cache-Control', 'private, no-store');
      return c.json({
        items,
        nextCursor: keys.length > limit && last ? encodeCursor({ view, at: last.at, id: last.id }) : null,
      });
    }),
  ];
}
