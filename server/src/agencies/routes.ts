import { Type } from '@sinclair/typebox';
import { asc, eq } from 'drizzle-orm';
import { route, type AnyRoute } from '../http/route.ts';
import { errors } from '../http/errors.ts';
import { AgencyCode, LocalizedText, Ok } from '../http/schemas.ts';
import { agencyHistory, calendars } from '../db/schema/index.ts';
import { requireAccess } from '../policy/middleware.ts';
import type { AgencyRecord, AgencySnapshot } from '../agency-directory/cache.ts';
import { createAgency, createCalendar, mergeAgency, moveAgency, updateAgency, updateCalendar } from './service.ts';

export const AgencyView = Type.Object({
  code: Type.String(),
  name: LocalizedText,
  kind: Type.String(),
  parent: Type.Union([Type.String(), Type.Null()]),
  calendarId: Type.String(),
  timeZone: Type.String(),
  active: Type.Boolean(),
  successor: Type.Union([Type.String(), Type.Null()]),
  revision: Type.Integer(),
});

export function agencyView(r: AgencyRecord) {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    parent: r.parent,
    calendarId: r.calendarId,
    timeZone: r.timeZone,
    active: r.active,
    successor: r.successorCode,
    revision: r.revision,
  };
}

const CalendarView = Type.Object({
  id: Type.String(),
  name: LocalizedText,
  owner: Type.Union([Type.String(), Type.Null()]),
  revision: Type.Integer(),
  calendar: Type.Object(
    {},
    { additionalProperties: true, description: 'The calendar file format (core CalendarSchema)' },
  ),
});

const CalendarId = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' });

function list(snap: AgencySnapshot) {
  return snap.all.list().map((a) => agencyView(snap.records.get(a.code)!));
}

export function agencyRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/agency-kinds',
      operationId: 'listAgencyKinds',
      summary: 'Loại cơ quan / Agency kinds',
      tags: ['agencies'],
      responses: {
        200: {
          description: 'Kinds (data of the province)',
          schema: Type.Object({
            items: Type.Array(Type.Object({ id: Type.String(), title: LocalizedText, level: Type.Integer() })),
          }),
        },
      },
      handler: async (c) => {
        const snap = await c.get('ctx').agencies.get();
        return c.json({ items: [...snap.kinds.values()] });
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/agencies',
      operationId: 'listAgencies',
      summary: 'Danh sách cơ quan / The agency tree',
      description: 'Parents before children. Merged agencies stay listed (inactive, with their successor).',
      tags: ['agencies'],
      query: Type.Object({
        kind: Type.Optional(Type.String()),
        within: Type.Optional(AgencyCode),
        active: Type.Optional(Type.Boolean({ description: 'Only active (true) or only inactive (false) agencies' })),
      }),
      responses: { 200: { description: 'Agencies', schema: Type.Object({ items: Type.Array(AgencyView) }) } },
      handler: async (c, { query }) => {
        const snap = await c.get('ctx').agencies.get();
        let items = list(snap);
        if (query.kind) items = items.filter((a) => a.kind === query.kind);
        if (query.within) items = items.filter((a) => snap.all.isInSubtree(a.code, query.within!));
        if (query.active !== undefined) items = items.filter((a) => a.active === query.active);
        return c.json({ items });
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/agencies/{agencyCode}',
      operationId: 'getAgency',
      summary: 'Một cơ quan / One agency',
      tags: ['agencies'],
      params: Type.Object({ agencyCode: AgencyCode }),
      responses: {
        200: {
          description: 'The agency with its ancestors (nearest first) and children',
          schema: Type.Composite([
            AgencyView,
            Type.Object({ ancestors: Type.Array(Type.String()), children: Type.Array(Type.String()) }),
          ]),
        },
      },
      handler: async (c, { params }) => {
        const snap = await c.get('ctx').agencies.get();
        const r = snap.records.get(params.agencyCode);
        if (!r) throw errors.notFound({ vi: 'Không tìm thấy cơ quan', en: 'Agency not found' });
        return c.json({
          ...agencyView(r),
          ancestors: snap.all.ancestors(r.code).map((a) => a.code),
          children: snap.all.childrenOf(r.code).map((a) => a.code),
        });
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/agencies/{agencyCode}/history',
      operationId: 'getAgencyHistory',
      summary: 'Lịch sử thay đổi của cơ quan / An agency\u2019s history',
      description:
        'Renames, moves, merges and calendar changes, oldest first; old documents show the name of their time.',
      tags: ['agencies'],
      params: Type.Object({ agencyCode: AgencyCode }),
      responses: {
        200: {
          description: 'History',
          schema: Type.Object({
            items: Type.Array(
              Type.Object({
                at: Type.String(),
                change: Type.String(),
                before: Type.Unknown(),
                after: Type.Unknown(),
                reason: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
        },
      },
      handler: async (c, { params }) => {
        const ctx = c.get('ctx');
        const rows = await ctx.db
          .select()
          .from(agencyHistory)
          .where(eq(agencyHistory.agencyCode, params.agencyCode))
          .orderBy(asc(agencyHistory.id));
        if (!rows.length && !(await ctx.agencies.get()).records.has(params.agencyCode))
          throw errors.notFound({ vi: 'Không tìm thấy cơ quan', en: 'Agency not found' });
        return c.json({
          items: rows.map((r) => ({
            at: r.at.toISOString(),
            change: r.change,
            before: r.before,
            after: r.after,
            reason: r.reason,
          })),
        });
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/agencies/{agencyCode}/children',
      operationId: 'createAgency',
      summary: 'Thêm cơ quan cấp dưới / Create a child agency',
      tags: ['agencies'],
      params: Type.Object({ agencyCode: AgencyCode }),
      body: {
        json: Type.Object(
          {
            code: AgencyCode,
            name: LocalizedText,
            kind: Type.String({ minLength: 1 }),
            calendarId: Type.Optional(CalendarId),
          },
          { additionalProperties: false },
        ),
      },
      responses: { 201: { description: 'Created', schema: AgencyView }, 409: { description: 'The code exists' } },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        const parent = (await ctx.agencies.get()).records.get(params.agencyCode)!;
        if (!parent.active)
          throw errors.conflict('inactive', {
            vi: 'Cơ quan cấp trên đã ngừng hoạt động',
            en: 'The parent agency is inactive',
          });
        const who = { actorId: c.get('principal')!.staffId, at: ctx.clock.now() };
        await ctx.db.transaction((tx) =>
          createAgency(
            tx,
            {
              code: body.code,
              name: body.name,
              kind: body.kind,
              parent: parent.code,
              calendarId: body.calendarId ?? parent.calendarId,
            },
            who,
          ),
        );
        ctx.agencies.invalidate();
        return c.json(agencyView((await ctx.agencies.get()).records.get(body.code)!), 201);
      },
    }),
    route({
      method: 'patch',
      path: '/api/v1/agencies/{agencyCode}',
      operationId: 'updateAgency',
      summary: 'Đổi tên, lịch, loại cơ quan / Rename an agency, change its calendar or kind',
      description: 'The code never changes: dossiers keep referencing it. The history keeps the old values.',
      tags: ['agencies'],
      params: Type.Object({ agencyCode: AgencyCode }),
      body: {
        json: Type.Object(
          {
            name: Type.Optional(LocalizedText),
            calendarId: Type.Optional(CalendarId),
            kind: Type.Optional(Type.String({ minLength: 1 })),
            reason: Type.Optional(Type.String({ maxLength: 1000 })),
            revision: Type.Optional(Type.Integer({ description: 'The revision read; 409 when it changed since' })),
          },
          { additionalProperties: false },
        ),
      },
      responses: {
        200: { description: 'Updated', schema: AgencyView },
        409: { description: 'Changed by someone else' },
      },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        const who = { actorId: c.get('principal')!.staffId, at: ctx.clock.now() };
        await ctx.db.transaction((tx) => updateAgency(tx, params.agencyCode, body, who));
        ctx.agencies.invalidate();
        return c.json(agencyView((await ctx.agencies.get()).records.get(params.agencyCode)!));
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/agencies/{agencyCode}/move',
      operationId: 'moveAgency',
      summary: 'Chuyển cơ quan sang cấp trên khác / Move an agency under another parent',
      tags: ['agencies'],
      params: Type.Object({ agencyCode: AgencyCode }),
      body: {
        json: Type.Object(
          { parent: AgencyCode, reason: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
      },
      responses: {
        200: { description: 'Moved', schema: AgencyView },
        422: { description: 'The tree would become invalid (a cycle)' },
      },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        const snap = await ctx.agencies.get();
        if (!snap.records.has(body.parent))
          throw errors.invalid([
            {
              pointer: '/body/parent',
              code: 'unknown-agency',
              message: { vi: `Cơ quan "${body.parent}" không tồn tại`, en: `Agency "${body.parent}" does not exist` },
            },
          ]);
        await requireAccess(c, [body.parent]);
        const who = { actorId: c.get('principal')!.staffId, at: ctx.clock.now() };
        await ctx.db.transaction((tx) => moveAgency(tx, params.agencyCode, body.parent, body.reason ?? null, who));
        ctx.agencies.invalidate();
        return c.json(agencyView((await ctx.agencies.get()).records.get(params.agencyCode)!));
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/agencies/{agencyCode}/merge',
      operationId: 'mergeAgency',
      summary: 'Sáp nhập cơ quan / Merge an agency into another',
      description:
        'The merged agency becomes inactive with a successor; its children move to the successor; old dossiers keep its code.',
      tags: ['agencies'],
      params: Type.Object({ agencyCode: AgencyCode }),
      body: {
        json: Type.Object(
          { into: AgencyCode, reason: Type.String({ minLength: 1, maxLength: 1000 }) },
          { additionalProperties: false },
        ),
      },
      responses: { 200: { description: 'Merged', schema: AgencyView } },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        if ((await ctx.agencies.get()).records.has(body.into)) await requireAccess(c, [body.into]);
        const who = { actorId: c.get('principal')!.staffId, at: ctx.clock.now() };
        await ctx.db.transaction((tx) => mergeAgency(tx, params.agencyCode, body.into, body.reason, who));
        ctx.agencies.invalidate();
        return c.json(agencyView((await ctx.agencies.get()).records.get(params.agencyCode)!));
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/calendars',
      operationId: 'listCalendars',
      summary: 'Lịch làm việc / Working calendars',
      tags: ['agencies'],
      responses: { 200: { description: 'Calendars', schema: Type.Object({ items: Type.Array(CalendarView) }) } },
      handler: async (c) => {
        const snap = await c.get('ctx').agencies.get();
        return c.json({
          items: [...snap.calendars.values()].map((k) => ({
            id: k.id,
            name: k.name,
            owner: k.ownerCode,
            revision: k.revision,
            calendar: k.calendar,
          })),
        });
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/calendars/{calendarId}',
      operationId: 'getCalendar',
      summary: 'Một lịch làm việc / One working calendar',
      tags: ['agencies'],
      params: Type.Object({ calendarId: CalendarId }),
      responses: { 200: { description: 'The calendar', schema: CalendarView } },
      handler: async (c, { params }) => {
        const rows = await c.get('ctx').db.select().from(calendars).where(eq(calendars.id, params.calendarId));
        const k = rows[0];
        if (!k) throw errors.notFound({ vi: 'Không tìm thấy lịch làm việc', en: 'Calendar not found' });
        return c.json({
          id: k.id,
          name: k.name,
          owner: k.ownerCode,
          revision: k.revision,
          calendar: k.data as Record<string, unknown>,
        });
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/agencies/{agencyCode}/calendars',
      operationId: 'createCalendar',
      summary: 'Tạo lịch làm việc / Create a working calendar owned by an agency',
      tags: ['agencies'],
      params: Type.Object({ agencyCode: AgencyCode }),
      body: {
        json: Type.Object(
          { id: CalendarId, name: LocalizedText, calendar: Type.Unknown() },
          { additionalProperties: false },
        ),
      },
      responses: { 201: { description: 'Created', schema: Ok } },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        await ctx.db.transaction((tx) =>
          createCalendar(tx, body.id, body.name, params.agencyCode, body.calendar, ctx.clock.now()),
        );
        ctx.agencies.invalidate();
        return c.json({ ok: true as const }, 201);
      },
    }),
    route({
      method: 'put',
      path: '/api/v1/calendars/{calendarId}',
      operationId: 'updateCalendar',
      summary: 'Sửa lịch làm việc / Replace a working calendar',
      description:
        'Appointments already given never move: due instants are stored on dossiers. The new calendar applies to deadlines computed from now on.',
      tags: ['agencies'],
      params: Type.Object({ calendarId: CalendarId }),
      body: {
        json: Type.Object(
          { name: Type.Optional(LocalizedText), calendar: Type.Unknown(), revision: Type.Optional(Type.Integer()) },
          { additionalProperties: false },
        ),
      },
      responses: { 200: { description: 'Updated', schema: Type.Object({ revision: Type.Integer() }) } },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        const revision = await ctx.db.transaction((tx) =>
          updateCalendar(
            tx,
            params.calendarId,
            {
              data: body.calendar,
              ...(body.name ? { name: body.name } : {}),
              ...(body.revision !== undefined ? { revision: body.revision } : {}),
            },
            ctx.clock.now(),
          ),
        );
        ctx.agencies.invalidate();
        return c.json({ revision });
      },
    }),
  ];
}
