import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import {
  BIEU06_COLUMNS,
  checkEquations,
  report,
  reportFacts,
  type Bieu06Row,
  type Period,
  type ReportFacts,
  type ReportGroupBy,
  type ReportLine,
} from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { staffOf, type Staff } from '../../test/support/cases.ts';
import { generator, randomDossiers, writeDossiers, type GeneratedDossier } from '../../test/support/histories.ts';
import { storedHistories } from '../../test/support/stored-histories.ts';
import { execute } from '../db/client.ts';
import { splitPeriod } from './ledger-sums.ts';
import { readCsv, rowValues } from '../print/testing/spreadsheet.ts';

const ROOT = '000.00.00.H56';
const COMMUNE = '000.20.03.H56';
const START = Date.parse('2025-10-01T00:00:00+07:00');
const NOW = Date.parse('2026-03-31T17:00:00+07:00');
const COUNT = Number(process.env.MOTCUA_REPORT_TEST_DOSSIERS ?? 10_000);

const PERIODS: Period[] = [
  { from: '2025-10-01', to: '2026-03-31' },
  { from: '2026-01-01', to: '2026-01-31' },
  { from: '2025-12-15', to: '2026-02-10' },
  { from: '2026-02-17', to: '2026-02-17' },
  { from: '2025-11-03', to: '2025-11-09' },
  { from: '2026-03-01', to: '2026-06-30' },
  { from: '2024-01-01', to: '2024-12-31' },
  { from: '2025-10-20', to: '2026-03-04' },
];

interface ApiRow {
  agency?: string;
  field?: string;
  depth?: number;
  values: Bieu06Row;
}

const zero = (r: Bieu06Row) => BIEU06_COLUMNS.every((c) => r[c] === 0);
const key = (l: { agency?: string | undefined; field?: string | undefined; depth?: number | undefined }) =>
  `${l.agency ?? ''}|${l.field ?? ''}|${l.depth ?? ''}`;

type Line = { agency?: string | undefined; field?: string | undefined; depth?: number | undefined; row: Bieu06Row };

/**
 * Lines keyed for comparison. All-zero lines say nothing and are left out on both sides (core lists
 * every agency or field it has seen a dossier of, even one received after the period); a roll-up
 * keeps its zero agencies, but a field whose whole subtree is zero is left out.
 */
function comparable(lines: Line[], rollUp: boolean): Map<string, Bieu06Row> {
  const silentFields = new Set(
    lines.filter((l) => l.depth === 0 && l.field !== undefined && zero(l.row)).map((l) => l.field),
  );
  return new Map(
    lines
      .filter((l) =>
        rollUp && l.depth !== undefined ? !(l.field !== undefined && silentFields.has(l.field)) : !zero(l.row),
      )
      .map((l) => [key(l), l.row]),
  );
}

forEachDatabase('Biểu 06 from running totals', (db) => {
  let server: TestServer;
  let list: GeneratedDossier[] = [];
  let leader: Staff;
  let facts: ReportFacts[] = [];

  // Before the tests: COUNT dossiers with random histories over six months.
  before(async () => {
    server = await testServer(db(), { now: NOW });
    const g = await generator(server.ctx);
    list = randomDossiers(g, server.ctx, COUNT, 6062026, { start: START, until: NOW, meanGapMs: 40 * 3600_000 });
    await writeDossiers(server.ctx, list);
    leader = await staffOf(server, 'leader.province');
    // Core's view of the same events, read back from the event log.
    facts = (await storedHistories(server.ctx.db))
      .map((x) => reportFacts(x.state, x.field))
      .filter((f): f is ReportFacts => f !== null);
    const statuses = new Set(list.map((d) => d.state.status));
    assert.ok(statuses.size >= 9, `varied histories: ${[...statuses]}`);
    assert.ok(facts.length > COUNT * 0.6, `${facts.length} received`);
  });

  test('every period, grouping and roll-up equals core\u2019s report on the same events; equations hold on every row', async () => {
    const snap = await server.ctx.agencies.get();
    let rowsChecked = 0;
    for (const period of PERIODS) {
      for (const [groupBy, root, rollUp] of [
        ['agency', ROOT, true],
        ['agency', COMMUNE, false],
        ['field', ROOT, true],
        ['agency-field', ROOT, true],
        ['total', ROOT, true],
        ['field', COMMUNE, false],
      ] as [ReportGroupBy, string, boolean][]) {
        const res = await server.request(
          `/api/v1/agencies/${root}/reports/bieu06?from=${period.from}&to=${period.to}&groupBy=${groupBy}&rollUp=${rollUp}`,
          { headers: { authorization: `Bearer ${leader.token}` } },
        );
        assert.equal(res.status, 200, await res.clone().text());
        const body = await json<{ rows: ApiRow[] }>(res);
        const coreLines: ReportLine[] = rollUp
          ? report(facts, period, { groupBy, directory: snap.all, rollUp: root })
          : report(
              facts.filter((f) => f.agency === root),
              period,
              { groupBy },
            );
        const got = comparable(
          body.rows.map((r) => ({ ...r, row: r.values })),
          rollUp,
        );
        const want = comparable(coreLines, rollUp);
        assert.deepEqual(got, want, `${groupBy} ${root} rollUp=${rollUp} ${period.from}…${period.to}`);
        for (const r of body.rows) {
          assert.deepEqual(checkEquations(r.values), [], `${key(r)} ${period.from}…${period.to}`);
          rowsChecked++;
        }
      }
    }
    assert.ok(rowsChecked > 300, `${rowsChecked} rows checked`);
  });

  test('the period split reads whole months from the month totals and only the edge days from the day totals', () => {
    assert.deepEqual(splitPeriod({ from: '2026-01-01', to: '2026-01-31' }), {
      beforeMonths: '2026-01-01',
      from: '2026-01-01',
      fullFrom: '2026-01-01',
      fullTo: '2026-02-01',
      to: '2026-01-31',
    });
    assert.deepEqual(splitPeriod({ from: '2025-12-15', to: '2026-02-10' }), {
      beforeMonths: '2025-12-01',
      from: '2025-12-15',
      fullFrom: '2026-01-01',
      fullTo: '2026-02-01',
      to: '2026-02-10',
    });
    assert.deepEqual(splitPeriod({ from: '2026-02-17', to: '2026-02-17' }), {
      beforeMonths: '2026-02-01',
      from: '2026-02-17',
      fullFrom: '2026-03-01',
      fullTo: '2026-03-01',
      to: '2026-02-17',
    });
    assert.deepEqual(splitPeriod({ from: '2026-02-02', to: '2026-02-27' }).fullFrom, '2026-03-01');
  });

  test('the month totals equal the day totals summed by month (kept by the trigger)', async () => {
    const diff = await execute<{ n: number }>(
      server.ctx.db,
      sql`select count(*)::int as n from (
            select agency_code, field_code, date_trunc('month', day)::date as month, "column", sum(value) as v from report_ledger group by 1, 2, 3, 4
          ) d full join report_ledger_month m using (agency_code, field_code, month, "column")
          where coalesce(d.v, 0) <> coalesce(m.value, 0)`,
    );
    assert.equal(diff[0]!.n, 0);
  });

  test('exports: CSV, XLSX, HTML and PDF of the same numbers', async () => {
    const q = `from=2026-01-01&to=2026-03-31&groupBy=agency&rollUp=true`;
    const h = { authorization: `Bearer ${leader.token}` };
    const j = await json<{ rows: ApiRow[] }>(
      await server.request(`/api/v1/agencies/${ROOT}/reports/bieu06?${q}`, { headers: h }),
    );
    const csv = await server.request(`/api/v1/agencies/${ROOT}/reports/bieu06?${q}&format=csv`, { headers: h });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type')!, /^text\/csv/);
    const ws = await readCsv(new Uint8Array(await csv.arrayBuffer()));
    const root = j.rows.find((r) => r.depth === 0)!;
    const lines = Array.from({ length: ws.rowCount }, (_, i) => rowValues(ws, i + 1).map(String));
    const line = lines.find((cells) => cells.includes('Ủy ban nhân dân tỉnh'));
    assert.ok(line, 'the root line is in the CSV');
    assert.deepEqual(
      line.slice(2, 2 + BIEU06_COLUMNS.length).map(Number),
      BIEU06_COLUMNS.map((c) => root.values[c]),
    );
    for (const format of ['xlsx', 'html', 'pdf']) {
      const res = await server.request(`/api/v1/agencies/${ROOT}/reports/bieu06?${q}&format=${format}`, { headers: h });
      assert.equal(res.status, 200, format);
      assert.ok((await res.arrayBuffer()).byteLength > 1000, format);
    }
    const bad = await server.request(`/api/v1/agencies/${ROOT}/reports/bieu06?from=2026-03-01&to=2026-02-01`, {
      headers: h,
    });
    assert.equal(bad.status, 400);
    const body = await json<{ error: { issues: { pointer: string }[] } }>(bad);
    assert.equal(body.error.issues[0]!.pointer, '/query/to');
  });

  after(() => server.dispose());
});
