import { sql, type SQL } from 'drizzle-orm';
import { addDays, type LedgerColumn, type LedgerEntry, type Period } from '@motcua/core';
import { execute, type Executor } from '../db/client.ts';

/** First day of the month of `day` ('YYYY-MM-DD'). */
export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

/** First day of the month after the month of `day`. */
export function nextMonth(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * How a period splits over the two running-total tables: months entirely before it, the days of
 * its first month before it, and inside it the whole months (month table) and the days at its
 * edges (day table). A report then reads at most ~62 day rows per agency × field × column, plus
 * the months, whatever the history's length.
 */
export interface PeriodSplit {
  /** Month rows with month < beforeMonths are before the period. */
  beforeMonths: string;
  /** Day rows in [beforeMonths, from) are before the period. */
  from: string;
  /** Whole months inside: [fullFrom, fullTo) in the month table (empty when fullFrom >= fullTo). */
  fullFrom: string;
  fullTo: string;
  to: string;
}

export function splitPeriod(p: Period): PeriodSplit {
  const m0 = monthOf(p.from);
  const fullFrom = p.from === m0 ? m0 : nextMonth(m0);
  const fullTo = monthOf(addDays(p.to, 1));
  return { beforeMonths: m0, from: p.from, fullFrom, fullTo: fullTo > fullFrom ? fullTo : fullFrom, to: p.to };
}

export interface LedgerSum {
  agency: string;
  field: string;
  column: LedgerColumn;
  /** Sum of the days before the period, and of the days inside it. */
  before: number;
  within: number;
}

/**
 * The SQL of the sums (exposed for EXPLAIN checks): one index range per part of the split, and no
 * part at all when its range is empty — the cost follows the period's edges and the number of
 * months, never how many dossiers the days hold.
 */
export function ledgerSumsQuery(agencies: readonly string[], p: Period, fields?: readonly string[]) {
  const s = splitPeriod(p);
  const inAgencies = sql`agency_code in (${sql.join(
    agencies.map((a) => sql`${a}`),
    sql`, `,
  )})`;
  const inFields = fields?.length
    ? sql` and field_code in (${sql.join(
        fields.map((f) => sql`${f}`),
        sql`, `,
      )})`
    : sql``;
  const parts: SQL[] = [];
  const months = (range: SQL, bucket: 'b' | 'w') =>
    parts.push(
      sql`select agency_code, field_code, "column", ${bucket === 'b' ? sql`value` : sql`0`} as b, ${bucket === 'w' ? sql`value` : sql`0`} as w from report_ledger_month where ${inAgencies}${inFields} and ${range}`,
    );
  const days = (fromDay: string, toDayExclusive: string, bucket: 'b' | 'w') => {
    if (fromDay >= toDayExclusive) return;
    parts.push(
      sql`select agency_code, field_code, "column", ${bucket === 'b' ? sql`value` : sql`0`} as b, ${bucket === 'w' ? sql`value` : sql`0`} as w from report_ledger where ${inAgencies}${inFields} and day >= ${fromDay}::date and day < ${toDayExclusive}::date`,
    );
  };
  const afterTo = addDays(s.to, 1);
  months(sql`month < ${s.beforeMonths}::date`, 'b');
  days(s.beforeMonths, s.from, 'b');
  if (s.fullFrom < s.fullTo) {
    days(s.from, s.fullFrom, 'w');
    months(sql`month >= ${s.fullFrom}::date and month < ${s.fullTo}::date`, 'w');
    days(s.fullTo, afterTo, 'w');
  } else {
    days(s.from, afterTo, 'w');
  }
  return sql`
    select agency_code as agency, field_code as field, "column", sum(b)::bigint as before, sum(w)::bigint as within
    from (${sql.join(parts, sql` union all `)}) t group by agency_code, field_code, "column"`;
}

/** Sums of the running totals of `agencies` before and inside the period. */
export async function ledgerSums(
  db: Executor,
  agencies: readonly string[],
  p: Period,
  fields?: readonly string[],
): Promise<LedgerSum[]> {
  if (!agencies.length) return [];
  const rows = await execute<{
    agency: string;
    field: string;
    column: LedgerColumn;
    before: string | number;
    within: string | number;
  }>(db, ledgerSumsQuery(agencies, p, fields));
  return rows.map((r) => ({
    agency: r.agency,
    field: r.field,
    column: r.column,
    before: Number(r.before),
    within: Number(r.within),
  }));
}

/**
 * The sums as ledger entries for core's `reportFromLedger`: one dated the day before the period
 * (everything before it) and one dated its first day (everything inside it) — the function only
 * compares days with the period's ends, so it computes exactly what it would over every day.
 */
export function asLedgerEntries(sums: readonly LedgerSum[], p: Period): LedgerEntry[] {
  const before = addDays(p.from, -1);
  const out: LedgerEntry[] = [];
  for (const s of sums) {
    if (s.before) out.push({ agency: s.agency, field: s.field, day: before, column: s.column, delta: s.before });
    if (s.within) out.push({ agency: s.agency, field: s.field, day: p.from, column: s.column, delta: s.within });
  }
  return out;
}
