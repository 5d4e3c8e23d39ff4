import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { inboxCodes } from '../../test/support/inbox-codes.ts';
import { staffOf, type Staff } from '../../test/support/cases.ts';
import { generator, randomDossiers, writeDossiers } from '../../test/support/histories.ts';
import { execute } from '../db/client.ts';
import { backfillSearchPairs } from './search-backfill.ts';
import { forgetSearchPairsReady, searchPairsReady } from './search-pairs.ts';
import { searchTerms } from './search.ts';
import { wordPairs } from '@motcua/core';

const AGENCY = '000.20.01.H56';
const NOW = Date.parse('2026-03-02T09:00:00+07:00');

test('search terms: the pairs of the words typed, in any order; one word gives none', () => {
  assert.deepEqual(searchTerms('Nguyễn  Văn An', AGENCY)!.pairs, ['an nguyen', 'an van', 'nguyen van']);
  assert.deepEqual(
    searchTerms('an van nguyen', AGENCY)!.pairs,
    searchTerms('Nguyen Van An', AGENCY)!.pairs,
    'any order',
  );
  assert.deepEqual(searchTerms('Đặng', AGENCY)!.pairs, []);
});

forEachDatabase('search word pairs', (db) => {
  let server: TestServer;
  let leader: Staff;

  const codes = (q: string) => inboxCodes(server, leader.token, AGENCY, { view: 'passed', q });

  before(async () => {
    server = await testServer(db(), { now: NOW });
    const g = await generator(server.ctx);
    await writeDossiers(
      server.ctx,
      randomDossiers(g, server.ctx, 120, 7, { start: NOW - 20 * 86_400_000, until: NOW, meanGapMs: 24 * 3600_000 }),
    );
    leader = await staffOf(server, 'leader.province');
  });

  test('every dossier written stores core\u2019s pairs of its folded words', async () => {
    const rows = await execute<{ applicant_search: string; search_pairs: string[] }>(
      server.ctx.db,
      sql`select applicant_search, search_pairs from dossiers`,
    );
    assert.ok(rows.length >= 120);
    for (const r of rows)
      assert.deepEqual([...r.search_pairs].sort(), wordPairs(r.applicant_search.split(' ')), r.applicant_search);
  });

  test('a table written before the pairs: searches answer from single words meanwhile, the backfill fills every row in batches, then pairs answer the same', async () => {
    const names = await execute<{ applicant_search: string }>(
      server.ctx.db,
      sql`select d.applicant_search from dossiers d join dossier_agencies v on v.dossier_id = d.id where v.agency_code = ${AGENCY} order by d.code limit 4`,
    );
    const words = names.map((r) => r.applicant_search.split(' '));
    const queries = [
      ...words.map((w) => w.slice(0, 2).join(' ')),
      words[0]!.slice(0, 3).join(' '),
      words[1]!.slice(0, 3).reverse().join(' '),
      words[2]![0]!,
      'Nguyễn Văn',
    ];
    const expected = new Map<string, string[]>();
    for (const q of queries) expected.set(q, await codes(q));
    assert.ok(
      queries.slice(0, -1).every((q) => expected.get(q)!.length >= 1) &&
        [...expected.values()].some((v) => v.length > 1),
      `every search finds something, some several: ${JSON.stringify([...expected].map(([q, v]) => [q, v.length]))}`,
    );
    // Back to the state of a database migrated while full: no pairs, no index, not done.
    await execute(server.ctx.db, sql`update dossiers set search_pairs = null`);
    await execute(server.ctx.db, sql`drop index if exists dossiers_search_pairs_idx`);
    await execute(server.ctx.db, sql`delete from maintenance where key = 'search-pairs'`);
    forgetSearchPairsReady(server.ctx.database);
    assert.equal(await searchPairsReady(server.ctx.database), false);
    for (const q of queries) assert.deepEqual(await codes(q), expected.get(q), `before the backfill: ${q}`);

    const logged: unknown[] = [];
    const filled = await backfillSearchPairs(server.ctx.database, { batch: 7, log: (f) => logged.push(f) });
    const [{ n }] = (await execute<{ n: number }>(server.ctx.db, sql`select count(*)::int as n from dossiers`)) as [
      { n: number },
    ];
    assert.equal(filled, n, 'every row filled once');
    const left = await execute<{ n: number }>(
      server.ctx.db,
      sql`select count(*)::int as n from dossiers where search_pairs is null`,
    );
    assert.equal(left[0]!.n, 0);
    const idx = await execute<{ n: number }>(
      server.ctx.db,
      sql`select count(*)::int as n from pg_indexes where indexname = 'dossiers_search_pairs_idx'`,
    );
    assert.equal(idx[0]!.n, 1, 'the index is built');
    assert.equal(await searchPairsReady(server.ctx.database), true);
    for (const q of queries) assert.deepEqual(await codes(q), expected.get(q), `with pairs: ${q}`);
    assert.equal(await backfillSearchPairs(server.ctx.database), 0, 'done once');
  });

  after(() => server.dispose());
});
