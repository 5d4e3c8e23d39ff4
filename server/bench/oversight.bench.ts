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
 *   npm run bench -w @motcua/server -- oversight
 *   BENCH_OVERSIGHT_SIZES=100000,1000000,5000000  BENCH_OVERSIGHT_SAMPLES=30
 *   BENCH_DATABASE_URL=postgres://…  BENCH_KEEP=1 (keep the database)
 *
 * At 5 M (the default sizes end there): expect about an hour on two cores — at 1 M the load took
 * 736 s (generate_series 483 s, indexes 95 s, core's facts 957 k in 150 s) — and roughly 15 GB of
 * disk. On a quiet machine, `BENCH_OVERSIGHT_SIZES=5000000 BENCH_OVERSIGHT_SAMPLES=30` skips the
 * smaller stages; `BENCH_KEEP=1` keeps the database to measure again without loading.
 */
import { loadavg } from 'node:os';
import { indexEventFlags, type DossierState } from '@motcua/core';
import { sql, type SQL } from 'drizzle-orm';
import { execute, openDatabase } from '../src/db/client.ts';
import { overdueCondition } from '../src/db/deadline-sql.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createPostgresDatabase } from '../test/support/postgres.ts';
import { testServer } from '../test/support/server.ts';
import { bearer } from '../test/support/http.ts';
import { BULK_ID, growBulk } from '../test/support/bulk-seed.ts';
import { factsRow, type FactsRow } from '../src/reports/facts-store.ts';
import { DailySums, applyDailySums } from '../src/reports/daily-sums.ts';
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
const created = await createPostgresDatabase();
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
 * First pages of the dossier lists behind the numbers (50 rows, newest first, with their codes),
 * as a drill-down reads them: each walks an index in order and stops after a page.
 */
const page = (agency: string, day: 'accepted_day' | 'resolved_day', from: string, to: string, extra: SQL) =>
  sql`select f.dossier_id, d.code from dossier_facts f join dossiers d on d.id = f.dossier_id
      where f.agency_code = ${agency} and ${sql.raw(`f.${day}`)} between ${from}::date and ${to}::date and ${extra}
      order by ${sql.raw(`f.${day}`)} desc, f.dossier_id desc limit 50`;
const DRILL_DOWNS: { name: string; query: SQL }[] = [
  {
    name: 'a commune, resolved late, two years',
    query: page(COMMUNES[0]!, 'resolved_day', '2024-04-01', '2026-03-31', sql`f.resolved_class = 'late'`),
  },
  {
    name: 'a commune, accepted online, a quarter',
    query: page(COMMUNES[0]!, 'accepted_day', '2026-01-01', '2026-03-31', sql`f.channel = 'online'`),
  },
  {
    name: 'a commune, overdue in progress',
    query: sql`select d.id, d.code from dossiers d where d.responsible_agency = ${COMMUNES[0]!}
      and ${overdueCondition(NOW)} order by d.due_at, d.id limit 50`,
  },
];

/**
 * The dashboard facts of the bulk-loaded dossiers `first … last`, as the server
 * derives them on every event: core's dashboardFacts of each dossier's state, and core's daily
 * counts of those facts summed into `dashboard_daily` (once for the whole load, as the rebuild
 * does). The bulk rows have no event log, so no payment or submitted-files flags (core's flags of
 * no events).
 */
async function bulkFacts(first: number, last: number): Promise<number> {
  const flags = indexEventFlags([]);
  const sums = new DailySums();
  let written = 0;
  for (let from = first; from <= last; from += 5000) {
    const to = Math.min(last, from + 4999);
    const rows = await pg.unsafe<{ id: string; state: DossierState; field: string; procedure: string }[]>(
      `select d.id, d.state, d.field_code as field, d.procedure_code as procedure from dossiers d
       where d.id in (select ${BULK_ID} from generate_series($1::int, $2::int) g) and d.accepted_at is not null`,
      [from, to],
    );
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
async function time(run: () => Promise<void>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES + 3; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 3) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const line = (name: string, t: { p50: number; p95: number }) =>
  log(`  ${name.padEnd(44)} p50 ${t.p50.toFixed(1).padStart(8)} ms   p95 ${t.p95.toFixed(1).padStart(8)} ms`);

let loaded = 0;
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
        facts = await bulkFacts(loaded + 1, size);
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
    for (const s of SCENARIOS)
      line(
        s.name,
        await time(async () => {
          const res = await server.app.request(`http://bench${s.url}`, {
            headers: { authorization: `Bearer ${s.token}` },
          });
          const body = await res.text();
          if (res.status !== 200) throw new Error(`${s.name}: ${res.status} ${body.slice(0, 300)}`);
        }),
      );
    for (const d of DRILL_DOWNS)
      line(`drill-down: ${d.name}`, await time(async () => void (await execute(database.db, d.query))));
    log(
      `  load average after ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  }
} finally {
  server.dispose();
  await database.close();
  if (!process.env.BENCH_KEEP) await created.drop();
}
