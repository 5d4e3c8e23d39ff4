import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { agencySearchKeys, storedTextPairs } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { inboxCodes } from '../../test/support/inbox-codes.ts';
import { staffOf, type Staff } from '../../test/support/cases.ts';
import { generator, randomDossiers, writeDossiers } from '../../test/support/histories.ts';
import { execute } from '../db/client.ts';
import { backfillVisitSearchKeys, forgetVisitSearchKeysReady, visitSearchKeysReady } from './search-keys-backfill.ts';

const AGENCY = '000.20.01.H56';
const NOW = Date.parse('2026-03-02T09:00:00+07:00');
const count = async (server: TestServer, q: ReturnType<typeof sql>) =>
  (await execute<{ n: number }>(server.ctx.db, q))[0]!.n;

forEachDatabase('visit search keys backfill', (db) => {
  let server: TestServer;
  let leader: Staff;

  const codes = async (q: string, view: string) => (await inboxCodes(server, leader.token, AGENCY, { view, q })).sort();

  before(async () => {
    server = await testServer(db(), { now: NOW });
    const g = await generator(server.ctx);
    await writeDossiers(
      server.ctx,
      randomDossiers(g, server.ctx, 100, 5, { start: NOW - 20 * 86_400_000, until: NOW, meanGapMs: 24 * 3600_000 }),
    );
    leader = await staffOf(server, 'leader.province');
  });

  test('visits stored before their keys: searches answer from the pairs meanwhile; the backfill fills them in batches, leaves a visit written meanwhile alone, builds the index, then the keys answer the same', async () => {
    const names = await execute<{ applicant_search: string }>(
      server.ctx.db,
      sql`select d.applicant_search from dossiers d join dossier_agencies v on v.dossier_id = d.id where v.agency_code = ${AGENCY} order by d.code limit 3`,
    );
    const words = names.map((r) => r.applicant_search.split(' '));
    const queries = [
      ...words.map((w) => w.slice(0, 2).join(' ')),
      words[0]!.slice(0, 3).reverse().join(' '),
      'Nguyễn Văn',
    ];
    const views = ['passed', 'open'];
    const expected = new Map<string, string[]>();
    for (const q of queries) for (const v of views) expected.set(`${v} ${q}`, await codes(q, v));
    assert.ok(
      queries.slice(0, 3).every((q) => expected.get(`passed ${q}`)!.length >= 1),
      `every search finds something: ${JSON.stringify([...expected].map(([q, v]) => [q, v.length]))}`,
    );

    // Back to a database migrated while full: no keys, no index, not done; one visit written
    // since (by the new code) has its own keys.
    const [kept] = await execute<{ dossier_id: string; agency_code: string; search_keys: string[] }>(
      server.ctx.db,
      sql`select dossier_id, agency_code, search_keys from dossier_agencies order by dossier_id desc limit 1`,
    );
    await execute(server.ctx.db, sql`update dossier_agencies set search_keys = null`);
    await execute(
      server.ctx.db,
      sql`update dossier_agencies set search_keys = array['written since']::text[] where dossier_id = ${kept!.dossier_id}::uuid and agency_code = ${kept!.agency_code}`,
    );
    await execute(server.ctx.db, sql`drop index if exists dossier_agencies_search_keys_idx`);
    await execute(server.ctx.db, sql`delete from maintenance where key = 'visit-search-keys'`);
    forgetVisitSearchKeysReady(server.ctx.database);
    assert.equal(await visitSearchKeysReady(server.ctx.database), false);
    for (const q of queries)
      for (const v of views) assert.deepEqual(await codes(q, v), expected.get(`${v} ${q}`), `before: ${v} ${q}`);

    const visits = await count(server, sql`select count(*)::int as n from dossier_agencies`);
    const logged: Record<string, unknown>[] = [];
    const filled = await backfillVisitSearchKeys(server.ctx.database, { batch: 7, log: (f) => logged.push(f) });
    assert.equal(filled, visits - 1, 'every visit without keys filled once');
    assert.equal(logged.at(-1)!.filled, filled);
    assert.equal(
      await count(server, sql`select count(*)::int as n from dossier_agencies where search_keys is null`),
      0,
    );
    const rows = await execute<{ dossier_id: string; agency_code: string; search_keys: string[]; search: string }>(
      server.ctx.db,
      sql`select v.dossier_id, v.agency_code, v.search_keys, d.applicant_search as search from dossier_agencies v join dossiers d on d.id = v.dossier_id`,
    );
    for (const r of rows)
      assert.deepEqual(
        [...r.search_keys].sort(),
        r.dossier_id === kept!.dossier_id && r.agency_code === kept!.agency_code
          ? ['written since']
          : agencySearchKeys(r.agency_code, storedTextPairs(r.search)),
        `${r.agency_code} ${r.search}`,
      );
    // Its true keys back for the searches below: a second run fills that visit alone.
    await execute(
      server.ctx.db,
      sql`update dossier_agencies set search_keys = null where search_keys = array['written since']::text[]`,
    );
    forgetVisitSearchKeysReady(server.ctx.database);
    await execute(server.ctx.db, sql`delete from maintenance where key = 'visit-search-keys'`);
    assert.equal(await backfillVisitSearchKeys(server.ctx.database), 1, 'a later pass fills only what lacks keys');

    assert.equal(
      await count(
        server,
        sql`select count(*)::int as n from pg_indexes where indexname = 'dossier_agencies_search_keys_idx'`,
      ),
      1,
      'the index is built',
    );
    assert.equal(await visitSearchKeysReady(server.ctx.database), true);
    for (const q of queries)
      for (const v of views) assert.deepEqual(await codes(q, v), expected.get(`${v} ${q}`), `with keys: ${v} ${q}`);
    assert.equal(await backfillVisitSearchKeys(server.ctx.database), 0, 'done once');
  });

  after(() => server.dispose());
});
