/**
 * The oversight dashboard on PostgreSQL: the whole province's data over two years, and a commune's
 * last quarter, timed through the HTTP app (routing, policy, queries, JSON), and the first pages of
 * drill-down lists, as the dossiers grow. Dossiers are bulk-loaded by PostgreSQL (generate_series,
 * test/support/bulk-seed.ts `growBulk`, as the cases and inbox benches); their dashboard facts are
 * derived by core from each dossier's state, as the server does on every event, and their daily
 * sums by core's `dailyCounts` (the month sums follow by the trigger). Goal: whole-province p95 ≤
 * 300 ms at 5 M, a drill-down's first page ≤ 50 ms.
 *
 * The dashboard reads `dashboard_monthly` for the period's whole months and `dashboard_daily` for
 * its partial ones, and counts "overdue in progress" from `dossiers_overdue_idx`: what it reads
 * grows with agencies × procedures × channels × days, not with the dossiers. (Before, summing
 * `dossier_facts` per dossier: 765 ms p95 at 200 k.) Measured figures: server/README.md.
 *
 * The drill-downs go through the HTTP app too: the route filters `dossier_facts` by the measures
 * core stored with each dossier's facts (`dashboardMeasures`) and reads the page's case views.
 *
 *   npm run bench -w @motcua/server -- oversight
 *   BENCH_OVERSIGHT_SIZES=100000,1000000,5000000  BENCH_OVERSIGHT_SAMPLES=30
 *   BENCH_DATABASE_URL=postgres://…  BENCH_KEEP=1 (keep the database)
 *   BENCH_OVERSIGHT_REUSE=postgres://…/motcua_t_… measures a database loaded by another bench (the
 *     inbox bench's with BENCH_KEEP=1): no dossiers are loaded; the facts it lacks are derived by
 *     core (as below), the measures of facts stored without them filled in, and the database kept.
 *
 * At 5 M (the default sizes end there): expect about an hour on two cores — at 1 M the load took
 * 736 s (generate_series 483 s, indexes 95 s, core's facts 957 k in 150 s) — and roughly 15 GB of
 * disk. On a quiet machine, `BENCH_OVERSIGHT_SIZES=5000000 BENCH_OVERSIGHT_SAMPLES=30` skips the
 * smaller stages; `BENCH_KEEP=1` keeps the database to measure again without loading.
 */
import { loadavg } from 'node:os';
import { indexEventFlags, type DossierState } from '@motcua/core';
import { openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createPostgresDatabase } from '../test/support/postgres.ts';
import { testServer } from '../test/support/server.ts';
import { bearer } from '../test/support/http.ts';
import { BULK_ID, growBulk } from '../test/support/bulk-seed.ts';
import { factsRow, type FactsRow } from '../src/reports/facts-store.ts';
import { DailySums, applyDailySums } from '../src/reports/daily-sums.ts';
import { rebuildDashboardDaily } from '../src/reports/daily-rebuild.ts';
import { backfillMeasures } from '../src/reports/measures-backfill.ts';
import { dossierFacts } from '../src/db/schema/index.ts';
import { insertSql } from '../src/db/insert-sql.ts';
import { percentile } from './stats.ts';

const SIZES = (process.env.BENCH_OVERSIGHT_SIZES ?? '100000,1000000,5000000').split(',').map(Number);
const SAMPLES = Number(process.env.BENCH_OVERSIGHT_SAMPLES ?? 30);
const NOW = Date.parse('2026-03-31T16:00:00+07:00');
const COMMUNES = ['000.20.01.H56', '000.20.02.H56', '000.20.03.H56', '000.20.04.H56', '000.20.05.H56'];
const DEPARTMENTS = ['000.00.10.H56', '000.00.11.H56', '000.00.12.H56', '000.00.13.H56'];
const log = (s: string) => process.stdout.write(`${s}\n`);

if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL_TEST = process.env.BENCH_DATABASE_URL;
const REUSE = process.env.BENCH_OVERSIGHT_REUSE ?? null;
const created = REUSE ? { url: REUSE, drop: async () => {} } : await createPostgresDatabase();
const database = await openDatabase({ databaseUrl: created.url, max: 8 });
await migrateDatabase(database);
const server = await testServer(
  { kind: 'postgres', database, url: created.url },
  { now: NOW, quiet: true, checkContract: false },
);
const pg = database.sql!;
const leader = await bearer(server, 'leader.province');
const commune = await bearer(server, 'leader.trung-tam');

const SCENARIOS = [
  {
    name: 'whole province, two years',
    url: '/api/v1/agencies/000.00.00.H56/reports/oversight?from=2024-04-01&to=2026-03-31',
    token: leader,
  },
  {
    name: 'a commune, one quarter',
    url: '/api/v1/agencies/000.20.01.H56/reports/oversight?from=2026-01-01&to=2026-03-31',
    token: commune,
  },
];

/**
 * First pages of the dossier lists behind the numbers (50 rows, newest first), as the staff app's
 * drill-down asks for them: each walks an index in order and stops after a page.
 */
const drill = (q: string) => `/api/v1/agencies/${COMMUNES[0]!}/reports/oversight/dossiers?${q}&limit=50`;
const DRILL_DOWNS = [
  { name: 'a commune, resolved late, two years', url: drill('from=2024-04-01&to=2026-03-31&measure=late') },
  { name: 'a commune, accepted online, a quarter', url: drill('from=2026-01-01&to=2026-03-31&measure=online') },
  { name: 'a commune, overdue in progress', url: drill('from=2026-01-01&to=2026-03-31&measure=overdue') },
];

type BulkRow = { id: string; state: DossierState; field: string; procedure: string };

/** The accepted bulk-loaded dossiers `first … last`, in batches of 5,000. */
async function* bulkRange(first: number, last: number): AsyncGenerator<BulkRow[]> {
  for (let from = first; from <= last; from += 5000)
    yield await pg.unsafe<BulkRow[]>(
      `select d.id, d.state, d.field_code as field, d.procedure_code as procedure from dossiers d
       where d.id in (select ${BULK_ID} from generate_series($1::int, $2::int) g) and d.accepted_at is not null`,
      [from, Math.min(last, from + 4999)],
    );
}

/** The accepted dossiers without facts, in key order, in batches of 5,000 (a database loaded elsewhere). */
async function* withoutFacts(): AsyncGenerator<BulkRow[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await pg.unsafe<BulkRow[]>(
      `select d.id, d.state, d.field_code as field, d.procedure_code as procedure from dossiers d
       where d.id > $1::uuid and d.accepted_at is not null
         and not exists (select 1 from dossier_facts f where f.dossier_id = d.id)
       order by d.id limit 5000`,
      [after],
    );
    if (!rows.length) return;
    after = rows.at(-1)!.id;
    yield rows;
  }
}

/**
 * The dashboard facts of bulk-loaded dossiers, as the server derives them on every event: core's
 * dashboardFacts (and measures) of each dossier's state, and core's daily counts of those facts
 * summed into `dashboard_daily` (once for the whole load, as the rebuild does). The bulk rows have
 * no event log, so no payment or submitted-files flags (core's flags of no events).
 */
async function bulkFacts(batches: AsyncIterable<BulkRow[]>): Promise<number> {
  const flags = indexEventFlags([]);
  const sums = new DailySums();
  let written = 0;
  for await (const rows of batches) {
    const facts = rows
      .map((r) => factsRow(r.id, r.state, r.field, r.procedure, flags))
      .filter((f): f is FactsRow => f !== null);
    for (let i = 0; i < facts.length; i += 1000) {
      const { text, params } = insertSql(dossierFacts, facts.slice(i, i + 1000));
      await pg.unsafe(text, params as never[]);
    }
    sums.add(facts);
    written += facts.length;
  }
  await database.db.transaction((tx) => applyDailySums(tx, sums));
  return written;
}

/** Timings of `n` runs after 3 warm-ups: p50 and p95 in ms. */
async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES + 3; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 3) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** One request through the HTTP app; its body. */
async function request(name: string, url: string, token: string): Promise<string> {
  const res = await server.app.request(`http://bench${url}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${name}: ${res.status} ${body.slice(0, 300)}`);
  return body;
}

const line = (name: string, t: { p50: number; p95: number }) =>
  log(`  ${name.padEnd(62)} p50 ${t.p50.toFixed(1).padStart(8)} ms   p95 ${t.p95.toFixed(1).padStart(8)} ms`);

/** A database loaded elsewhere: what is there, and the facts and measures it lacks, by core. */
async function prepareReused(): Promise<number> {
  const [n] =
    await pg`select (select count(*) from dossiers)::int as dossiers, (select count(*) from dossiers where accepted_at is not null)::int as accepted, (select count(*) from dossier_facts)::int as facts, (select count(*) from dossier_facts where measures is null)::int as "noMeasures"`;
  log(`reusing ${REUSE!.replace(/\/\/[^@/]*@/, '//')}: ${JSON.stringify(n)}`);
  let t = Date.now();
  // Sums of the facts already there, when migration 0017 asks (as the server's start does).
  if (await rebuildDashboardDaily(database.db))
    log(`  daily sums rebuilt in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  t = Date.now();
  const facts = await bulkFacts(withoutFacts());
  log(`  facts by core: ${facts} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  t = Date.now();
  const filled = await backfillMeasures(database);
  log(`  measures by core of earlier facts: ${filled} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  if (facts || filled) {
    await pg.unsafe('vacuum analyze');
    await pg.unsafe('checkpoint');
  }
  return n!.dossiers;
}

let loaded = 0;
if (REUSE) {
  loaded = await prepareReused();
  SIZES.splice(0, SIZES.length, loaded);
}
try {
  for (const size of SIZES) {
    log(`\n== ${size.toLocaleString('en')} dossiers ==`);
    let facts = 0;
    const seconds = await growBulk(pg, {
      loaded,
      size,
      communes: COMMUNES,
      departments: DEPARTMENTS,
      now: NOW,
      log,
      afterLoad: async () => {
        const t = Date.now();
        facts = await bulkFacts(bulkRange(loaded + 1, size));
        log(`  facts by core: ${facts} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
      },
    });
    loaded = size;
    const [n] =
      await pg`select (select count(*) from dossier_facts)::int as facts, (select count(*) from dashboard_daily)::int as days, (select count(*) from dashboard_monthly)::int as months`;
    log(
      `  loaded in ${seconds.toFixed(0)} s; facts ${n!.facts}, daily rows ${n!.days}, monthly rows ${n!.months}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    for (const s of SCENARIOS) line(s.name, await time(() => request(s.name, s.url, s.token)));
    for (const d of DRILL_DOWNS) {
      const rows = JSON.parse(await request(d.name, d.url, commune)) as { items: unknown[] };
      line(`drill-down: ${d.name} (${rows.items.length})`, await time(() => request(d.name, d.url, commune)));
    }
    log(
      `  load average after ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  }
} finally {
  server.dispose();
  await database.close();
  if (!process.env.BENCH_KEEP && !REUSE) await created.drop();
  if (process.env.BENCH_KEEP || REUSE) log(`kept database ${created.url}`);
}
