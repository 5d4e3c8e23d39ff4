import { Type } from '@sinclair/typebox';
import { inArray } from 'drizzle-orm';
import { addWorkingMinutes, workingDayMinutes } from '@motcua/core';
import { route, type AnyRoute } from '../http/route.ts';
import { errors } from '../http/errors.ts';
import { AgencyCode, ProcedureCode } from '../http/schemas.ts';
import { dossiers } from '../db/schema/index.ts';
import { CASE_COLUMNS, caseView, CaseViewSchema } from '../cases/view.ts';
import { logAccessMany } from '../cases/access.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { inboxKeys, type InboxFilter, type InboxView } from './query.ts';
import { searchTerms } from './search.ts';

const QUEUE_ROLES = ['reception', 'specialist', 'leader'] as const;

const InboxQuery = Type.Object(
  {
    view: Type.Optional(
      Type.Union([Type.Literal('queue'), Type.Literal('mine'), Type.Literal('open'), Type.Literal('passed')], {
        default: 'queue',
      }),
    ),
    role: Type.Optional(
      Type.Union(
        QUEUE_ROLES.map((r) => Type.Literal(r)),
        { description: 'Whose queue (default: every role you hold at the agency)' },
      ),
    ),
    status: Type.Optional(
      Type.String({ pattern: '^([1-9]|10)(,([1-9]|10))*$', description: 'Status codes, comma-separated' }),
    ),
    procedure: Type.Optional(ProcedureCode),
    field: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    channel: Type.Optional(Type.Union([Type.Literal('online'), Type.Literal('direct'), Type.Literal('postal')])),
    due: Type.Optional(
      Type.Union(
        [Type.Literal('overdue'), Type.Literal('soon'), Type.Literal('paused'), Type.Literal('supplement-expired')],
        {
          description:
            'overdue: past due now (derived, never stored); soon: due within `soonWorkingDays`; paused: clock stopped; supplement-expired: the applicant\u2019s time limit for a supplement passed',
        },
      ),
    ),
    soonWorkingDays: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 30, default: 1 })),
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Applicant name, ID number, phone or e-mail (whole words, accents ignored), or the start of a dossier code',
      }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 400 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export function inboxRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/agencies/{agencyCode}/inbox',
      operationId: 'getInbox',
      summary: 'Hồ sơ cần xử lý / Work queue of an agency',
      description:
        'Dossiers at the agency waiting for your roles (`queue`), assigned to you (`mine`), all open ones (`open`) or every dossier that has been through the agency (`passed`, newest arrival first). Queues are sorted by due time (not yet accepted: by submission). Pages follow `nextCursor`.',
      tags: ['inbox'],
      params: Type.Object({ agencyCode: AgencyCode }),
      query: InboxQuery,
      responses: {
        200: {
          description: 'A page',
          schema: Type.Object({
            items: Type.Array(CaseViewSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
      handler: async (c, { params, query }) => {
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
      },
    }),
  ];
}
