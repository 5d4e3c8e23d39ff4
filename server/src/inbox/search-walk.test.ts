/**
 * A full-name search reads a bounded number of matches from the keys' index, else walks the view's
 * first rows (the agency's latest visits in the passed-through view, its open dossiers in queue
 * order in the open, mine and one-role queue views), else reads every match. Page after page,
 * cursors included, whichever read answers gives the keys of the view's single query: for a name
 * common lately (the walk answers), a rare one (its few matches) and one common only long ago
 * (every match), at several page sizes.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { agencySearchKeys, applicantSearchKeys } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { generator, randomDossiers, writeDossiers } from '../../test/support/histories.ts';
import { execute } from '../db/client.ts';
import {
  inboxKeys,
  inboxQuery,
  nameSearchKeys,
  SEARCH_WALK_ROWS_PER_ROW,
  type InboxFilter,
  type InboxKey,
  type InboxView,
  type NameSearchRead,
} from './query.ts';
import { searchTerms } from './search.ts';

const AGENCY = '000.20.01.H56';
const NOW = Date.parse('2026-03-02T09:00:00+07:00');
/** Given to every third dossier that visited the agency. */
const COMMON = 'Nguyễn Văn An';
/** Given to 24 of the oldest other dossiers there, none of the latest. */
const OLD = 'Trần Thị Bích';

forEachDatabase('full-name search, bounded reads', (db) => {
  let server: TestServer;
  /** Two-word names (family and middle) of the visits at the agency, commonest first. */
  let names: string[] = [];
  /** The assignee with the most open dossiers at the agency, and the role most of them wait for. */
  let staffId: string | null = null;
  let role = '';

  /** Renames a dossier as intake would have stored it: folded words, pairs, every visit's keys (core's). */
  const rename = async (id: string, name: string, idNumber: string | null) => {
    const { text, pairs } = applicantSearchKeys([name, idNumber]);
    const array = (items: string[]) =>
      sql`array[${sql.join(
        items.map((x) => sql`${x}`),
        sql`, `,
      )}]::text[]`;
    await execute(
      server.ctx.db,
      sql`update dossiers set applicant_name = ${name}, applicant_search = ${text}, search_pairs = ${array(pairs)} where id = ${id}`,
    );
    const visits = await execute<{ agency_code: string }>(
      server.ctx.db,
      sql`select agency_code from dossier_agencies where dossier_id = ${id}`,
    );
    for (const v of visits)
      await execute(
        server.ctx.db,
        sql`update dossier_agencies set search_keys = ${array(agencySearchKeys(v.agency_code, pairs))} where dossier_id = ${id} and agency_code = ${v.agency_code}`,
      );
  };

  before(async () => {
    server = await testServer(db(), { now: NOW });
    const g = await generator(server.ctx);
    await writeDossiers(
      server.ctx,
      randomDossiers(g, server.ctx, 600, 7, { start: NOW - 30 * 86_400_000, until: NOW, meanGapMs: 24 * 3600_000 }),
    );
    const here = await execute<{ id: string; applicant_id_number: string | null }>(
      server.ctx.db,
      sql`select d.id, d.applicant_id_number from dossier_agencies v join dossiers d on d.id = v.dossier_id
          where v.agency_code = ${AGENCY} order by v.since, v.dossier_id`,
    );
    assert.ok(here.length >= SEARCH_WALK_ROWS_PER_ROW + 40, `visits at ${AGENCY}: ${here.length}`);
    let old = 0;
    for (const [i, r] of here.entries()) {
      if (i % 3 === 0) await rename(r.id, COMMON, r.applicant_id_number);
      else if (old < 24 && i < here.length - SEARCH_WALK_ROWS_PER_ROW) {
        await rename(r.id, OLD, r.applicant_id_number);
        old++;
      }
    }
    const rows = await execute<{ applicant_name: string }>(
      server.ctx.db,
      sql`select d.applicant_name from dossier_agencies v join dossiers d on d.id = v.dossier_id where v.agency_code = ${AGENCY}`,
    );
    const counts = new Map<string, number>();
    for (const r of rows) {
      const words = r.applicant_name.split(/\s+/);
      const q = `${words[0]} ${words[1]}`;
      counts.set(q, (counts.get(q) ?? 0) + 1);
    }
    const [busiest] = await execute<{ assignee_id: string }>(
      server.ctx.db,
      sql`select assignee_id from dossiers where location_agency = ${AGENCY} and not closed and assignee_id is not null
          group by assignee_id order by count(*) desc, assignee_id limit 1`,
    );
    staffId = busiest?.assignee_id ?? null;
    const [waiting] = await execute<{ location_role: string }>(
      server.ctx.db,
      sql`select location_role from dossiers where location_agency = ${AGENCY} and not closed
          group by location_role order by count(*) desc, location_role limit 1`,
    );
    role = waiting!.location_role;
    names = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([q]) => q);
  });

  after(() => server.dispose());

  const filter = (
    q: string,
    limit: number,
    cursor: InboxKey | null,
    statuses?: number[],
    view: InboxView = 'passed',
  ): InboxFilter => ({
    agency: AGENCY,
    view,
    roles: view === 'queue' ? [role] : [],
    staffId: view === 'mine' ? staffId : null,
    now: NOW,
    search: searchTerms(q, AGENCY),
    cursor: cursor && { view, ...cursor },
    limit,
    ...(statuses ? { statuses } : {}),
  });

  /** Every page of `q` by the bounded reads and by the single query, compared; the reads that answered, and the rows. */
  const comparePages = async (q: string, limit: number, statuses?: number[], view: InboxView = 'passed') => {
    let cursor: InboxKey | null = null;
    const reads = new Set<NameSearchRead>();
    let rows = 0;
    for (let page = 0; page < 200; page++) {
      const f = filter(q, limit, cursor, statuses, view);
      const got = (await nameSearchKeys(server.ctx.db, f))!;
      const want = (await execute<{ id: string; at: string | number }>(server.ctx.db, inboxQuery(f))).map((r) => ({
        id: r.id,
        at: Number(r.at),
      }));
      assert.deepEqual(got.keys, want, `${view}: ${q}, ${limit} a page, page ${page} (${got.read})`);
      assert.deepEqual(await inboxKeys(server.ctx.db, f), want);
      reads.add(got.read);
      rows += got.keys.length;
      if (got.keys.length < limit) return { reads, rows };
      cursor = got.keys.at(-1)!;
    }
    throw new Error(`${q}: more than 200 pages`);
  };

  test('a name common lately: the walk of the latest visits answers, the same pages', async () => {
    // One row a page: at most 20 matches are read from the index, the name has more, and a third
    // of the latest 64 visits hold it.
    const r = await comparePages(COMMON, 1);
    assert.ok(r.reads.has('walk'), `${COMMON}: ${[...r.reads]}`);
    assert.ok(r.rows >= 30, `${COMMON}: ${r.rows} rows`);
  });

  test('a rare name: its few matches answer, the same pages', async () => {
    const rare = names.at(-1)!;
    const r = await comparePages(rare, 2);
    assert.deepEqual([...r.reads], ['few'], rare);
    assert.ok(r.rows >= 1, `${rare}: ${r.rows} rows`);
  });

  test('a name common only long ago: every match is read, the same pages', async () => {
    const r = await comparePages(OLD, 1);
    assert.ok(r.reads.has('index'), `${OLD}: ${[...r.reads]}`);
    assert.equal(r.rows, 24);
  });

  test('several names, page sizes and a status filter answer the same pages', async () => {
    for (const q of [COMMON, OLD, 'nguyen an', 'VAN  nguyễn', ...names.slice(0, 5)])
      for (const limit of [1, 2, 3, 51]) {
        await comparePages(q, limit);
        await comparePages(q, limit, [7, 9, 10]);
      }
  });

  test('open: a common name is found by the walk of the open dossiers in queue order, a rare one by its few matches', async () => {
    const common = await comparePages(COMMON, 1, undefined, 'open');
    assert.ok(common.reads.has('walk'), `${COMMON}: ${[...common.reads]}`);
    assert.ok(common.rows >= 5, `${COMMON}: ${common.rows} rows`);
    const rare = names.at(-1)!;
    const r = await comparePages(rare, 2, undefined, 'open');
    assert.deepEqual([...r.reads], ['few'], rare);
  });

  test('open, mine and a one-role queue: several names, page sizes and a status filter answer the same pages', async () => {
    assert.ok(staffId, 'an assignee at the agency');
    const reads = new Set<NameSearchRead>();
    for (const view of ['open', 'mine', 'queue'] as const)
      for (const q of [COMMON, OLD, 'nguyen an', ...names.slice(0, 4)])
        for (const limit of [1, 2, 51]) {
          for (const r of (await comparePages(q, limit, undefined, view)).reads) reads.add(r);
          await comparePages(q, limit, [7, 9, 10], view);
        }
    assert.ok(reads.has('few') && reads.has('walk'), [...reads].join(', '));
  });
});
