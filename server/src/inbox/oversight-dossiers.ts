import { sql, type SQL } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Static } from '@sinclair/typebox';
import { COUNT_DAYS, MEASURE_BITS, validatePeriod, type CountDay, type DashboardCounts } from '@motcua/core';
import { contract, type OversightDossiersQuery, type OversightMeasure } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import type { AppEnv } from '../http/env.ts';
import { HttpError, errors } from '../http/errors.ts';
import { execute } from '../db/client.ts';
import { overdueCondition } from '../db/deadline-sql.ts';
import { measuresReady } from '../reports/measures-backfill.ts';
import { decodeCursor } from './cursor.ts';
import { casesPage } from './page.ts';

type Query = Static<typeof OversightDossiersQuery>;

/** `dossier_facts`' column of each day core counts on. */
const DAY_COLUMNS: Record<CountDay, string> = {
  accepted: 'accepted_day',
  resolved: 'resolved_day',
  finished: 'finished_day',
};

/**
 * Each measure as the dashboard counts it (core's COUNT_DAYS and MEASURE_BITS): the day column it is
 * counted on and the bits of the stored `measures` of which one must be set.
 */
function factMeasure(m: Exclude<OversightMeasure, 'overdue'>): { day: string; bits: number } {
  const parts: (keyof DashboardCounts)[] = m === 'earlyOrOnTime' ? ['early', 'onTime'] : [m];
  const days = new Set(parts.map((k) => COUNT_DAYS[k]));
  if (days.size !== 1) throw new Error(`${m}: its counts are counted on different days`);
  return { day: DAY_COLUMNS[[...days][0]!], bits: parts.reduce((b, k) => b | MEASURE_BITS[k], 0) };
}

/** Until the backfill after migration 0018 is done, some rows have no measures yet. */
const preparing = () =>
  new HttpError(
    503,
    'preparing',
    {
      vi: 'Danh sách hồ sơ đang được chuẩn bị sau khi nâng cấp, vui lòng thử lại sau',
      en: 'The dossier lists are being prepared after an upgrade, please try again later',
    },
    undefined,
    { retryAfter: 30 },
  );

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

function filters(q: Query, alias: 'f' | 'd', agencies: readonly string[]): SQL[] {
  const a = sql.raw(alias);
  const out = [sql`${alias === 'f' ? sql`f.agency_code` : sql`d.responsible_agency`} in (${list(agencies)})`];
  if (q.field) out.push(sql`${a}.field_code = ${q.field}`);
  if (q.procedure) out.push(sql`${a}.procedure_code = ${q.procedure}`);
  if (q.channel) out.push(sql`${a}.channel = ${q.channel}`);
  return out;
}

const invalid = (pointer: string, vi: string, en: string) =>
  errors.invalid([{ pointer, code: 'enum', message: { vi, en } }]);

/** The agencies whose own dossiers are listed: the subtree (or its agencies of a level), or one of them. */
async function agenciesOf(c: Context<AppEnv>, agency: string, q: Query): Promise<string[]> {
  const dir = (await c.get('ctx').agencies.get()).all;
  const scope = (q.level ? dir.ofKind(q.level, agency) : dir.subtree(agency)).map((a) => a.code);
  if (!scope.length)
    throw invalid(
      '/query/level',
      'Không có cơ quan nào thuộc cấp này trong phạm vi',
      'No agency of this level in the subtree',
    );
  if (q.unit === undefined) return scope;
  if (!scope.includes(q.unit))
    throw invalid('/query/unit', 'Cơ quan không thuộc phạm vi đã chọn', 'The agency is not in the chosen scope');
  return [q.unit];
}

const DAY_MS = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The keys of a page: dossier ids in order with their sort instant (epoch ms). */
async function keys(c: Context<AppEnv>, q: Query, agencies: string[], limit: number) {
  const ctx = c.get('ctx');
  const view = `oversight:${q.measure}`;
  const cursor = q.cursor ? decodeCursor(q.cursor, view) : null;
  if (q.measure === 'overdue') {
    // = the dashboard's overdue count (core's isOverdue), served by dossiers_overdue_idx.
    const parts = [...filters(q, 'd', agencies), overdueCondition(ctx.clock.now())];
    if (cursor)
      parts.push(sql`(d.due_at, d.id) > (${new Date(cursor.at).toISOString()}::timestamptz, ${cursor.id}::uuid)`);
    const rows = await execute<{ id: string; at: string | number }>(
      ctx.db,
      sql`select d.id, (extract(epoch from d.due_at) * 1000)::bigint as at from dossiers d
          where ${sql.join(parts, sql` and `)} order by d.due_at, d.id limit ${limit}`,
    );
    return { view, rows: rows.map((r) => ({ id: r.id, at: Number(r.at) })) };
  }
  if (!(await measuresReady(ctx.database))) throw preparing();
  const m = factMeasure(q.measure);
  const day = sql.raw(`f.${m.day}`);
  const parts = [
    ...filters(q, 'f', agencies),
    sql`${day} between ${q.from}::date and ${q.to}::date`,
    sql`(f.measures & ${m.bits}::int) <> 0`,
  ];
  if (cursor)
    parts.push(
      sql`(${day}, f.dossier_id) < (${new Date(cursor.at).toISOString().slice(0, 10)}::date, ${cursor.id}::uuid)`,
    );
  const rows = await execute<{ id: string; day: string }>(
    ctx.db,
    sql`select f.dossier_id as id, to_char(${day}, 'YYYY-MM-DD') as day from dossier_facts f
        where ${sql.join(parts, sql` and `)} order by ${day} desc, f.dossier_id desc limit ${limit}`,
  );
  return { view, rows: rows.map((r) => ({ id: r.id, at: DAY_MS(r.day) })) };
}

export function oversightDossierRoutes(): Implementation[] {
  return [
    implement(contract.getOversightDossiers, async (c, { params, query }) => {
      const ctx = c.get('ctx');
      const issues = validatePeriod({ from: query.from, to: query.to }).map((i) => ({
        ...i,
        pointer: `/query${i.pointer}`,
      }));
      if (issues.length) throw errors.invalid(issues);
      const agencies = await agenciesOf(c, params.agencyCode, query);
      const limit = query.limit ?? 50;
      const { view, rows: found } = await keys(c, query, agencies, limit + 1);
      return casesPage(c, found, { limit, view, operation: 'getOversightDossiers', now: ctx.clock.now() });
    }),
  ];
}
