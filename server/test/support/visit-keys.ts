import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { agencySearchKeys, storedTextPairs } from '@motcua/core';
import type { Executor } from '../../src/db/client.ts';
import { execute } from '../../src/db/client.ts';

/**
 * Asserts that every visit of the dossiers with these codes holds, from its write on, core's
 * search keys of its agency and its applicant's words (a visit without them would be missed by
 * every search there). Returns the agencies visited, per code.
 */
export async function assertVisitKeys(db: Executor, codes: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await execute<{
    code: string;
    agency_code: string;
    applicant_search: string;
    search_keys: string[] | null;
  }>(
    db,
    sql`select d.code, v.agency_code, d.applicant_search, v.search_keys from dossier_agencies v
        join dossiers d on d.id = v.dossier_id
        where d.code in (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )}) order by d.code, v.agency_code`,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) {
    assert.ok(r.search_keys, `${r.code} at ${r.agency_code}: a visit without search keys`);
    assert.deepEqual(
      [...r.search_keys].sort(),
      agencySearchKeys(r.agency_code, storedTextPairs(r.applicant_search)),
      `${r.code} at ${r.agency_code}`,
    );
    out.set(r.code, [...(out.get(r.code) ?? []), r.agency_code]);
  }
  assert.deepEqual([...out.keys()].sort(), [...codes].sort(), 'every dossier has its visits');
  return out;
}
