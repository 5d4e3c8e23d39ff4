/**
 * Intake with the outbox on and off, side by side in the same run: one `motcua serve` process
 * (production settings, 1 worker, LOG_LEVEL=info into a file) on PostgreSQL, one signed webhook
 * configured (a receiver on loopback in this process answers 204), every submission choosing
 * e-mail notification. "On": the webhook and `notify:email` destinations active, so each event
 * queues its webhook row in its transaction (and a notification row where core may send a message:
 * not for an online submission) and the process's worker delivers them while the load runs
 * (claims, the webhook's HTTP request, marks). "Off": the same server,
 * the same submissions, the destinations made inactive in the database (no configured
 * destination: the trigger finds none). Phases alternate (off-on, on-off, …) at 1, 8 and 64
 * clients; after each "on" phase the backlog is drained before the next phase starts, and the
 * time it took is reported. Goal: throughput with the outbox ≥ 90 % of without.
 *
 *   npm run bench -w @motcua/server -- outbox
 *   BENCH_SECONDS=5 BENCH_WARMUP=1 BENCH_REPEAT=3 BENCH_CLIENTS=1,8,64 BENCH_JIT_WARMUP=10
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { createPostgresDatabase } from '../test/support/postgres.ts';
import { startServerProcess } from '../test/support/processes.ts';
import { birthData, submissionForm } from '../test/support/intake.ts';
import { REPOSITORY_ROOT } from '../src/config/config.ts';
import { median, timed, type RunStats } from './stats.ts';
import { cpuPerOp, cpuSnapshot, machineLoad, type CpuPerOp, type CpuSnapshot } from './cpu.ts';
import { NO_UPLOADS_CODE, publishNoUploadsProcedure } from './no-uploads-procedure.ts';
import { encodeForm, postSubmission } from './submit.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,8,64').split(',').map(Number);
const JIT = Number(process.env.BENCH_JIT_WARMUP ?? 10);
const COMMUNES = ['000.20.01.H56', '000.20.02.H56', '000.20.03.H56', '000.20.04.H56', '000.20.05.H56'];
const log = (s: string) => process.stdout.write(`${s}\n`);
const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');

const load = await machineLoad();
const db = await createPostgresDatabase();
const dbName = new URL(db.url).pathname.slice(1);
const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-outbox-'));

// The webhook's receiver: counts, keeps nothing (a long run posts hundreds of thousands).
let hooks = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    hooks++;
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const env = {
  DATABASE_URL: db.url,
  MOTCUA_DATA_DIR: join(dir, 'data'),
  MOTCUA_FILES_DIR: join(dir, 'files'),
  MOTCUA_DEMO_PASSWORD: 'bench-password-0000',
  MOTCUA_RATE_SUBMIT_PER_MINUTE: '100000000',
  MOTCUA_WORKERS: '1',
  MOTCUA_WEBHOOKS: JSON.stringify([{ name: 'bench', url: hookUrl, secret: 'a-secret-of-the-bench-webhook' }]),
  LOG_LEVEL: 'info',
  NODE_ENV: 'production',
};
const proc = await startServerProcess(env, undefined, { logFile: join(dir, 'server.log') });
const port = Number(new URL(proc.url).port);
const agent = new Agent({ keepAlive: true, maxSockets: 128 });
const sql = postgres(db.url, { max: 2, onnotice: () => {} });

let cleaned = false;
async function cleanup(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  agent.destroy();
  await proc.stop();
  await sql.end({ timeout: 2 });
  await db.drop();
  receiver.closeAllConnections();
  receiver.close();
  rmSync(dir, { recursive: true, force: true });
}
for (const event of ['uncaughtException', 'unhandledRejection'] as const)
  process.on(event, (err) => {
    console.error(err);
    void cleanup().finally(() => process.exit(1));
  });

await publishNoUploadsProcedure(proc.url, env.MOTCUA_DEMO_PASSWORD);

// One body per commune, encoded once: the same submissions in both phases, each choosing e-mail.
const bodies = await Promise.all(
  COMMUNES.map((agency) =>
    encodeForm(submissionForm({ version: 1, agency, data: birthData(), notify: { channels: ['email'] } }, [])),
  ),
);
const submit = (client: number, i: number) =>
  postSubmission(port, agent, NO_UPLOADS_CODE, bodies[(client + i) % bodies.length]!);

/** The outbox on or off: whether the configured destinations are active (the trigger reads it). */
async function outbox(on: boolean): Promise<void> {
  await sql`update outbox_destinations set active = ${on}, updated_at = now()`;
}

const pending = async () =>
  Number((await sql`select count(*)::int as n from outbox where delivered_at is null and dead_at is null`)[0]!.n);

/** Waits until the worker has delivered every row; returns the backlog found and the seconds it took. */
async function drained(): Promise<{ backlog: number; seconds: number }> {
  const t0 = performance.now();
  const backlog = await pending();
  while ((await pending()) > 0) await new Promise((r) => setTimeout(r, 100));
  return { backlog, seconds: (performance.now() - t0) / 1000 };
}

interface Phase {
  stats: RunStats;
  cpu: CpuPerOp;
  /** Server and PostgreSQL CPU ms per dossier until the backlog was delivered: the whole cost. */
  cpuWithDrain: number;
  backlog: number;
  drainSeconds: number;
}
async function phase(on: boolean, clients: number): Promise<Phase> {
  await outbox(on);
  let a: CpuSnapshot | null = null;
  let b: CpuSnapshot | null = null;
  const stats = await timed(clients, SECONDS, WARMUP, submit, {
    open: () => (a = cpuSnapshot(proc.child.pid, dbName)),
    close: () => (b = cpuSnapshot(proc.child.pid, dbName)),
  });
  const ops = stats.count + stats.errors;
  const cpu = cpuPerOp(a!, b!, ops);
  const { backlog, seconds } = await drained();
  const all = cpuPerOp(a!, cpuSnapshot(proc.child.pid, dbName), ops);
  return { stats, cpu, cpuWithDrain: all.server + all.postgres, backlog, drainSeconds: seconds };
}

interface Row {
  clients: number;
  run: number;
  off: Phase;
  on: Phase;
  ratio: number;
  /** Server + PostgreSQL CPU per dossier without / with the outbox, its delivery included. */
  cpuRatio: number;
}
const rows: Row[] = [];
const line = (label: string, p: Phase) =>
  `${label} ${fmt(p.stats.perSecond).padStart(5)}/s p50 ${fmt(p.stats.p50, 1).padStart(5)} p99 ${fmt(p.stats.p99, 1).padStart(6)}` +
  ` cpu ms/op server ${fmt(p.cpu.server, 2)} pg ${fmt(p.cpu.postgres, 2)} client ${fmt(p.cpu.client, 2)}` +
  (p.stats.errors ? ` [${p.stats.errors} errors]` : '');

try {
  // Steady state: the JIT warm and the prepared statements made, on both paths.
  await outbox(true);
  await timed(8, JIT, 0, submit);
  await drained();
  await outbox(false);
  await timed(8, Math.min(JIT, 3), 0, submit);
  const hooksBefore = hooks;
  log(
    `\nIntake with the outbox on vs off (PostgreSQL; 1 server process; no uploads; ${SECONDS}s per phase after ${WARMUP}s warm-up; ${REPEAT} runs, phases alternating)`,
  );
  log(
    `machine busy ${fmt(100 * load, 0)}% just before the start${load > 0.1 ? '  ⚠ not quiet: figures are disturbed' : ''}`,
  );
  for (let run = 1; run <= REPEAT; run++) {
    log(`-- run ${run}/${REPEAT}`);
    for (const clients of CLIENTS) {
      // Alternating order cancels a drift of the machine's load between the two phases.
      const first = run % 2 === 1 ? false : true;
      const a = await phase(first, clients);
      const b = await phase(!first, clients);
      const [off, on] = first ? [b, a] : [a, b];
      const row: Row = {
        clients,
        run,
        off,
        on,
        ratio: on.stats.perSecond / off.stats.perSecond,
        cpuRatio: off.cpuWithDrain / on.cpuWithDrain,
      };
      rows.push(row);
      log(`${String(clients).padStart(2)} clients  ${line('off', off)}`);
      log(
        `${''.padStart(10)} ${line('on ', on)}  ${fmt(100 * row.ratio, 0)}% of off; backlog ${on.backlog} rows, drained in ${fmt(on.drainSeconds, 1)}s;` +
          ` server+pg CPU with the delivery ${fmt(off.cpuWithDrain, 2)} → ${fmt(on.cpuWithDrain, 2)} ms (${fmt(100 * row.cpuRatio, 0)}%)`,
      );
    }
  }
  const summary = CLIENTS.map((clients) => {
    const rs = rows.filter((r) => r.clients === clients);
    const med = (f: (r: Row) => number) => median(rs.map(f));
    return {
      scenario: 'intake, outbox on vs off',
      clients,
      offPerSecond: med((r) => r.off.stats.perSecond),
      onPerSecond: med((r) => r.on.stats.perSecond),
      ratio: med((r) => r.ratio),
      cpuRatio: med((r) => r.cpuRatio),
      offCpuWithDrainMs: med((r) => r.off.cpuWithDrain),
      onCpuWithDrainMs: med((r) => r.on.cpuWithDrain),
      offP99: med((r) => r.off.stats.p99),
      onP99: med((r) => r.on.stats.p99),
      offServerCpuMs: med((r) => r.off.cpu.server),
      onServerCpuMs: med((r) => r.on.cpu.server),
      offPgCpuMs: med((r) => r.off.cpu.postgres),
      onPgCpuMs: med((r) => r.on.cpu.postgres),
      backlogRows: med((r) => r.on.backlog),
      drainSeconds: med((r) => r.on.drainSeconds),
    };
  });
  log(`\nMedians of ${REPEAT} runs (dossiers/s; ms; CPU ms per dossier)`);
  log(
    `clients   off/s   on/s  ratio  p99 off/on    server CPU off/on   pg CPU off/on   backlog  drained  CPU with delivery off/on (ratio)`,
  );
  for (const s of summary)
    log(
      `${String(s.clients).padStart(7)} ${fmt(s.offPerSecond).padStart(7)} ${fmt(s.onPerSecond).padStart(6)} ${(fmt(100 * s.ratio, 0) + '%').padStart(6)}` +
        `  ${fmt(s.offP99, 1).padStart(5)}/${fmt(s.onP99, 1).padEnd(6)}  ${fmt(s.offServerCpuMs, 2).padStart(8)}/${fmt(s.onServerCpuMs, 2).padEnd(8)}` +
        `  ${fmt(s.offPgCpuMs, 2).padStart(6)}/${fmt(s.onPgCpuMs, 2).padEnd(6)}  ${fmt(s.backlogRows).padStart(7)}  ${fmt(s.drainSeconds, 1).padStart(6)}s` +
        `  ${fmt(s.offCpuWithDrainMs, 2)}/${fmt(s.onCpuWithDrainMs, 2)} (${fmt(100 * s.cpuRatio, 0)}%)`,
    );
  const worstRatio = Math.min(...summary.map((s) => s.ratio));
  const worstCpuRatio = Math.min(...summary.map((s) => s.cpuRatio));
  // Under load the worker waits for the pool's connections and delivers after the phase: the
  // throughput ratio then leaves its work out, the CPU ratio (delivery included) does not.
  log(
    `lowest on/off throughput ratio ${fmt(100 * worstRatio, 0)}% (goal ≥ 90%); lowest CPU ratio with the delivery ${fmt(100 * worstCpuRatio, 0)}%; webhook requests answered: ${hooks - hooksBefore}`,
  );
  const out = join(REPOSITORY_ROOT, '.bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'server-outbox.json'),
    JSON.stringify(
      { seconds: SECONDS, repeat: REPEAT, loadBefore: load, worstRatio, rows: summary, runs: rows },
      null,
      2,
    ),
  );
} finally {
  await cleanup();
}
