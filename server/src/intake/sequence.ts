import { sql } from 'drizzle-orm';
import { formatDossierCode, localDate } from '@motcua/core';
import { execute, type Executor } from '../db/client.ts';

/**
 * Allocates the next number of an agency's daily sequence and formats the dossier code, with the
 * date in the agency's time zone (the server's TZ plays no part). One statement takes the row lock
 * and increments; call it last in the transaction (it is the hot row) — a rolled-back transaction
 * gives its number back, so the sequence has no gaps.
 */
export async function allocateCode(tx: Executor, agencyCode: string, at: number, timeZone: string): Promise<{ code: string; sequence: number; day: string }> {
  const day = localDate(at, timeZone);
  const rows = await execute<{ last: number }>(
    tx,
    sql`insert into dossier_sequences (agency_code, day, last) values (${agencyCode}, ${day}::date, 1)
        on conflict (agency_code, day) do update set last = dossier_sequences.last + 1
        returning last`,
  );
  const sequence = Number(rows[0]!.last);
  return { code: formatDossierCode(agencyCode, at, timeZone, sequence), sequence, day };
}

/** Keeps the sequence past an imported code's number (legacy dossiers keep their codes). */
export async function reserveImported(tx: Executor, agencyCode: string, day: string, sequence: number): Promise<void> {
  await execute(
    tx,
    sql`insert into dossier_sequences (agency_code, day, last) values (${agencyCode}, ${day}::date, ${sequence})
        on conflict (agency_code, day) do update set last = greatest(dossier_sequences.last, excluded.last)`,
  );
}
