import { sql } from 'drizzle-orm';
import { execute, type Executor } from '../db/client.ts';
import { DailySums, applyDailySums } from './daily-sums.ts';
import { factsPages } from './facts-pages.ts';

/**
 * Recomputes `dashboard_daily` from every `dossier_facts` row when asked (the row of
 * `dashboard_daily_rebuild` that migration 0017 writes), in one transaction holding writers of
 * the facts off: the sums are then exactly those of the facts, whatever was written before. Run
 * once per upgrade; with millions of facts it holds events for as long as it reads them (minutes).
 * Returns whether it ran.
 */
export async function rebuildDashboardDaily(
  db: Executor,
  o: { batch?: number; log?: (fields: object, msg: string) => void } = {},
): Promise<boolean> {
  const batch = o.batch ?? 10_000;
  return db.transaction(async (tx) => {
    await execute(tx, sql`lock table dossier_facts in share mode`);
    const asked = await execute<{ n: number }>(
      tx,
      sql`with d as (delete from dashboard_daily_rebuild returning 1) select count(*)::int as n from d`,
    );
    if (!asked[0]?.n) return false;
    // The trigger takes each deleted day off its month; the months left are zeros.
    await execute(tx, sql`delete from dashboard_daily`);
    await execute(tx, sql`delete from dashboard_monthly`);
    const sums = new DailySums();
    let facts = 0;
    for await (const rows of factsPages(tx, batch)) {
      sums.add(rows);
      facts += rows.length;
    }
    await applyDailySums(tx, sums);
    o.log?.({ facts }, 'dashboard daily sums rebuilt');
    return true;
  });
}
