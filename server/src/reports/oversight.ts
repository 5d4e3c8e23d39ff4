import { sql, type SQL } from 'drizzle-orm';
import {
  DASHBOARD_COUNTS,
  addCounts,
  emptyCounts,
  endOfDay,
  formatInstant,
  meanProcessingDays,
  monthsOf,
  percent,
  satisfactionIndex,
  validatePeriod,
  type DashboardCounts,
  type Period,
} from '@motcua/core';
import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { errors } from '../http/errors.ts';
import { execute, type Executor } from '../db/client.ts';
import { overdueCondition } from '../db/deadline-sql.ts';
import { countsSelect, sumsSelect } from './daily-sums.ts';

/** What the dashboard is asked for. */
export interface OversightFilter {
  agencies: readonly string[];
  period: Period;
  field?: string | undefined;
  procedure?: string | undefined;
  channel?: string | undefined;
  now: number;
}

/** The cards' numbers of a set of counts. */
export function numbers(c: DashboardCounts) {
  return {
    ...c,
    earlyOrOnTimePercent: percent(c.early + c.onTime, c.resolved),
    meanProcessingDays: meanProcessingDays(c),
    onlineSharePercent: percent(c.online, c.accepted),
    onlinePaymentPercent: percent(c.paidOnline, c.paid),
    digitisedPercent: percent(c.digitised, c.accepted),
  };
}

function conditions(f: OversightFilter, alias: 'dd' | 'dm' | 'd'): SQL[] {
  const agencyCol = alias === 'd' ? sql`d.responsible_agency` : sql.raw(`${alias}.agency_code`);
  const out: SQL[] = [
    sql`${agencyCol} in (${sql.join(
      f.agencies.map((a) => sql`${a}`),
      sql`, `,
    )})`,
  ];
  if (f.field) out.push(sql.raw(`${alias}.field_code = `).append(sql`${f.field}`));
  if (f.procedure) out.push(sql.raw(`${alias}.procedure_code = `).append(sql`${f.procedure}`));
  if (f.channel) out.push(sql.raw(`${alias}.channel = `).append(sql`${f.channel}`));
  return out;
}

type Key = `${string}|${string}`;

/** The last day of the month that starts on `first` (YYYY-MM-01). */
const lastDayOfMonth = (first: string) =>
  new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 0)).toISOString().slice(0, 10);

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The grouped sums of core's daily counts per agency and month of the period: the period's whole
 * months from `dashboard_monthly`, its partial ones (at most the first and the last) by day from
 * `dashboard_daily`; each an index range per agency.
 */
export function dashboardSumsQuery(f: OversightFilter): SQL {
  const months = monthsOf(f.period);
  const whole = months.filter((m) => m.from.endsWith('-01') && m.to === lastDayOfMonth(m.from));
  const partial = months.filter((m) => !whole.includes(m));
  const parts: SQL[] = [];
  if (whole.length)
    parts.push(
      sql`select dm.agency_code as agency, to_char(dm.month, 'YYYY-MM') as month, ${countsSelect('dm')}
          from dashboard_monthly dm where ${sql.join(
            [...conditions(f, 'dm'), sql`dm.month between ${whole[0]!.from}::date and ${whole.at(-1)!.from}::date`],
            sql` and `,
          )}`,
    );
  for (const m of partial)
    parts.push(
      sql`select dd.agency_code as agency, to_char(dd.day, 'YYYY-MM') as month, ${countsSelect('dd')}
          from dashboard_daily dd where ${sql.join(
            [...conditions(f, 'dd'), sql`dd.day between ${m.from}::date and ${m.to}::date`],
            sql` and `,
          )}`,
    );
  return sql`select x.agency, x.month, ${sumsSelect('x')} from (${sql.join(parts, sql` union all `)}) x group by 1, 2`;
}

/**
 * Core's dashboard counts per agency and month: sums of core's `dailyCounts` of each dossier, kept
 * with its facts per day and month, never a scan of the dossiers.
 */
export async function countsByAgencyMonth(db: Executor, f: OversightFilter): Promise<Map<Key, DashboardCounts>> {
  const rows = await execute<{ agency: string; month: string } & Record<keyof DashboardCounts, string | number>>(
    db,
    dashboardSumsQuery(f),
  );
  const out = new Map<Key, DashboardCounts>();
  for (const r of rows) {
    const c = emptyCounts();
    for (const k of DASHBOARD_COUNTS) c[k] = Number(r[k]);
    out.set(`${r.agency}|${r.month}`, c);
  }
  return out;
}

/** The count of overdue dossiers in progress per responsible agency (dossiers_overdue_idx: open ones only). */
export function overdueQuery(f: OversightFilter): SQL {
  return sql`select d.responsible_agency as agency, count(*)::int as n from dossiers d
      where ${sql.join([...conditions(f, 'd'), overdueCondition(f.now)], sql` and `)}
      group by 1`;
}

/** Open, accepted dossiers past their due instant now, per responsible agency (= core's isOverdue, as the inbox). */
export async function overdueByAgency(db: Executor, f: OversightFilter): Promise<Map<string, number>> {
  const rows = await execute<{ agency: string; n: number }>(db, overdueQuery(f));
  return new Map(rows.map((r) => [r.agency, r.n]));
}

export function oversightRoutes(): Implementation[] {
  return [
    implement(contract.getOversightDashboard, async (c, { params, query }) => {
      const ctx = c.get('ctx');
      const period = { from: query.from, to: query.to };
      const issues = validatePeriod(period).map((i) => ({ ...i, pointer: `/query${i.pointer}` }));
      if (issues.length) throw errors.invalid(issues);
      const snap = await ctx.agencies.get();
      const dir = snap.all;
      const agencies = (query.level ? dir.ofKind(query.level, params.agencyCode) : dir.subtree(params.agencyCode)).map(
        (a) => a.code,
      );
      if (!agencies.length)
        throw errors.invalid([
          {
            pointer: '/query/level',
            code: 'enum',
            message: {
              vi: 'Không có cơ quan nào thuộc cấp này trong phạm vi',
              en: 'No agency of this level in the subtree',
            },
          },
        ]);
      const filter: OversightFilter = {
        agencies,
        period,
        field: query.field,
        procedure: query.procedure,
        channel: query.channel,
        now: ctx.clock.now(),
      };
      const [byKey, overdue] = await Promise.all([
        countsByAgencyMonth(ctx.db, filter),
        overdueByAgency(ctx.db, filter),
      ]);
      let totals = emptyCounts();
      const byMonth = new Map<string, DashboardCounts>();
      const byAgency = new Map<string, DashboardCounts>();
      for (const [k, counts] of byKey) {
        const [agency, month] = k.split('|') as [string, string];
        totals = addCounts(totals, counts);
        byMonth.set(month, addCounts(byMonth.get(month) ?? emptyCounts(), counts));
        byAgency.set(agency, addCounts(byAgency.get(agency) ?? emptyCounts(), counts));
      }
      const tz = snap.records.get(params.agencyCode)?.timeZone ?? ctx.config.timeZone;
      const ratings = await execute<{ total: number; dissatisfied: number }>(
        ctx.db,
        sql`select count(*)::int as total, (count(*) filter (where overall = 'dissatisfied'))::int as dissatisfied
            from satisfaction_ratings where agency_code in (${sql.join(
              agencies.map((a) => sql`${a}`),
              sql`, `,
            )})
            ${query.field ? sql`and field_code = ${query.field}` : sql``}
            ${query.procedure ? sql`and procedure_code = ${query.procedure}` : sql``}
            and rated_at >= ${new Date(endOfDay(dayBefore(period.from), tz)).toISOString()}::timestamptz
            and rated_at < ${new Date(endOfDay(period.to, tz)).toISOString()}::timestamptz`,
      );
      const value = (n: number, d: number) => ({ numerator: n, denominator: d, percent: percent(n, d) });
      const serviceIndex = {
        onTime: value(totals.indexOnTime, totals.finished),
        supplementOnce: value(totals.supplementOnce, totals.finished),
        onlineShare: value(totals.online, totals.accepted),
        onlinePayment: value(totals.paidOnline, totals.paid),
        digitised: value(totals.digitised, totals.accepted),
        electronicResult: value(totals.electronicResult, totals.resolved),
      };
      const rated = ratings[0] ?? { total: 0, dissatisfied: 0 };
      const ranking = agencies
        .filter((a) => byAgency.has(a) || overdue.has(a))
        .map((a) => ({
          agency: a,
          agencyName: snap.records.get(a)?.name ?? { vi: a },
          values: numbers(byAgency.get(a) ?? emptyCounts()),
          overdueInProgress: overdue.get(a) ?? 0,
        }))
        .sort(
          (x, y) =>
            (y.values.earlyOrOnTimePercent ?? -1) - (x.values.earlyOrOnTimePercent ?? -1) ||
            y.values.resolved - x.values.resolved ||
            x.overdueInProgress - y.overdueInProgress ||
            (x.agency < y.agency ? -1 : 1),
        );
      c.header('Cache-Control', 'private, no-store');
      return c.json({
        agency: params.agencyCode,
        period,
        generatedAt: formatInstant(ctx.clock.now(), tz),
        definitions: {
          onTime: 'Biểu 06: ngày giải quyết so với ngày hẹn (dates) / resolved day vs due day',
          serviceIndex: 'QĐ 766/QĐ-TTg: thời điểm kết thúc ≤ thời điểm hẹn (instants) / finished ≤ due instant',
        },
        totals: numbers(totals),
        overdueInProgress: [...overdue.values()].reduce((a, b) => a + b, 0),
        trend: monthsOf(period).map((m) => ({
          month: m.from.slice(0, 7),
          values: numbers(byMonth.get(m.from.slice(0, 7)) ?? emptyCounts()),
        })),
        ranking,
        serviceIndex,
        satisfaction: {
          ratings: rated.total,
          dissatisfied: rated.dissatisfied,
          index: satisfactionIndex(serviceIndex.onTime, { total: rated.total, dissatisfied: rated.dissatisfied }),
        },
      });
    }),
  ];
}
