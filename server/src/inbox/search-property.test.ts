/**
 * The applicant search through the visits' agency-scoped keys, and through the dossiers' word pairs
 * (the path before their backfill), means exactly what core's fold says: for any words typed
 * (accents, case, order and spacing as they come), the inbox finds the dossiers whose folded
 * applicant words hold them all, or whose code starts with the text — the same as a naive filter
 * over every dossier the view lists, at the receiving commune and at an agency dossiers were
 * forwarded to, in the passed-through and open views.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { foldText, matchesSearchWords, searchWords } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { inboxCodes } from '../../test/support/inbox-codes.ts';
import { staffOf, type Staff } from '../../test/support/cases.ts';
import { FAMILY, GIVEN, MIDDLE, generator, randomDossiers, writeDossiers } from '../../test/support/histories.ts';
import { execute } from '../db/client.ts';
import { searchPairsReady } from './search-pairs.ts';
import { forgetVisitSearchKeysReady, VISIT_SEARCH_KEYS_KEY, visitSearchKeysReady } from './search-keys-backfill.ts';

const AGENCY = '000.20.01.H56';
const NOW = Date.parse('2026-03-02T09:00:00+07:00');

/** The search paths, as their backfills' marks turn them on: the visits' keys, the dossiers' pairs. */
const PATHS = ['visit keys', 'word pairs'] as const;
type SearchPath = (typeof PATHS)[number];
const VIEWS = ['passed', 'open'] as const;
type View = (typeof VIEWS)[number];

forEachDatabase('applicant search, property', (db) => {
  let server: TestServer;
  let leader: Staff;
  /** The agencies searched: the commune, and the agency most forwarded to from elsewhere. */
  let agencies: string[] = [];
  /** Every dossier each view lists at each agency, with its stored folded words. */
  const listed = new Map<string, { code: string; search: string }[]>();
  let stored: string[] = [];

  const usePath = async (path: SearchPath) => {
    if (path === 'visit keys')
      await execute(
        server.ctx.db,
        sql`insert into maintenance (key, done_at) values (${VISIT_SEARCH_KEYS_KEY}, now()) on conflict do nothing`,
      );
    else await execute(server.ctx.db, sql`delete from maintenance where key = ${VISIT_SEARCH_KEYS_KEY}`);
    forgetVisitSearchKeysReady(server.ctx.database);
    assert.equal(await visitSearchKeysReady(server.ctx.database), path === 'visit keys');
  };

  const codes = (q: string | null, view: View, agency: string) =>
    inboxCodes(server, leader.token, agency, q === null ? { view } : { view, q });

  /** What the search must answer, from core's fold alone. */
  const naive = (q: string, view: View, agency: string) => {
    const raw = q.normalize('NFC').trim();
    const words = searchWords(foldText(raw));
    const prefixes = /\s/.test(raw) ? [] : [raw, raw.toUpperCase()];
    return listed
      .get(`${view} ${agency}`)!
      .filter(
        (d) => (words.length && matchesSearchWords(d.search, words)) || prefixes.some((p) => d.code.startsWith(p)),
      )
      .map((d) => d.code)
      .sort();
  };

  /** The answer of every path, view and agency to `q`, each checked against the naive filter. */
  const checkAll = async (q: string) => {
    let found = 0;
    for (const path of PATHS) {
      await usePath(path);
      for (const view of VIEWS)
        for (const agency of agencies) {
          const got = (await codes(q, view, agency)).sort();
          assert.deepEqual(got, naive(q, view, agency), `${path}, ${view} at ${agency}: ${q}`);
          found += got.length;
        }
    }
    return found;
  };

  before(async () => {
    server = await testServer(db(), { now: NOW });
    const g = await generator(server.ctx);
    await writeDossiers(
      server.ctx,
      randomDossiers(g, server.ctx, 150, 12, { start: NOW - 20 * 86_400_000, until: NOW, meanGapMs: 24 * 3600_000 }),
    );
    leader = await staffOf(server, 'leader.province');
    const forwarded = await execute<{ agency: string; n: number }>(
      server.ctx.db,
      sql`select v.agency_code as agency, count(*)::int as n from dossier_agencies v join dossiers d on d.id = v.dossier_id
          where v.agency_code <> d.receiving_agency group by 1 order by 2 desc, 1 limit 1`,
    );
    assert.ok(forwarded[0] && forwarded[0].n >= 3, `dossiers forwarded elsewhere: ${JSON.stringify(forwarded)}`);
    agencies = [AGENCY, forwarded[0].agency];
    const rows = await execute<{ code: string; applicant_search: string }>(
      server.ctx.db,
      sql`select code, applicant_search from dossiers where code is not null`,
    );
    for (const view of VIEWS)
      for (const agency of agencies) {
        const here = new Set(await codes(null, view, agency));
        listed.set(
          `${view} ${agency}`,
          rows.filter((r) => here.has(r.code)).map((r) => ({ code: r.code, search: r.applicant_search })),
        );
      }
    const sizes = [...listed].map(([k, v]) => `${k}: ${v.length}`).join(', ');
    for (const agency of agencies) assert.ok(listed.get(`passed ${agency}`)!.length >= 3, sizes);
    assert.ok(agencies.reduce((n, a) => n + listed.get(`open ${a}`)!.length, 0) >= 3, sizes);
    const all = [...listed.values()].flat();
    stored = [...new Set(all.flatMap((d) => searchWords(d.search)))];
    assert.ok(await visitSearchKeysReady(server.ctx.database), 'the visit keys answer');
    assert.ok(await searchPairsReady(server.ctx.database), 'the pairs answer when the keys do not');
  });

  test('any words typed find what a naive filter over core\u2019s fold finds, by every path, view and agency', async () => {
    // Words as a clerk types them: the names' own spellings, stored words (ID numbers, phones,
    // e-mails), words nobody has, in any case.
    const word = fc.oneof(
      fc.constantFrom(...FAMILY, ...MIDDLE, ...GIVEN),
      fc.constantFrom(...stored),
      fc.constantFrom('zzz', 'nguyenvan', 'an-', 'Anh'),
    );
    const typed = fc
      .tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '  ', ' \t'), fc.boolean())
      .map(([words, gap, upper]) => (upper ? words.join(gap).toUpperCase() : words.join(gap)));
    let found = 0;
    await fc.assert(
      fc.asyncProperty(typed, async (q) => {
        if (await checkAll(q)) found++;
      }),
      { numRuns: 30, seed: 20260302 },
    );
    assert.ok(found >= 5, `searches that found something: ${found}`);
  });

  test('a whole applicant, its words shuffled, finds at least its own dossier wherever it is listed', async () => {
    const entries = [...listed].flatMap(([k, list]) => list.map((d) => ({ k, d })));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...entries), fc.integer(), async ({ k, d }, shift) => {
        const words = searchWords(d.search);
        const n = Math.abs(shift) % words.length;
        const q = [...words.slice(n), ...words.slice(0, n)].join(' ');
        const [view, agency] = k.split(' ') as [View, string];
        for (const path of PATHS) {
          await usePath(path);
          const got = await codes(q, view, agency);
          assert.ok(got.includes(d.code), `${path}, ${k}: ${q} → ${got.join(', ')}`);
        }
        await checkAll(q);
      }),
      { numRuns: 12, seed: 42 },
    );
  });

  after(() => server.dispose());
});
