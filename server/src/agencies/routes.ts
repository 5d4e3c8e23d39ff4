import { asc, eq } from 'drizzle-orm';
import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { errors } from '../http/errors.ts';
import { agencyHistory, calendars } from '../db/schema/index.ts';
import { requireAccess } from '../policy/middleware.ts';
import type { AgencyRecord, AgencySnapshot } from '../agency-directory/cache.ts';
import { createAgency, createCalendar, mergeAgency, moveAgency, updateAgency, updateCalendar } from './service.ts';

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

function list(snap: AgencySnapshot) {
  return snap.all.list().map((a) => agencyView(snap.records.get(a.code)!));
}

export function agencyRoutes(): Implementation[] {
  return [
    implement(contract.listAgencyKinds, async (c) => {
      const snap = await c.get('ctx').agencies.get();
      return c.json({ items: [...snap.kinds.values()] });
    }),
    implement(contract.listAgencies, async (c, { query }) => {
      const snap = await c.get('ctx').agencies.get();
      let items = list(snap);
      if (query.kind) items = items.filter((a) => a.kind === query.kind);
      if (query.within) items = items.filter((a) => snap.all.isInSubtree(a.code, query.within!));
      if (query.active !== undefined) items = items.filter((a) => a.active === query.active);
      return c.json({ items });
    }),
    implement(contract.getAgency, async (c, { params }) => {
      const snap = await c.get('ctx').agencies.get();
      const r = snap.records.get(params.agencyCode);
      if (!r) throw errors.notFound({ vi: 'Không tìm thấy cơ quan', en: 'Agency not found' });
      return c.json({
        ...agencyView(r),
        ancestors: snap.all.ancestors(r.code).map((a) => a.code),
        children: snap.all.childrenOf(r.code).map((a) => a.code),
      });
    }),
    implement(contract.getAgencyHistory, async (c, { params }) => {
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
    }),
    implement(contract.createAgency, async (c, { params, body }) => {
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
    }),
    implement(contract.updateAgency, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      const who = { actorId: c.get('principal')!.staffId, at: ctx.clock.now() };
      await ctx.db.transaction((tx) => updateAgency(tx, params.agencyCode, body, who));
      ctx.agencies.invalidate();
      return c.json(agencyView((await ctx.agencies.get()).records.get(params.agencyCode)!));
    }),
    implement(contract.moveAgency, async (c, { params, body }) => {
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
    }),
    implement(contract.mergeAgency, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      if ((await ctx.agencies.get()).records.has(body.into)) await requireAccess(c, [body.into]);
      const who = { actorId: c.get('principal')!.staffId, at: ctx.clock.now() };
      await ctx.db.transaction((tx) => mergeAgency(tx, params.agencyCode, body.into, body.reason, who));
      ctx.agencies.invalidate();
      return c.json(agencyView((await ctx.agencies.get()).records.get(params.agencyCode)!));
    }),
    implement(contract.listCalendars, async (c) => {
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
    }),
    implement(contract.getCalendar, async (c, { params }) => {
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
    }),
    implement(contract.createCalendar, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      await ctx.db.transaction((tx) =>
        createCalendar(tx, body.id, body.name, params.agencyCode, body.calendar, ctx.clock.now()),
      );
      ctx.agencies.invalidate();
      return c.json({ ok: true as const }, 201);
    }),
    implement(contract.updateCalendar, async (c, { params, body }) => {
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
    }),
  ];
}
