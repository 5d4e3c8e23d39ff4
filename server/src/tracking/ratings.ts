import { eq } from 'drizzle-orm';
import type { DossierState } from '@motcua/core';
import type { Executor } from '../db/client.ts';
import { satisfactionRatings } from '../db/schema/index.ts';
import type { DossierRow } from '../dossiers/load.ts';

/** When the dossier was rated, or null. */
export async function ratedAt(db: Executor, dossierId: string): Promise<Date | null> {
  const rows = await db
    .select({ at: satisfactionRatings.ratedAt })
    .from(satisfactionRatings)
    .where(eq(satisfactionRatings.dossierId, dossierId));
  return rows[0]?.at ?? null;
}

/** A rating is asked for once the result is returned (status 10), and only once. */
export function canBeRated(row: DossierRow): boolean {
  return (row.state as DossierState).returnedAt !== null;
}
