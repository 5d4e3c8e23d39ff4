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

/**
 * Sets the dossier's code and, with a key, stores the idempotent result — in ONE statement, so
 * that the sequence row locked by `allocateCode` is held for as few round trips as possible.
 */
export async function finalize(tx: Executor, dossierId: string, code: string, key: { scope: string; key: string; result: { status: number; body: unknown } } | null): Promise<void> {
  if (!key) {
    await execute(tx, sql`update dossiers set code = ${code} where id = ${dossierId}`);
    return;
  }
  await execute(
    tx,
    sql`with d as (update dossiers set code = ${code} where id = ${dossierId} returning id)
        update idempotency_keys set status = ${key.result.status}, response = ${JSON.stringify(key.result.body)}::jsonb, dossier_id = (select id from d)
        where scope = ${key.scope} and key = ${key.key}`,
  );
}
