import { asc, gt } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { dossierFacts } from '../db/schema/index.ts';
import type { FactsRow } from './facts-store.ts';

/**
 * Every `dossier_facts` row in dossier-id order, `batch` rows at a time (keyset paging, so each read
 * is short and rows written meanwhile behind the cursor are not read twice).
 */
export async function* factsPages(db: Executor, batch: number): AsyncGenerator<FactsRow[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select()
      .from(dossierFacts)
      .where(gt(dossierFacts.dossierId, after))
      .orderBy(asc(dossierFacts.dossierId))
      .limit(batch);
    if (!rows.length) return;
    yield rows;
    if (rows.length < batch) return;
    after = rows.at(-1)!.dossierId;
  }
}
