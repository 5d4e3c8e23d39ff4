import { sql } from 'drizzle-orm';
import { dashboardMeasures } from '@motcua/core';
import { execute, type Database } from '../db/client.ts';
import { factsOfRow } from './daily-sums.ts';
import { factsPages } from './facts-pages.ts';
import { maintenanceMark } from '../db/maintenance-mark.ts';

/** The `maintenance` key recorded once every `dossier_facts` row has its measures (migration 0018). */
export const MEASURES_KEY = 'dossier-measures';

/** Whether every stored row has its measures (the drill-down lists by them). */
const measuresMark = maintenanceMark(MEASURES_KEY);
export const measuresReady = measuresMark.ready;
export const forgetMeasuresReady = measuresMark.forget;

/**
 * Gives the facts stored before migration 0018 their measures (core's `dashboardMeasures` of each
 * row), online: batches in key order, each one read and then one short update that leaves alone a
 * row rewritten meanwhile (it has its measures, or another event count). Passes repeat until no row
 * lacks them, then the mark lets the drill-down list. Several processes may run it at once.
 * Returns the number of rows filled.
 */
export async function backfillMeasures(
  database: Database,
  o: { batch?: number; pauseMs?: number; log?: (fields: object, msg: string) => void } = {},
): Promise<number> {
  if (await measuresReady(database)) return 0;
  const db = database.db;
  const batch = o.batch ?? 2000;
  let filled = 0;
  for (let pass = 0; ; pass++) {
    for await (const rows of factsPages(db, batch)) {
      const todo = rows
        .filter((r) => r.measures === null)
        .map((r) => ({ id: r.dossierId, n: r.eventCount, m: dashboardMeasures(factsOfRow(r)) }));
      if (todo.length) {
        const done = await execute<{ id: string }>(
          db,
          sql`update dossier_facts f set measures = x.m
              from jsonb_to_recordset(${JSON.stringify(todo)}::jsonb) as x(id uuid, n int, m int)
              where f.dossier_id = x.id and f.measures is null and f.event_count = x.n
              returning f.dossier_id as id`,
        );
        filled += done.length;
      }
      if (o.pauseMs) await new Promise((r) => setTimeout(r, o.pauseMs));
    }
    const left = await execute<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select 1 from dossier_facts where measures is null limit 1) x`,
    );
    if (!left[0]?.n) break;
    if (pass >= 9)
      throw new Error('dossier_facts rows keep losing their measures (a writer older than migration 0018?)');
  }
  await measuresMark.write(database);
  o.log?.({ filled }, 'dashboard measures ready');
  return filled;
}
