import { sql, type SQL } from 'drizzle-orm';
import {
  DASHBOARD_COUNTS,
  RESOLVED_CLASSES,
  addCounts,
  dailyCounts,
  emptyCounts,
  subtractCounts,
  type Channel,
  type DashboardCounts,
  type DashboardFacts,
  type ResolvedClass,
} from '@motcua/core';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.ts';
import { dashboardDaily, type dossierFacts } from '../db/schema/index.ts';

/** A `dossier_facts` row as written (insert) or read back (select): the columns the counts need. */
export type StoredFacts = Pick<
  typeof dossierFacts.$inferSelect,
  | 'agencyCode'
  | 'fieldCode'
  | 'procedureCode'
  | 'channel'
  | 'acceptedAt'
  | 'acceptedDay'
  | 'dueAt'
  | 'finishedAt'
  | 'finishedDay'
  | 'supplementRequests'
  | 'resolvedDay'
  | 'resolvedClass'
  | 'processingMs'
  | 'electronicResult'
  | 'paid'
  | 'paidOnline'
  | 'digitised'
>;

/** `dashboard_daily`'s column of each of core's counts. */
export const DAILY_COLUMNS: Record<keyof DashboardCounts, PgColumn> = {
  accepted: dashboardDaily.accepted,
  online: dashboardDaily.online,
  digitised: dashboardDaily.digitised,
  paid: dashboardDaily.paid,
  paidOnline: dashboardDaily.paidOnline,
  resolved: dashboardDaily.resolved,
  early: dashboardDaily.early,
  onTime: dashboardDaily.onTime,
  late: dashboardDaily.late,
  processingMs: dashboardDaily.processingMs,
  electronicResult: dashboardDaily.electronicResult,
  finished: dashboardDaily.finished,
  indexOnTime: dashboardDaily.indexOnTime,
  supplementOnce: dashboardDaily.supplementOnce,
};

const resolvedClass = (s: string | null): ResolvedClass => {
  if (!(RESOLVED_CLASSES as readonly (string | null)[]).includes(s)) throw new Error(`Unknown resolved class ${s}`);
  return s as ResolvedClass;
};

/**
 * Core's dashboard facts of a stored row. The days are stored (the agency's dates when the facts
 * were taken), so the zone is not needed to count them.
 */
export function factsOfRow(r: StoredFacts): DashboardFacts {
  const acceptedAt = r.acceptedAt.getTime();
  const resolved =
    r.resolvedDay === null
      ? null
      : { at: acceptedAt + (r.processingMs ?? 0), day: r.resolvedDay, class: resolvedClass(r.resolvedClass) };
  return {
    index: {
      agency: r.agencyCode,
      field: r.fieldCode,
      timeZone: 'UTC',
      channel: r.channel as Channel,
      acceptedAt,
      finishedAt: r.finishedAt === null ? null : r.finishedAt.getTime(),
      dueAt: r.dueAt.getTime(),
      supplementRequests: r.supplementRequests,
      paid: r.paid,
      paidOnline: r.paidOnline,
      resolved: resolved !== null,
      electronicResult: r.electronicResult,
      digitised: r.digitised,
    },
    procedure: r.procedureCode,
    acceptedDay: r.acceptedDay,
    finishedDay: r.finishedDay,
    resolved,
  };
}

export interface DailyKey {
  agency: string;
  day: string;
  field: string;
  procedure: string;
  channel: string;
}

/** Changes of daily sums being gathered (a transaction's, or a bulk load's). */
export class DailySums {
  readonly #sums = new Map<string, { key: DailyKey; counts: DashboardCounts }>();

  /** Adds (sign 1) or removes (sign −1) the rows' contributions. */
  add(rows: readonly StoredFacts[], sign: 1 | -1 = 1): this {
    for (const r of rows) {
      for (const { day, counts } of dailyCounts(factsOfRow(r))) {
        const key = { agency: r.agencyCode, day, field: r.fieldCode, procedure: r.procedureCode, channel: r.channel };
        const id = [key.agency, key.day, key.field, key.procedure, key.channel].join('\u0000');
        const cur = this.#sums.get(id);
        const base = cur?.counts ?? emptyCounts();
        const next = sign === 1 ? addCounts(base, counts) : subtractCounts(base, counts);
        if (cur) cur.counts = next;
        else this.#sums.set(id, { key, counts: next });
      }
    }
    return this;
  }

  /** The changed sums (none all zero), in key order, so that concurrent writers lock rows in one order. */
  entries(): { key: DailyKey; counts: DashboardCounts }[] {
    return [...this.#sums.entries()]
      .filter(([, e]) => DASHBOARD_COUNTS.some((k) => e.counts[k] !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, e]) => e);
  }
}

const rowOf = (e: { key: DailyKey; counts: DashboardCounts }): typeof dashboardDaily.$inferInsert => ({
  agencyCode: e.key.agency,
  day: e.key.day,
  fieldCode: e.key.field,
  procedureCode: e.key.procedure,
  channel: e.key.channel,
  ...e.counts,
});

/** The daily rows of some changes, to insert with `DAILY_UPSERT` (one statement of a pipeline). */
export const dailyRows = (s: DailySums) => s.entries().map(rowOf);

/** Adds the inserted counts to a day's existing ones. */
export const DAILY_UPSERT = `on conflict ("agency_code", "day", "field_code", "procedure_code", "channel") do update set ${DASHBOARD_COUNTS.map(
  (k) =>
    `"${DAILY_COLUMNS[k].name}" = "dashboard_daily"."${DAILY_COLUMNS[k].name}" + excluded."${DAILY_COLUMNS[k].name}"`,
).join(', ')}`;

/** Applies the changes to `dashboard_daily` (in the caller's transaction). */
export async function applyDailySums(tx: Executor, s: DailySums, batch = 500): Promise<void> {
  const rows = dailyRows(s);
  const set = Object.fromEntries(
    DASHBOARD_COUNTS.map((k) => {
      const c = DAILY_COLUMNS[k].name;
      return [k, sql.raw(`"dashboard_daily"."${c}" + excluded."${c}"`)];
    }),
  );
  for (let i = 0; i < rows.length; i += batch)
    await tx
      .insert(dashboardDaily)
      .values(rows.slice(i, i + batch))
      .onConflictDoUpdate({
        target: [
          dashboardDaily.agencyCode,
          dashboardDaily.day,
          dashboardDaily.fieldCode,
          dashboardDaily.procedureCode,
          dashboardDaily.channel,
        ],
        set,
      });
}

/** Each count's column of a `dashboard_daily` or `dashboard_monthly` alias, named by the count. */
export function countsSelect(alias: string): SQL {
  return sql.raw(DASHBOARD_COUNTS.map((k) => `${alias}."${DAILY_COLUMNS[k].name}" as "${k}"`).join(', '));
}

/** `sum` of each count of a select named by `countsSelect`. */
export function sumsSelect(alias: string): SQL {
  return sql.raw(DASHBOARD_COUNTS.map((k) => `coalesce(sum(${alias}."${k}"), 0)::bigint as "${k}"`).join(', '));
}
