/**
 * The intake benchmark of issue 3. Server processes (`motcua serve`, production settings:
 * LOG_LEVEL=info into a log file; one with 1 worker, one with the default worker count — one per
 * CPU — both on the same database, measured in turn) on PostgreSQL receive birth registrations
 * through HTTP (multipart, validation by core, fees, receiving agency, code, due date, file
 * records) at 1, 8 and 64 concurrent clients, side by side in the same run with the raw ceiling:
 * the same rows written in one transaction by postgres.js without the server, two ways —
 *   raw (1 RT):  BEGIN, the statements and COMMIT pipelined on one connection (what the server does);
 *   raw (N RT):  sql.begin, one awaited statement after another (one round trip each).
 * The ceiling is the faster of the two. Also one hot agency (every submission takes the same daily
 * sequence row), uploads (reported separately) and where the CPU went per dossier: the bench client
 * (this process), the server's processes, PostgreSQL's, and the rest (kernel, other work).
 * Each scenario runs BENCH_REPEAT times, interleaved; the summary shows medians.
 *
 *   npm run bench -w @motcua/server [-- intake]
 *   BENCH_SECONDS=5 BENCH_WARMUP=1 BENCH_REPEAT=3 BENCH_WORKERS=1,default BENCH_LOG_LEVEL=info
 *   BENCH_JIT_WARMUP=10 (seconds of load on each server before measuring: steady state, not start-up)
 *   BENCH_PROFILE=<dir> (node --cpu-prof of the server's processes)  BENCH_NODE_ARGS='--perf-basic-prof' (for perf)
 *   BENCH_SCENARIOS='5 communes:8,hot'  BENCH_DATABASE_URL=postgres://…
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import postgres from 'postgres';
import { agencySearchKeys, storedTextPairs } from '@motcua/core';
import { createPostgresDatabase } from '../test/support/postgres.ts';
import { startServerProcess, workerPids, type ServerProcess } from '../test/support/processes.ts';
import { birthData, birthFiles, pdfBytes, pngBytes, submissionForm, type FilePart } from '../test/support/intake.ts';
import { REPOSITORY_ROOT } from '../src/config/config.ts';
import { coalescingSocketFactory } from '../src/db/socket.ts';
import { COMMIT } from '../src/db/pipeline.ts';
import { median, timed, type RunStats } from './stats.ts';
import { NO_UPLOADS_CODE, publishNoUploadsProcedure } from './no-uploads-procedure.ts';
import { encodeForm, postSubmission, type EncodedBody } from './submit.ts';
import { cpuPerOp, cpuSnapshot, machineLoad, type CpuPerOp, type CpuSnapshot } from './cpu.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const COMMUNES = ['000.20.01.H56', '000.20.02.H56', '000.20.03.H56', '000.20.04.H56', '000.20.05.H56'];
const log = (s: string) => process.stdout.write(`${s}\n`);

if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL_TEST = process.env.BENCH_DATABASE_URL;
const load = await machineLoad();
const db = await createPostgresDatabase();
const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
const env = {
  DATABASE_URL: db.url,
  MOTCUA_DATA_DIR: join(dir, 'data'),
  MOTCUA_FILES_DIR: join(dir, 'files'),
  MOTCUA_DEMO_PASSWORD: 'bench-password-0000',
  MOTCUA_RATE_SUBMIT_PER_MINUTE: '100000000',
  MOTCUA_RATE_TRACK_PER_MINUTE: '100000000',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  NODE_ENV: 'production',
};
const nodeArgs = [
  ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []),
  ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
];

/** A server under test: `motcua serve` with a worker count ('default': the server's own choice). */
interface Target {
  label: string;
  workers: string;
  proc: ServerProcess;
  port: number;
  agent: Agent;
  logFile: string;
}
const targets: Target[] = [];
for (const workers of (process.env.BENCH_WORKERS ?? '1,default').split(',').filter(Boolean)) {
  const logFile = join(dir, `server-${workers}.log`);
  const proc = await startServerProcess(
    { ...env, ...(workers === 'default' ? {} : { MOTCUA_WORKERS: workers }) },
    undefined,
    { logFile, nodeArgs },
  );
  targets.push({
    label: '',
    workers,
    proc,
    port: Number(new URL(proc.url).port),
    agent: new Agent({ keepAlive: true, maxSockets: 128 }),
    logFile,
  });
}
const server = targets[0]!.proc;
// The raw ceiling gets the server's own socket (db/socket.ts: a transaction's writes leave in one
// writev), so that the ratio measures the server's work, not a driver setting only one side has.
const sql = postgres(db.url, {
  max: 70,
  onnotice: () => {},
  socket: coalescingSocketFactory(),
} as postgres.Options<{}>);
const dbName = new URL(db.url).pathname.slice(1);
// Whatever happens below, the server processes and the database go away with the bench.
let cleaned = false;
async function cleanup(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  for (const t of targets) t.agent.destroy();
  await Promise.all(targets.map((t) => t.proc.stop()));
  await sql.end({ timeout: 2 });
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
}
process.on('uncaughtException', (err) => {
  console.error(err);
  void cleanup().finally(() => process.exit(1));
});
process.on('unhandledRejection', (err) => {
  console.error(err);
  void cleanup().finally(() => process.exit(1));
});

// A bench variant of the birth registration whose documents are optional: intake without uploads.
await publishNoUploadsProcedure(server.url, env.MOTCUA_DEMO_PASSWORD);

const small = birthFiles();
const none: FilePart[] = [];
const big: FilePart[] = (() => {
  const pdf = new Uint8Array(1024 * 1024);
  pdf.set(pdfBytes('one megabyte'));
  const png = new Uint8Array(1024 * 1024);
  png.set(pngBytes());
  return [
    { document: 'giay-chung-sinh', bytes: pdf, name: 'giay-chung-sinh.pdf', type: 'application/pdf' },
    { document: 'giay-chung-sinh', bytes: png, name: 'giay-chung-sinh.png', type: 'image/png' },
  ];
})();

// The multipart bodies, encoded once per agency and file set: the client's cost is a write.
const bodies = new Map<string, EncodedBody>();
async function body(agency: string, files: FilePart[]): Promise<EncodedBody> {
  const k = `${agency}|${files === none ? 0 : files === small ? 1 : 2}`;
  let b = bodies.get(k);
  if (!b) {
    b = await encodeForm(submissionForm({ version: 1, agency, data: birthData() }, files));
    bodies.set(k, b);
  }
  return b;
}
for (const a of COMMUNES) for (const f of [none, small, big]) await body(a, f);

function submit(t: Target, agency: string, files: FilePart[]): Promise<boolean> {
  const b = bodies.get(`${agency}|${files === none ? 0 : files === small ? 1 : 2}`)!;
  return postSubmission(t.port, t.agent, files.length ? '1.001193' : NO_UPLOADS_CODE, b);
}

// What one submission writes, taken from real ones: the raw ceiling writes the same rows.
for (const t of targets)
  for (const f of [none, small])
    if (!(await submit(t, COMMUNES[0]!, f))) throw new Error(`a sample submission to ${t.proc.url} failed`);
const generated = new Map<string, Set<string>>();
for (const {
  table_name,
  column_name,
} of await sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and is_generated = 'ALWAYS'`) {
  if (!generated.has(table_name)) generated.set(table_name, new Set());
  generated.get(table_name)!.add(column_name);
}
/** A stored row without its generated columns (PostgreSQL computes them, for the server too). */
const writable = (table: string, row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !generated.get(table)?.has(k)));
async function template(procedure: string) {
  const [d] = await sql`select * from dossiers where procedure_code = ${procedure} order by submitted_at limit 1`;
  const events = await sql`select * from dossier_events where dossier_id = ${d!.id} order by seq`;
  const visits = await sql`select * from dossier_agencies where dossier_id = ${d!.id}`;
  const fileRows =
    await sql`select f.*, l.document_id, l.ordinal, l.purpose, l.event_seq from files f join dossier_files l on l.file_id = f.id where l.dossier_id = ${d!.id} order by l.document_id, l.ordinal`;
  const [key] = await sql`select * from idempotency_keys where dossier_id = ${d!.id}`;
  return {
    dossier: writable('dossiers', d!),
    events: events.map((e) => writable('dossier_events', e)),
    visits: visits.length,
    files: fileRows,
    key: key!,
  };
}
const templates = { bare: await template('9.999001'), withFiles: await template('1.001193') };
if (templates.bare.visits !== 1 || templates.withFiles.files.length !== 2) throw new Error('unexpected template rows');

let rawRound = 0;
/** The rows one submission writes (fresh ids), as the server writes them. */
function rawRows(agency: string, files: FilePart[]) {
  const t = files.length ? templates.withFiles : templates.bare;
  const id = randomUUID();
  const now = new Date();
  const key = {
    scope: t.key.scope,
    key: randomUUID(),
    request_hash: t.key.request_hash,
    status: 0,
    response: {},
    created_at: now,
    expires_at: new Date(now.getTime() + 86400_000),
  };
  const dossier = {
    ...t.dossier,
    id,
    code: null,
    receiving_agency: agency,
    location_agency: agency,
    created_at: now,
    updated_at: now,
    submitted_at: now,
  };
  const events = t.events.map((e) => ({ ...e, dossier_id: id, recorded_at: now }));
  const fileRows = t.files.map((f) => ({
    id: randomUUID(),
    storage_key: randomUUID(),
    sha256: f.sha256,
    size: f.size,
    media_type: f.media_type,
    original_name: f.original_name,
    provenance: f.provenance,
    uploaded_by: null,
    created_at: now,
  }));
  const links = fileRows.map((f, i) => ({
    dossier_id: id,
    file_id: f.id,
    document_id: t.files[i]!.document_id,
    ordinal: t.files[i]!.ordinal,
    purpose: t.files[i]!.purpose,
    event_seq: t.files[i]!.event_seq,
    added_at: now,
  }));
  return {
    id,
    key,
    dossier,
    events,
    fileRows,
    links,
    visit: {
      dossier_id: id,
      agency_code: agency,
      since: now,
      search_keys: agencySearchKeys(agency, storedTextPairs(t.dossier.applicant_search as string)),
    },
    response: t.key.response as Record<string, unknown>,
  };
}

type Q = postgres.Sql | postgres.TransactionSql | postgres.ReservedSql;
type Statement = (q: Q) => postgres.PendingQuery<postgres.Row[]>;
/**
 * The statements of one submission, in the server's order: the sequence (with the code and the
 * key's result) last. Thunks: postgres.js runs a query when it is first awaited.
 */
function rawStatements(agency: string, files: FilePart[]): Statement[] {
  const r = rawRows(agency, files);
  const { code: _, ...response } = r.response;
  const out: Statement[] = [
    (q) => q`insert into idempotency_keys ${q(r.key as never)}`,
    (q) => q`insert into dossiers ${q(r.dossier as never)}`,
    (q) => q`insert into dossier_events ${q(r.events as never)}`,
  ];
  if (r.fileRows.length)
    out.push(
      (q) => q`insert into files ${q(r.fileRows as never)}`,
      (q) => q`insert into dossier_files ${q(r.links as never)}`,
    );
  out.push(
    (q) => q`insert into dossier_agencies ${q(r.visit as never)}`,
    (q) => q`with s as (
        insert into dossier_sequences (agency_code, day, last) values (${agency}, '2099-01-01', 1)
        on conflict (agency_code, day) do update set last = dossier_sequences.last + 1 returning last
      ), d as (
        update dossiers set code = ${`${agency}-r${rawRound}-`} || lpad(s.last::text, greatest(4, length(s.last::text)), '0') from s where dossiers.id = ${r.id} returning dossiers.code
      ), k as (
        update idempotency_keys set status = 201, response = jsonb_set(${q.json(response as never)}::jsonb, '{code}', to_jsonb(d.code)), dossier_id = ${r.id}
        from d where scope = ${r.key.scope} and key = ${r.key.key}
      )
      select code from d`,
  );
  return out;
}

/** Raw, one round trip: BEGIN, the statements and COMMIT written at once on a reserved connection. */
async function rawPipelined(agency: string, files: FilePart[]): Promise<boolean> {
  const c = await sql.reserve();
  try {
    // COMMIT padded as the server pads it (pipeline.ts), so it leaves in the same write.
    await Promise.all([c`begin`, ...rawStatements(agency, files).map((f) => f(c)), c.unsafe(COMMIT)]);
    return true;
  } finally {
    c.release();
  }
}

/** Raw, one round trip per statement: sql.begin awaiting each. */
async function rawAwaited(agency: string, files: FilePart[]): Promise<boolean> {
  const statements = rawStatements(agency, files);
  await sql.begin(async (tx) => {
    for (const f of statements) await f(tx);
  });
  return true;
}

interface Measured {
  stats: RunStats;
  cpu: CpuPerOp;
}
interface Row {
  scenario: string;
  clients: number;
  run: number;
  /** Per server configuration (label). */
  http: Record<string, Measured>;
  rawPipelined: Measured | null;
  rawAwaited: Measured | null;
  /** HTTP throughput / the faster raw variant's, per configuration. */
  ratio: Record<string, number>;
  /** HTTP p99 / the faster raw variant's p99, per configuration. */
  p99Ratio: Record<string, number>;
  mbPerSecond: Record<string, number>;
}
const rows: Row[] = [];
const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');

async function measure(
  clients: number,
  op: (client: number, i: number) => Promise<boolean>,
  serverPid?: number,
): Promise<Measured> {
  let a: CpuSnapshot | null = null;
  let b: CpuSnapshot | null = null;
  let firstError: unknown = null;
  const stats = await timed(
    clients,
    SECONDS,
    WARMUP,
    (c, i) => op(c, i).catch((err) => ((firstError ??= err), false)),
    {
      open: () => (a = cpuSnapshot(serverPid, dbName)),
      close: () => (b = cpuSnapshot(serverPid, dbName)),
    },
  );
  if (firstError) console.error('error:', (firstError as Error).message);
  return { stats, cpu: cpuPerOp(a!, b!, stats.count + stats.errors) };
}

function line(m: Measured): string {
  const s = m.stats;
  return (
    `${fmt(s.perSecond, 0).padStart(5)}/s p50 ${fmt(s.p50, 1).padStart(5)} p99 ${fmt(s.p99, 1).padStart(6)}` +
    (s.errors ? ` [${s.errors} errors]` : '')
  );
}
function cpuLine(m: Measured): string {
  const c = m.cpu;
  return `cpu ms/op: client ${fmt(c.client, 2)} server ${fmt(c.server, 2)} pg ${fmt(c.postgres, 2)} other ${fmt(c.other, 2)} (busy ${fmt(100 * c.busyShare, 0)}%)`;
}

async function level(
  run: number,
  scenario: string,
  clients: number,
  agencyOf: (client: number, i: number) => string,
  files: FilePart[],
  withRaw = true,
): Promise<void> {
  const http: Record<string, Measured> = {};
  for (const t of targets)
    http[t.label] = await measure(clients, (c, i) => submit(t, agencyOf(c, i), files), t.proc.child.pid);
  rawRound++;
  const pipe = withRaw ? await measure(clients, (c, i) => rawPipelined(agencyOf(c, i), files)) : null;
  rawRound++;
  const awaited = withRaw ? await measure(clients, (c, i) => rawAwaited(agencyOf(c, i), files)) : null;
  const ceiling = pipe && awaited ? (pipe.stats.perSecond >= awaited.stats.perSecond ? pipe : awaited) : null;
  const row: Row = {
    scenario,
    clients,
    run,
    http,
    rawPipelined: pipe,
    rawAwaited: awaited,
    ratio: {},
    p99Ratio: {},
    mbPerSecond: {},
  };
  for (const t of targets) {
    const h = http[t.label]!;
    if (ceiling) {
      row.ratio[t.label] = h.stats.perSecond / ceiling.stats.perSecond;
      row.p99Ratio[t.label] = h.stats.p99 / ceiling.stats.p99;
    }
    if (files === big)
      row.mbPerSecond[t.label] = (h.stats.perSecond * files.reduce((s, f) => s + f.bytes.length, 0)) / (1024 * 1024);
    log(
      `${scenario.padEnd(24)} ${String(clients).padStart(2)}  ${t.label.padEnd(10)} ${line(h)}` +
        (row.mbPerSecond[t.label] ? ` (${fmt(row.mbPerSecond[t.label]!, 1)} MiB/s)` : '') +
        (ceiling ? `  ${fmt(100 * row.ratio[t.label]!, 0)}% of raw, p99 ×${fmt(row.p99Ratio[t.label]!, 2)}` : '') +
        `  ${cpuLine(h)}`,
    );
  }
  if (pipe && awaited) {
    log(`${''.padEnd(28)} ${'raw 1RT'.padEnd(10)} ${line(pipe)}  ${cpuLine(pipe)}`);
    log(`${''.padEnd(28)} ${'raw NRT'.padEnd(10)} ${line(awaited)}  ${cpuLine(awaited)}`);
  }
  rows.push(row);
}

const spread = (c: number, i: number) => COMMUNES[(c + i) % COMMUNES.length]!;
const hot = () => COMMUNES[0]!;
const scenarios: [string, number, (c: number, i: number) => string, FilePart[], boolean][] = [
  ['intake, 5 communes', 1, spread, none, true],
  ['intake, 5 communes', 8, spread, none, true],
  ['intake, 5 communes', 64, spread, none, true],
  ['intake, one hot agency', 8, hot, none, true],
  ['intake, one hot agency', 64, hot, none, true],
  ['+ 2 small files', 1, spread, small, true],
  ['+ 2 small files', 8, spread, small, true],
  ['+ 2 × 1 MiB', 8, spread, big, false],
];

// BENCH_SCENARIOS="5 communes:8,hot" runs only the scenarios whose "name:clients" contains one of these.
const only = (process.env.BENCH_SCENARIOS ?? '').split(',').filter(Boolean);
if (only.length)
  scenarios.splice(
    0,
    scenarios.length,
    ...scenarios.filter(([name, c]) => only.some((o) => `${name}:${c}`.includes(o))),
  );

try {
  // Steady state, not start-up: every server (all its workers) and the raw path run under load
  // for a while first, so that the JIT has compiled the hot code and the prepared statements exist.
  const jit = Number(process.env.BENCH_JIT_WARMUP ?? 10);
  for (const t of targets) {
    await timed(8, jit, 0, (c, i) => submit(t, spread(c, i), none));
    const n = Math.max(1, workerPids(t.proc.child.pid!).length);
    t.label = `${n} worker${n > 1 ? 's' : ''}${t.workers === 'default' ? '*' : ''}`;
  }
  await timed(8, Math.min(jit, 3), 0, (c, i) => rawPipelined(spread(c, i), none));
  log(
    `\nIntake through HTTP vs the raw postgres.js ceiling (PostgreSQL; birth registration; ${SECONDS}s per level after ${WARMUP}s warm-up, ${REPEAT} runs, ${jit}s of load first)`,
  );
  log(
    `servers: ${targets.map((t) => t.label).join(', ')} (* the default: one per CPU); LOG_LEVEL=${env.LOG_LEVEL}; machine busy ${fmt(100 * load, 0)}% just before the start${load > 0.1 ? '  ⚠ not quiet: figures are disturbed' : ''}`,
  );
  for (let run = 1; run <= REPEAT; run++) {
    log(`-- run ${run}/${REPEAT}`);
    for (const [scenario, clients, agencyOf, files, withRaw] of scenarios)
      await level(run, scenario, clients, agencyOf, files, withRaw);
  }
  // Medians over the runs.
  const summary: Record<string, unknown>[] = [];
  log(`\nMedians of ${REPEAT} runs (dossiers/s; ms; CPU ms per dossier)`);
  log(
    `${'scenario'.padEnd(24)} ${'c'.padStart(2)}  ${'server'.padEnd(10)} ${'HTTP/s'.padStart(6)} ${'p50'.padStart(6)} ${'p99'.padStart(6)} ${'ratio'.padStart(6)} ${'p99×'.padStart(5)}  | ${'raw1RT/s'.padStart(8)} ${'p99'.padStart(6)} ${'rawNRT/s'.padStart(8)} ${'p99'.padStart(6)} | CPU HTTP: client server pg other | raw 1RT: client pg other`,
  );
  for (const [scenario, clients] of scenarios) {
    const rs = rows.filter((r) => r.scenario === scenario && r.clients === clients);
    const med = (f: (r: Row) => number | undefined | null) => median(rs.map((r) => f(r) ?? NaN));
    const raw = {
      rawPipelinedPerSecond: med((r) => r.rawPipelined?.stats.perSecond),
      rawPipelinedP50: med((r) => r.rawPipelined?.stats.p50),
      rawPipelinedP99: med((r) => r.rawPipelined?.stats.p99),
      rawAwaitedPerSecond: med((r) => r.rawAwaited?.stats.perSecond),
      rawAwaitedP99: med((r) => r.rawAwaited?.stats.p99),
      rawCpuMs: {
        client: med((r) => r.rawPipelined?.cpu.client),
        postgres: med((r) => r.rawPipelined?.cpu.postgres),
        other: med((r) => r.rawPipelined?.cpu.other),
      },
    };
    for (const t of targets) {
      const k = t.label;
      const s = {
        scenario,
        clients,
        server: k,
        httpPerSecond: med((r) => r.http[k]?.stats.perSecond),
        httpP50: med((r) => r.http[k]?.stats.p50),
        httpP99: med((r) => r.http[k]?.stats.p99),
        ratio: med((r) => r.ratio[k]),
        p99Ratio: med((r) => r.p99Ratio[k]),
        mbPerSecond: med((r) => r.mbPerSecond[k]),
        httpCpuMs: {
          client: med((r) => r.http[k]?.cpu.client),
          server: med((r) => r.http[k]?.cpu.server),
          postgres: med((r) => r.http[k]?.cpu.postgres),
          other: med((r) => r.http[k]?.cpu.other),
        },
        ...raw,
      };
      summary.push(s);
      log(
        `${scenario.padEnd(24)} ${String(clients).padStart(2)}  ${k.padEnd(10)} ${fmt(s.httpPerSecond).padStart(6)} ${fmt(s.httpP50, 1).padStart(6)} ${fmt(s.httpP99, 1).padStart(6)} ${(fmt(100 * s.ratio, 0) + '%').padStart(6)} ${fmt(s.p99Ratio, 2).padStart(5)}  | ` +
          `${fmt(raw.rawPipelinedPerSecond).padStart(8)} ${fmt(raw.rawPipelinedP99, 1).padStart(6)} ${fmt(raw.rawAwaitedPerSecond).padStart(8)} ${fmt(raw.rawAwaitedP99, 1).padStart(6)} | ` +
          `${fmt(s.httpCpuMs.client, 2)} ${fmt(s.httpCpuMs.server, 2)} ${fmt(s.httpCpuMs.postgres, 2)} ${fmt(s.httpCpuMs.other, 2)} | ${fmt(raw.rawCpuMs.client, 2)} ${fmt(raw.rawCpuMs.postgres, 2)} ${fmt(raw.rawCpuMs.other, 2)}` +
          (s.mbPerSecond ? `  (${fmt(s.mbPerSecond, 1)} MiB/s)` : ''),
      );
    }
  }
  const verdicts: Record<string, { worstRatio: number; worstP99Ratio: number }> = {};
  for (const t of targets) {
    const main = summary.filter((s) => s.server === t.label && (s.scenario as string).startsWith('intake'));
    verdicts[t.label] = {
      worstRatio: Math.min(...main.map((s) => s.ratio as number)),
      worstP99Ratio: Math.max(...main.map((s) => s.p99Ratio as number)),
    };
    log(
      `${t.label}: lowest HTTP/raw throughput ratio without uploads ${fmt(100 * verdicts[t.label]!.worstRatio, 0)}% (goal ≥ 60%); highest p99 ratio ×${fmt(verdicts[t.label]!.worstP99Ratio, 2)} (goal ≤ 1.5)`,
    );
  }
  for (const t of targets)
    log(
      `server log (${t.label}): ${fmt(statSync(t.logFile).size / (1024 * 1024), 1)} MiB written at LOG_LEVEL=${env.LOG_LEVEL}`,
    );
  const out = join(REPOSITORY_ROOT, '.bench');
  mkdirSync(out, { recursive: true });
  const best = Object.values(verdicts);
  writeFileSync(
    join(out, 'server-intake.json'),
    JSON.stringify(
      {
        seconds: SECONDS,
        repeat: REPEAT,
        loadBefore: load,
        servers: targets.map((t) => t.label),
        verdicts,
        worstRatio: Math.max(...best.map((v) => v.worstRatio)),
        rows: summary,
        runs: rows,
      },
      null,
      2,
    ),
  );
} finally {
  await cleanup();
}
