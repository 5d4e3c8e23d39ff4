/**
 * The oversight dashboard on PostgreSQL: the whole province's data over two years, and a commune's
 * last quarter, timed through the HTTP app (routing, policy, queries, JSON) as `dossier_facts`
 * grows. Dossiers are bulk-loaded by PostgreSQL (generate_series, as the cases bench); their facts
 * are derived from the loaded columns in SQL — the bulk rows have no event logs for core to read,
 * and the timings depend on the rows' number and spread, not on how they were computed. Goal: the
 * whole-province p95 ≤ 300 ms at 5 M. Measured at 200 k on a shared two-core machine: whole
 * province p95 765 ms, a commune's quarter 164 ms — the per-dossier sums do not reach the goal;
 * daily sums per agency, field, procedure and channel are the next step.
 *
 *   npm run bench -w @motcua/server -- oversight
 *   BENCH_OVERSIGHT_SIZES=100000,1000000,5000000  BENCH_OVERSIGHT_SAMPLES=30
 *   BENCH_DATABASE_URL=postgres://…
 */
import { openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createPostgresDatabase } from '../test/support/postgres.ts';
import { testServer } from '../test/support/server.ts';
import { bearer } from '../test/support/http.ts';
import { bulkSeed, createBulkIndexes, dropBulkIndexes, rebuildMonthTotals } from '../test/support/bulk-seed.ts';
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

/** Facts of the bulk-loaded dossiers not yet in `dossier_facts`, from their columns (days in the province's zone). */
async function bulkFacts(): Promise<void> {
  await pg.unsafe(`
    insert into dossier_facts (dossier_id, agency_code, field_code, procedure_code, channel, accepted_at, accepted_day,
      due_at, finished_at, finished_day, supplement_requests, resolved_day, resolved_class, processing_ms,
      electronic_result, paid, paid_online, submitted_files, digitised, event_count)
    select d.id, d.responsible_agency, d.field_code, d.procedure_code, d.channel, d.accepted_at,
      (d.accepted_at at time zone 'Asia/Ho_Chi_Minh')::date, d.due_at, d.resolved_at,
      (d.resolved_at at time zone 'Asia/Ho_Chi_Minh')::date, 0,
      (d.resolved_at at time zone 'Asia/Ho_Chi_Minh')::date,
      case when d.resolved_at is null then null
           when (d.resolved_at at time zone 'Asia/Ho_Chi_Minh')::date < (d.due_at at time zone 'Asia/Ho_Chi_Minh')::date then 'early'
           when (d.resolved_at at time zone 'Asia/Ho_Chi_Minh')::date = (d.due_at at time zone 'Asia/Ho_Chi_Minh')::date then 'on-time'
           else 'late' end,
      (extract(epoch from d.resolved_at - d.accepted_at) * 1000)::bigint,
      d.resolved_at is not null, false, false, false, d.channel = 'online', d.event_count
    from dossiers d
    where d.accepted_at is not null and d.responsible_agency is not null and d.due_at is not null
      and not exists (select 1 from dossier_facts f where f.dossier_id = d.id)`);
}

let loaded = 0;
try {
  for (const size of SIZES) {
    log(`\n== ${size.toLocaleString('en')} dossiers ==`);
    await dropBulkIndexes(pg);
    await bulkSeed(pg, {
      first: loaded + 1,
      count: size - loaded,
      communes: COMMUNES,
      departments: DEPARTMENTS,
      start: '2024-04-01',
      days: 730,
      now: NOW,
      log,
    });
    await createBulkIndexes(pg, log);
    await rebuildMonthTotals(pg);
    await bulkFacts();
    await pg.unsafe('vacuum analyze');
    loaded = size;
    const [n] = await pg`select count(*)::int as facts from dossier_facts`;
    log(`  facts: ${n!.facts}`);
    for (const s of SCENARIOS) {
      const times: number[] = [];
      for (let i = 0; i < SAMPLES + 3; i++) {
        const t0 = performance.now();
        const res = await server.app.request(`http://bench${s.url}`, {
          headers: { authorization: `Bearer ${s.token}` },
        });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`${s.name}: ${res.status} ${body.slice(0, 300)}`);
        if (i >= 3) times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      log(
        `  ${s.name.padEnd(30)} p50 ${percentile(times, 50).toFixed(1).padStart(8)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(8)} ms`,
      );
    }
  }
} finally {
  server.dispose();
  await database.close();
  if (!process.env.BENCH_KEEP) await created.drop();
}
