import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { OVERSIGHT_MEASURES, type OversightMeasure } from '@motcua/api';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { staffOf, type Staff } from '../../test/support/cases.ts';
import { sql } from 'drizzle-orm';
import {
  countDossier,
  dashboardFacts,
  emptyCounts,
  indexEventFlags,
  type DashboardFacts,
  type DashboardCounts,
} from '@motcua/core';
import { generator, randomDossiers, writeDossiers, type GeneratedDossier } from '../../test/support/histories.ts';
import { execute } from '../db/client.ts';
import { backfillMeasures, forgetMeasuresReady, measuresReady, MEASURES_KEY } from '../reports/measures-backfill.ts';

const ROOT = '000.00.00.H56';
const START = Date.parse('2025-10-01T00:00:00+07:00');
const NOW = Date.parse('2026-03-31T17:00:00+07:00');
const PERIOD = 'from=2025-11-01&to=2026-02-28';
const PERIOD_DAYS = { from: '2025-11-01', to: '2026-02-28' };

/** What core's countDossier counts of one dossier in the period, per count. */
function coreCounts(f: DashboardFacts): DashboardCounts {
  const c = emptyCounts();
  countDossier(c, f, PERIOD_DAYS);
  return c;
}

interface Numbers extends Record<string, number | null> {}
interface Dashboard {
  totals: Numbers;
  overdueInProgress: number;
  ranking: { agency: string; values: Numbers; overdueInProgress: number }[];
}
interface Page {
  items: { code: string; overdue: boolean; status: number }[];
  nextCursor: string | null;
}

/** The dashboard number a measure lists. */
function numberOf(d: { values: Numbers; overdueInProgress: number }, m: OversightMeasure): number {
  if (m === 'overdue') return d.overdueInProgress;
  if (m === 'earlyOrOnTime') return d.values.early! + d.values.onTime!;
  return d.values[m]!;
}

forEachDatabase('the dossiers behind the oversight numbers', (db) => {
  let server: TestServer;
  let leader: Staff, communeLeader: Staff;
  let list: GeneratedDossier[];
  let readyWhenEmpty = false;

  before(async () => {
    server = await testServer(db(), { now: NOW });
    // Migration 0018 on an empty table records the measures as done: nothing to fill.
    readyWhenEmpty = await measuresReady(server.ctx.database);
    const g = await generator(server.ctx);
    list = randomDossiers(g, server.ctx, 400, 4122026, { start: START, until: NOW, meanGapMs: 12 * 3600_000 });
    await writeDossiers(server.ctx, list);
    leader = await staffOf(server, 'leader.province');
    communeLeader = await staffOf(server, 'leader.trung-tam');
  });
  after(() => server.dispose());

  const get = (who: Staff, path: string) => server.request(path, { headers: { authorization: `Bearer ${who.token}` } });

  /** Every code of a listing, page after page. */
  async function all(who: Staff, agency: string, q: string): Promise<string[]> {
    const codes: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(
        who,
        `/api/v1/agencies/${agency}/reports/oversight/dossiers?${q}&limit=37${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      assert.equal(res.status, 200, await res.clone().text());
      const page = await json<Page>(res);
      codes.push(...page.items.map((i) => i.code));
      cursor = page.nextCursor;
    } while (cursor);
    return codes;
  }

  test('every measure lists exactly as many dossiers as the dashboard counts, each once', async () => {
    for (const filter of ['', '&channel=online']) {
      const dash = await json<Dashboard>(
        await get(leader, `/api/v1/agencies/${ROOT}/reports/oversight?${PERIOD}${filter}`),
      );
      let nonEmpty = 0;
      for (const m of OVERSIGHT_MEASURES) {
        const codes = await all(leader, ROOT, `${PERIOD}${filter}&measure=${m}`);
        assert.equal(codes.length, numberOf({ values: dash.totals, overdueInProgress: dash.overdueInProgress }, m), m);
        assert.equal(new Set(codes).size, codes.length, `${m}: no dossier twice across pages`);
        if (codes.length) nonEmpty++;
      }
      assert.ok(nonEmpty >= 10, 'varied histories');
    }
  });

  /** The codes of the generated dossiers that core counts toward a measure (not `overdue`) in the period. */
  function coreCodes(m: Exclude<OversightMeasure, 'overdue'>, online: boolean): string[] {
    return list
      .flatMap((d) => {
        const f = dashboardFacts(d.state, d.version.definition.field.code, d.version.code, indexEventFlags(d.events));
        if (f === null || (online && f.index.channel !== 'online')) return [];
        const c = coreCounts(f);
        return (m === 'earlyOrOnTime' ? c.early + c.onTime : c[m]) ? [d.code] : [];
      })
      .sort();
  }

  test('every measure lists the very dossiers core counts toward it', async () => {
    assert.ok(readyWhenEmpty, 'a new database needs no backfill');
    for (const [filter, online] of [
      ['', false],
      ['&channel=online', true],
    ] as const)
      for (const m of OVERSIGHT_MEASURES) {
        if (m === 'overdue') continue;
        const codes = await all(leader, ROOT, `${PERIOD}${filter}&measure=${m}`);
        assert.deepEqual(codes.sort(), coreCodes(m, online), `${m}${filter}`);
      }
  });

  test('facts stored before the measures: 503 until the backfill fills them with core, then the same lists', async () => {
    const database = server.ctx.database;
    const url = `/api/v1/agencies/${ROOT}/reports/oversight/dossiers?${PERIOD}&measure=late`;
    const before = await all(leader, ROOT, `${PERIOD}&measure=late`);
    // As migration 0018 leaves a table that had rows: no measures, no mark.
    await execute(database.db, sql`update dossier_facts set measures = null`);
    await execute(database.db, sql`delete from maintenance where key = ${MEASURES_KEY}`);
    forgetMeasuresReady(database);
    const waiting = await get(leader, url);
    assert.equal(waiting.status, 503);
    assert.equal(waiting.headers.get('retry-after'), '30');
    const body = await json<{ error: { code: string; message: { vi: string; en: string } } }>(waiting);
    assert.equal(body.error.code, 'preparing');
    assert.ok(body.error.message.vi && body.error.message.en);
    const [stored] = await execute<{ n: number }>(database.db, sql`select count(*)::int as n from dossier_facts`);
    assert.equal(await backfillMeasures(database, { batch: 37 }), stored!.n);
    assert.equal(await backfillMeasures(database), 0, 'once');
    const [left] = await execute<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from dossier_facts where measures is null`,
    );
    assert.equal(left!.n, 0);
    assert.deepEqual(await all(leader, ROOT, `${PERIOD}&measure=late`), before);
    for (const m of ['accepted', 'indexOnTime', 'earlyOrOnTime'] as const)
      assert.deepEqual((await all(leader, ROOT, `${PERIOD}&measure=${m}`)).sort(), coreCodes(m, false), m);
  });

  test('a ranking row’s numbers list that agency’s own dossiers', async () => {
    const dash = await json<Dashboard>(await get(leader, `/api/v1/agencies/${ROOT}/reports/oversight?${PERIOD}`));
    const rows = dash.ranking.filter((r) => r.values.resolved! > 0).slice(0, 3);
    assert.ok(rows.length > 0);
    for (const r of rows)
      for (const m of ['resolved', 'late', 'overdue', 'online'] as const)
        assert.equal(
          (await all(leader, ROOT, `${PERIOD}&measure=${m}&unit=${r.agency}`)).length,
          numberOf(r, m),
          `${r.agency} ${m}`,
        );
    const overdue = await json<Page>(
      await get(leader, `/api/v1/agencies/${ROOT}/reports/oversight/dossiers?${PERIOD}&measure=overdue&limit=200`),
    );
    assert.ok(overdue.items.every((i) => i.overdue));
  });

  test('scope and bad input: the dashboard’s permission, 400 with the field path', async () => {
    const q = `${PERIOD}&measure=resolved`;
    assert.equal((await get(communeLeader, `/api/v1/agencies/${ROOT}/reports/oversight/dossiers?${q}`)).status, 403);
    assert.equal(
      (await get(communeLeader, `/api/v1/agencies/000.20.01.H56/reports/oversight/dossiers?${q}`)).status,
      200,
    );
    const outside = await get(
      communeLeader,
      `/api/v1/agencies/000.20.01.H56/reports/oversight/dossiers?${q}&unit=${ROOT}`,
    );
    assert.equal(outside.status, 400);
    const body = await json<{ error: { issues: { pointer: string; message: { vi: string; en: string } }[] } }>(outside);
    assert.equal(body.error.issues[0]!.pointer, '/query/unit');
    assert.ok(body.error.issues[0]!.message.vi && body.error.issues[0]!.message.en);
    const url = `/api/v1/agencies/${ROOT}/reports/oversight/dossiers`;
    assert.equal((await get(leader, `${url}?${PERIOD}&measure=everything`)).status, 400);
    assert.equal((await get(leader, `${url}?from=2026-03-01&to=2026-01-01&measure=late`)).status, 400);
    const first = await json<Page>(await get(leader, `${url}?${q}&limit=1`));
    assert.ok(first.nextCursor);
    assert.equal(
      (await get(leader, `${url}?${PERIOD}&measure=late&cursor=${encodeURIComponent(first.nextCursor)}`)).status,
      400,
      'a cursor of another measure',
    );
  });
});
