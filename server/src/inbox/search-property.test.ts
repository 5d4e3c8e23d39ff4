/**
 * The applicant search through the indexed word pairs means exactly what core's fold says: for
 * any words typed (accents, case, order and spacing as they come), the inbox finds the dossiers
 * whose folded applicant words hold them all, or whose code starts with the text — the same as a
 * naive filter over every dossier.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { foldText, matchesSearchWords, searchWords } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { staffOf, type Staff } from '../../test/support/cases.ts';
import { FAMILY, GIVEN, MIDDLE, generator, randomDossiers, writeDossiers } from '../../test/support/histories.ts';
import { execute } from '../db/client.ts';
import { searchPairsReady } from './search-pairs.ts';

const AGENCY = '000.20.01.H56';
const NOW = Date.parse('2026-03-02T09:00:00+07:00');

forEachDatabase('applicant search, property', (db) => {
  let server: TestServer;
  let leader: Staff;
  /** Every dossier the view lists, with its stored folded words. */
  let all: { code: string; search: string }[] = [];
  let stored: string[] = [];

  const codes = async (q: string | null) => {
    const out: string[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ view: 'passed', limit: '200' });
      if (q !== null) params.set('q', q);
      if (cursor) params.set('cursor', cursor);
      const res = await server.request(`/api/v1/agencies/${AGENCY}/inbox?${params}`, {
        headers: { authorization: `Bearer ${leader.token}` },
      });
      assert.equal(res.status, 200, await res.clone().text());
      const page = await json<{ items: { code: string }[]; nextCursor: string | null }>(res);
      out.push(...page.items.map((i) => i.code));
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  };

  /** What the search must answer, from core's fold alone. */
  const naive = (q: string) => {
    const raw = q.normalize('NFC').trim();
    const words = searchWords(foldText(raw));
    const prefixes = /\s/.test(raw) ? [] : [raw, raw.toUpperCase()];
    return all
      .filter(
        (d) => (words.length && matchesSearchWords(d.search, words)) || prefixes.some((p) => d.code.startsWith(p)),
      )
      .map((d) => d.code)
      .sort();
  };

  before(async () => {
    server = await testServer(db(), { now: NOW });
    const g = await generator(server.ctx);
    await writeDossiers(
      server.ctx,
      randomDossiers(g, server.ctx, 150, 11, { start: NOW - 20 * 86_400_000, until: NOW, meanGapMs: 24 * 3600_000 }),
    );
    leader = await staffOf(server, 'leader.province');
    const listed = new Set(await codes(null));
    const rows = await execute<{ code: string; applicant_search: string }>(
      server.ctx.db,
      sql`select code, applicant_search from dossiers where code is not null`,
    );
    all = rows.filter((r) => listed.has(r.code)).map((r) => ({ code: r.code, search: r.applicant_search }));
    assert.ok(all.length >= 20, `${all.length} dossiers listed`);
    stored = [...new Set(all.flatMap((d) => searchWords(d.search)))];
    assert.ok(await searchPairsReady(server.ctx.database), 'the pairs answer');
  });

  test('any words typed find what a naive filter over core\u2019s fold finds', async () => {
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
        const got = (await codes(q)).sort();
        assert.deepEqual(got, naive(q), q);
        if (got.length) found++;
      }),
      { numRuns: 40, seed: 20260302 },
    );
    assert.ok(found >= 5, `searches that found something: ${found}`);
  });

  test('a whole applicant, its words shuffled, finds at least its own dossier', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...all), fc.integer(), async (d, shift) => {
        const words = searchWords(d.search);
        const k = Math.abs(shift) % words.length;
        const q = [...words.slice(k), ...words.slice(0, k)].join(' ');
        const got = await codes(q);
        assert.ok(got.includes(d.code), `${q} → ${got.join(', ')}`);
        assert.deepEqual(got.sort(), naive(q), q);
      }),
      { numRuns: 15, seed: 42 },
    );
  });

  after(() => server.dispose());
});
