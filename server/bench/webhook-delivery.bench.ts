/**
 * The outbox worker's own cost per delivered webhook, without intake beside it: real submissions'
 * events queued for a fresh webhook destination, then drained by one worker in this process
 * (claims, the signed POST, one mark per row) to a receiver in a child process on loopback. It
 * reports per row the wall time, this process's CPU (the worker's: what a server process gives up
 * to the delivery) and the CPU of PostgreSQL's backends of the bench database — figures that a
 * loaded shared machine disturbs far less than the intake throughput of `outbox.bench.ts`.
 *
 *   npm run bench -w @motcua/server -- webhook-delivery
 *   BENCH_EVENTS=300 BENCH_REPEAT=5
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createPostgresDatabase } from '../test/support/postgres.ts';
import { testServer } from '../test/support/server.ts';
import { onlineBirth } from '../test/support/cases.ts';
import { openDatabase, execute } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { REPOSITORY_ROOT } from '../src/config/config.ts';
import { syncDestinations } from '../src/outbox/queue.ts';
import { startOutboxWorker } from '../src/outbox/worker.ts';
import { webhookDestination } from '../src/outbox/webhook.ts';
import { backendsCpuMs, machineLoad } from './cpu.ts';
import { median } from './stats.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 300);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const log = (s: string) => process.stdout.write(`${s}\n`);

const load = await machineLoad();
const created = await createPostgresDatabase();
const dbName = new URL(created.url).pathname.slice(1);
const database = await openDatabase({ databaseUrl: created.url, max: 10 });
// The receiver in its own process, so that its CPU is not counted as the worker's.
const receiver = spawn(
  process.execPath,
  [
    '-e',
    `const s = require('node:http').createServer((q, r) => { q.resume(); q.on('end', () => r.writeHead(204).end()); });
     s.listen(0, '127.0.0.1', () => console.log(s.address().port));`,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
try {
  const port = await new Promise<number>((resolve) => receiver.stdout!.once('data', (d) => resolve(Number(String(d)))));
  await migrateDatabase(database);
  const server = await testServer(
    { kind: 'postgres', database, url: created.url },
    { checkContract: false, quiet: true },
  );
  // Each submission records one event at least.
  for (let i = 0; i < EVENTS; i++) await onlineBirth(server);
  log(
    `\nOutbox delivery alone: ${EVENTS} events to one signed webhook on loopback, one worker (PostgreSQL; ${REPEAT} rounds)`,
  );
  log(`machine busy ${(100 * load).toFixed(0)}% just before the start${load > 0.1 ? '  ⚠ not quiet' : ''}`);
  const rounds: { wallMs: number; workerCpuMs: number; postgresCpuMs: number }[] = [];
  for (let round = 0; round < REPEAT; round++) {
    const dest = webhookDestination({
      name: `bench-${round}`,
      url: `http://127.0.0.1:${port}/hook`,
      secret: 'a-secret-of-the-bench-webhook',
    });
    await syncDestinations(database.db, [dest.name]);
    await execute(
      database.db,
      sql`insert into outbox (destination, dossier_id, seq)
          select ${dest.name}, dossier_id, seq from dossier_events order by recorded_at, seq limit ${EVENTS}`,
    );
    const worker = startOutboxWorker({ db: database.db, destinations: [dest] }, false);
    const cpu0 = process.cpuUsage();
    const pg0 = backendsCpuMs(dbName);
    const t0 = performance.now();
    const delivered = await worker.drain();
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const pg = backendsCpuMs(dbName) - pg0;
    await worker.stop();
    if (delivered !== EVENTS) throw new Error(`delivered ${delivered} of ${EVENTS}`);
    const row = {
      wallMs: wall / EVENTS,
      workerCpuMs: (cpu.user + cpu.system) / 1000 / EVENTS,
      postgresCpuMs: pg / EVENTS,
    };
    rounds.push(row);
    log(
      `round ${round + 1}: per row ${row.wallMs.toFixed(2)} ms wall, CPU worker ${row.workerCpuMs.toFixed(2)} ms, postgres ${row.postgresCpuMs.toFixed(2)} ms`,
    );
  }
  const summary = {
    wallMs: median(rounds.map((r) => r.wallMs)),
    workerCpuMs: median(rounds.map((r) => r.workerCpuMs)),
    postgresCpuMs: median(rounds.map((r) => r.postgresCpuMs)),
  };
  log(
    `median per row: ${summary.wallMs.toFixed(2)} ms wall, CPU worker ${summary.workerCpuMs.toFixed(2)} ms, postgres ${summary.postgresCpuMs.toFixed(2)} ms`,
  );
  const out = join(REPOSITORY_ROOT, '.bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'server-webhook-delivery.json'),
    JSON.stringify({ events: EVENTS, repeat: REPEAT, loadBefore: load, ...summary, rounds }, null, 2),
  );
  server.dispose();
} finally {
  receiver.kill();
  await database.close();
  await created.drop();
}
