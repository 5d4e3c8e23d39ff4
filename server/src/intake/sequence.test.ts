import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { formatDossierCode } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { execute } from '../db/client.ts';
import { codePrefix, SEQUENCE_DIGITS_SQL } from './sequence.ts';

forEachDatabase('dossier codes made in SQL are core\u2019s codes', (db) => {
  test('prefix (agency, date in the agency\u2019s zone) + the SQL sequence digits = formatDossierCode, overflow included', async () => {
    const agencies = fc.constantFrom('000.20.01.H56', '000.00.10.H56', 'H56.30');
    const zones = fc.constantFrom('Asia/Ho_Chi_Minh', 'UTC', 'Pacific/Kiritimati', 'America/Los_Angeles');
    const instants = fc.integer({ min: Date.parse('2000-01-02T00:00:00Z'), max: Date.parse('2099-12-30T00:00:00Z') });
    const sequences = fc.oneof(fc.integer({ min: 1, max: 12_000 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }));
    const boundaries = [1, 9, 10, 999, 1000, 9999, 10_000, 99_999, 100_000, 2 ** 31 - 1];
    const samples = [
      ...fc.sample(fc.tuple(agencies, zones, instants, sequences), { numRuns: 400, seed: 20261129 }),
      ...boundaries.map((n) => ['000.20.01.H56', 'Asia/Ho_Chi_Minh', Date.parse('2026-03-01T17:30:00Z'), n] as const),
    ];
    const digits = await execute<{ n: number; d: string }>(
      db().database.db,
      sql.raw(
        `select n, ${SEQUENCE_DIGITS_SQL('n')} as d from unnest(array[${samples.map((s) => s[3]).join(',')}]::int[]) as n`,
      ),
    );
    const bySequence = new Map(digits.map((r) => [Number(r.n), r.d]));
    for (const [agency, zone, at, sequence] of samples) {
      assert.equal(
        codePrefix(agency, at, zone) + bySequence.get(sequence),
        formatDossierCode(agency, at, zone, sequence),
      );
    }
    assert.deepEqual(
      boundaries.map((n) => bySequence.get(n)),
      ['0001', '0009', '0010', '0999', '1000', '9999', '10000', '99999', '100000', '2147483647'],
    );
  });
});
