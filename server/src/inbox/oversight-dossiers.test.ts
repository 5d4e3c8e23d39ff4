import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { OVERSIGHT_MEASURES, type OversightMeasure } from '@motcua/api';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { staffOf, type Staff } from '../../test/support/cases.ts';
import { generator, randomDossiers, writeDossiers } from '../../test/support/histories.ts';

const ROOT = '000.00.00.H56';
const START = Date.parse('2025-10-01T00:00:00+07:00');
const NOW = Date.parse('2026-03-31T17:00:00+07:00');
const PERIOD = 'from=2025-11-01&to=2026-02-28';

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

  before(async () => {
    server = await testServer(db(), { now: NOW });
    const g = await generator(server.ctx);
    const list = randomDossiers(g, server.ctx, 400, 4122026, { start: START, until: NOW, meanGapMs: 12 * 3600_000 });
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
