import { sql } from 'drizzle-orm';
import { formatDossierCode, localDate } from '@motcua/core';
import { execute, type Executor } from '../db/client.ts';
import type { Statement } from '../db/pipeline.ts';

/**
 * The code without its sequence digits (`{agency}-{yyMMdd}-`), from core's format with the date in
 * the agency's time zone (the server's TZ plays no part).
 */
export function codePrefix(agencyCode: string, at: number, timeZone: string): string {
  const one = formatDossierCode(agencyCode, at, timeZone, 1);
  if (!one.endsWith('-0001')) throw new Error(`unexpected dossier code format: ${one}`);
  return one.slice(0, -'0001'.length);
}

/**
 * The sequence digits as SQL: core's `String(sequence).padStart(4, '0')` (4 digits, more when it
 * overflows). `sequence.test.ts` checks the two agree on both databases.
 */
export const SEQUENCE_DIGITS_SQL = (n: string) => `lpad(${n}::text, greatest(4, length(${n}::text)), '0')`;

const ALLOCATE = `with s as (
    insert into dossier_sequences (agency_code, day, last) values ($1, $2::date, 1)
    on conflict (agency_code, day) do update set last = dossier_sequences.last + 1
    returning last
  ), d as (
    update dossiers set code = $3::text || ${SEQUENCE_DIGITS_SQL('s.last')} from s where dossiers.id = $4::uuid returning dossiers.code, s.last
  )`;

/** Without an idempotency key: the sequence, then the dossier's code. */
const ALLOCATE_PLAIN = `${ALLOCATE}
  select code, last from d`;

/** With a key: the same, and the key's stored result completed with the code. */
const ALLOCATE_KEYED = `${ALLOCATE}, k as (
    update idempotency_keys set status = $5::int, response = jsonb_set(($6::text)::jsonb, '{code}', to_jsonb(d.code)), dossier_id = $4::uuid
    from d where scope = $7 and key = $8
  )
  select code, last from d`;

export interface Allocation {
  agencyCode: string;
  at: number;
  timeZone: string;
  dossierId: string;
  /** With an idempotency key: the result to store (its `body.code` is filled in by the statement). */
  key?: { scope: string; key: string; status: number; body: Record<string, unknown> } | undefined;
}

/**
 * ONE statement that takes the next number of the agency's daily sequence (the hot row: send it
 * last, right before COMMIT), sets the dossier's code and, with a key, completes the idempotent
 * result with that code. Nothing returns to the application while the row is locked, so its lock
 * lasts this statement and the commit. It returns `{ code, last }`. A rolled-back transaction gives
 * its number back: codes have no gaps.
 */
export function allocateCodeSql(a: Allocation): Statement {
  const day = localDate(a.at, a.timeZone);
  const base = [a.agencyCode, day, codePrefix(a.agencyCode, a.at, a.timeZone), a.dossierId];
  if (!a.key) return { text: ALLOCATE_PLAIN, params: base };
  return { text: ALLOCATE_KEYED, params: [...base, a.key.status, JSON.stringify(a.key.body), a.key.scope, a.key.key] };
}

/** Keeps the sequence past an imported code's number (legacy dossiers keep their codes). */
export async function reserveImported(tx: Executor, agencyCode: string, day: string, sequence: number): Promise<void> {
  await execute(
    tx,
    sql`insert into dossier_sequences (agency_code, day, last) values (${agencyCode}, ${day}::date, ${sequence})
        on conflict (agency_code, day) do update set last = greatest(dossier_sequences.last, excluded.last)`,
  );
}
