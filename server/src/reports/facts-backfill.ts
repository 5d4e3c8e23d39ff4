import { sql } from 'drizzle-orm';
import { indexEventFlags, replay, type DossierEvent } from '@motcua/core';
import { execute, type Executor } from '../db/client.ts';
import { dossierFacts } from '../db/schema/index.ts';
import { factsRow, type FactsRow } from './facts-store.ts';
import { DailySums, applyDailySums } from './daily-sums.ts';

/**
 * Fills in the dashboard facts of dossiers accepted before the facts were kept, from their event
 * logs, in short batches. A row written meanwhile by a live event wins (it read the whole log too),
 * so several processes may run this at once. Returns how many rows it wrote.
 */
export async function backfillDossierFacts(
  db: Executor,
  o: { batch?: number; pauseMs?: number; log?: (fields: object, msg: string) => void } = {},
): Promise<number> {
  const batch = o.batch ?? 500;
  let written = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = await execute<{ id: string; field: string; procedure: string }>(
      db,
      sql`select d.id, d.field_code as field, d.procedure_code as procedure from dossiers d
          where d.id > ${after}::uuid and d.accepted_at is not null and not exists (select 1 from dossier_facts f where f.dossier_id = d.id)
          order by d.id limit ${batch}`,
    );
    if (!ids.length) break;
    after = ids.at(-1)!.id;
    const events = await execute<{ dossier_id: string; event: DossierEvent }>(
      db,
      sql`select dossier_id, event from dossier_events where dossier_id in (${sql.join(
        ids.map((r) => sql`${r.id}::uuid`),
        sql`, `,
      )}) order by dossier_id, seq`,
    );
    const logs = new Map<string, DossierEvent[]>();
    for (const e of events) {
      const list = logs.get(e.dossier_id) ?? [];
      list.push(e.event);
      logs.set(e.dossier_id, list);
    }
    const rows = ids
      .map((r) => {
        const log = logs.get(r.id) ?? [];
        return log.length ? factsRow(r.id, replay(log), r.field, r.procedure, indexEventFlags(log)) : null;
      })
      .filter((f): f is FactsRow => f !== null);
    // The rows this batch wrote and their daily sums, together.
    if (rows.length)
      await db.transaction(async (tx) => {
        const inserted = await tx.insert(dossierFacts).values(rows).onConflictDoNothing().returning();
        await applyDailySums(tx, new DailySums().add(inserted));
      });
    written += rows.length;
    if (ids.length < batch) break;
    if (o.pauseMs) await new Promise((r) => setTimeout(r, o.pauseMs));
  }
  if (written) o.log?.({ written }, 'dashboard facts backfilled');
  return written;
}
