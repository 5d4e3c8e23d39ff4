import assert from 'node:assert/strict';
import { DASHBOARD_COUNTS } from '@motcua/core';
import type { Executor } from '../../db/client.ts';
import { dashboardDaily, dashboardMonthly, dossierFacts } from '../../db/schema/index.ts';
import { DailySums } from '../daily-sums.ts';

const keyOf = (r: { agencyCode: string; day: string; fieldCode: string; procedureCode: string; channel: string }) =>
  [r.agencyCode, r.day, r.fieldCode, r.procedureCode, r.channel].join('|');

/** Asserts that the stored daily sums (rows all zero left out) equal core's recount of every stored facts row. */
export async function assertDailySumsRecount(db: Executor, message: string): Promise<void> {
  const days = await db.select().from(dashboardDaily);
  const recount = new DailySums().add(await db.select().from(dossierFacts)).entries();
  const got = new Map(
    days
      .filter((r) => DASHBOARD_COUNTS.some((k) => r[k] !== 0))
      .map((r) => [keyOf(r), Object.fromEntries(DASHBOARD_COUNTS.map((k) => [k, Number(r[k])]))]),
  );
  const want = new Map(
    recount.map((e) => [
      keyOf({
        agencyCode: e.key.agency,
        day: e.key.day,
        fieldCode: e.key.field,
        procedureCode: e.key.procedure,
        channel: e.key.channel,
      }),
      { ...e.counts },
    ]),
  );
  assert.ok(want.size > 0, 'some days');
  assert.deepEqual(got, want, message);
  // The month sums (trigger) are the days' sums by month.
  const months = new Map<string, Record<string, number>>();
  for (const [key, c] of want) {
    const [agency, day, ...rest] = key.split('|');
    const k = [agency, `${day!.slice(0, 7)}-01`, ...rest].join('|');
    const m = months.get(k) ?? Object.fromEntries(DASHBOARD_COUNTS.map((n) => [n, 0]));
    for (const n of DASHBOARD_COUNTS) m[n]! += c[n];
    months.set(k, m);
  }
  const stored = await db.select().from(dashboardMonthly);
  const gotMonths = new Map(
    stored
      .filter((r) => DASHBOARD_COUNTS.some((k) => r[k] !== 0))
      .map((r) => [keyOf({ ...r, day: r.month }), Object.fromEntries(DASHBOARD_COUNTS.map((k) => [k, Number(r[k])]))]),
  );
  for (const [k, m] of months) if (DASHBOARD_COUNTS.every((n) => m[n] === 0)) months.delete(k);
  assert.deepEqual(gotMonths, months, `${message}: months`);
  for (const r of days) for (const k of DASHBOARD_COUNTS) assert.ok(r[k] >= 0, `${k} never negative`);
}
