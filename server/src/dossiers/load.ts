import { eq } from 'drizzle-orm';
import type { DossierState } from '@motcua/core';
import type { Executor } from '../db/client.ts';
import { dossiers } from '../db/schema/index.ts';
import type { DossierHead } from './store.ts';

export type DossierRow = typeof dossiers.$inferSelect;

export async function dossierByCode(db: Executor, code: string): Promise<DossierRow | null> {
  const rows = await db.select().from(dossiers).where(eq(dossiers.code, code));
  return rows[0] ?? null;
}

export async function dossierById(db: Executor, id: string): Promise<DossierRow | null> {
  const rows = await db.select().from(dossiers).where(eq(dossiers.id, id));
  return rows[0] ?? null;
}

export function headOf(row: DossierRow): DossierHead {
  return {
    id: row.id,
    lockVersion: row.lockVersion,
    headHash: row.headHash,
    fieldCode: row.fieldCode,
    procedureCode: row.procedureCode,
    applicantSearch: row.applicantSearch,
    state: row.state as DossierState,
  };
}
