/**
 * The intake benchmark of issue 3. A server process on PostgreSQL receives birth registrations
 * through HTTP (multipart, validation by core, fees, receiving agency, code, due date, file
 * records) at 1, 8 and 64 concurrent clients, side by side in the same run with the raw ceiling:
 * the same rows inserted in one transaction by postgres.js without the server. Also: one hot
 * agency (every submission to the same daily sequence row), and uploads of real-sized files.
 *
 *   npm run bench -w @motcua/server [-- intake]     BENCH_SECONDS=10 BENCH_DATABASE_URL=postgres://…
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { createPostgresDatabase } from '../test/support/postgres.ts';
import { startServerProcess } from '../test/support/processes.ts';
import { birthData, birthFiles, pdfBytes, pngBytes, submissionForm } from '../test/support/intake.ts';
import { REPOSITORY_ROOT } from '../src/config/config.ts';
import { timed, type RunStats } from './stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const COMMUNES = ['000.20.01.H56', '000.20.02.H56', '000.20.03.H56', '000.20.04.H56', '000.20.05.H56'];

if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL_TEST = process.env.BENCH_DATABASE_URL;
const db = await createPostgresDatabase();
const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
const env = {
  DATABASE_URL: db.url,
  MOTCUA_DATA_DIR: join(dir, 'data'),
  MOTCUA_FILES_DIR: join(dir, 'files'),
  MOTCUA_DEMO_PASSWORD: 'bench-password-0000',
  MOTCUA_RATE_SUBMIT_PER_MINUTE: '100000000',
  MOTCUA_RATE_TRACK_PER_MINUTE: '100000000',
  LOG_LEVEL: 'warn',
};
const server = await startServerProcess(env);
const sql = postgres(db.url, { max: 70, onnotice: () => {} });
// Whatever happens below, the server process and the database go away with the bench.
let cleaned = false;
async function cleanup(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  await server.stop();
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
const example = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'examples/procedures/1.001193-dang-ky-khai-sinh.json'), 'utf8'));
const noUploads = { ...example, code: '9.999001', documents: example.documents.map((d: Record<string, unknown>) => ({ ...d, optional: true })) };
{
  const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'designer.justice', password: env.MOTCUA_DEMO_PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const h = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const created = await fetch(`${server.url}/api/v1/agencies/000.00.10.H56/procedures`, { method: 'POST', headers: h, body: JSON.stringify(noUploads) });
  const published = await fetch(`${server.url}/api/v1/procedures/9.999001/versions`, { method: 'POST', headers: h, body: '{}' });
  if (created.status !== 201 || published.status !== 201) throw new Error(`bench procedure not published: ${await published.text()}`);
}

const small = birthFiles();
const none: typeof small = [];
const big = (): { document: string; bytes: Uint8Array; name: string; type: string }[] => {
  const pdf = new Uint8Array(1024 * 1024);
  pdf.set(pdfBytes('one megabyte'));
  const png = new Uint8Array(1024 * 1024);
  png.set(pngBytes());
  return [
    { document: 'to-khai', bytes: pdf, name: 'to-khai.pdf', type: 'application/pdf' },
    { document: 'giay-chung-sinh', bytes: png, name: 'giay-chung-sinh.png', type: 'image/png' },
  ];
};
const bigFiles = big();

async function submit(agency: string, files = small): Promise<boolean> {
  const res = await fetch(`${server.url}/api/v1/public/procedures/${files.length ? '1.001193' : '9.999001'}/dossiers`, {
    method: 'POST',
    body: submissionForm({ version: 1, agency, data: birthData() }, files),
    headers: { 'idempotency-key': randomUUID() },
  });
  await res.arrayBuffer();
  return res.status === 201;
}

// A template of the rows one submission writes, taken from a real one.
await submit(COMMUNES[0]!);
await submit(COMMUNES[0]!, none);
const [tpl] = await sql`select * from dossiers where procedure_code = '1.001193' limit 1`;
const [tplBare] = await sql`select * from dossiers where procedure_code = '9.999001' limit 1`;
const [tplEvent] = await sql`select * from dossier_events where dossier_id = ${tpl!.id}`;
const tplFiles = await sql`select f.*, l.document_id, l.ordinal from files f join dossier_files l on l.file_id = f.id where l.dossier_id = ${tpl!.id}`;
const [tplKey] = await sql`select * from idempotency_keys limit 1`;
// Generated columns are computed by PostgreSQL: the raw insert leaves them out, like the server does.
const [tplBareEvent] = await sql`select * from dossier_events where dossier_id = ${tplBare!.id}`;
for (const { table_name, column_name } of await sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and is_generated = 'ALWAYS'`) {
  for (const row of { dossiers: [tpl, tplBare], dossier_events: [tplEvent, tplBareEvent] }[table_name as string] ?? []) delete (row as Record<string, unknown>)[column_name as string];
}

let rawDay = 0;
/** The raw ceiling: the same rows as one submission, one transaction, postgres.js, no server. */
async function raw(agency: string, files = small): Promise<boolean> {
  const id = randomUUID();
  const now = new Date();
  const [d, e] = files.length ? [tpl!, tplEvent!] : [tplBare!, tplBareEvent!];
  await sql.begin(async (tx) => {
    await tx`insert into idempotency_keys ${tx({ ...tplKey!, key: randomUUID(), dossier_id: null, created_at: now, expires_at: new Date(now.getTime() + 86400_000) })}`;
    await tx`insert into dossiers ${tx({ ...d, id, code: null, receiving_agency: agency, location_agency: agency, created_at: now, updated_at: now })}`;
    await tx`insert into dossier_events ${tx({ ...e, dossier_id: id, recorded_at: now })}`;
    if (files.length) {
      const fileRows = tplFiles.map((f) => ({ id: randomUUID(), storage_key: randomUUID(), sha256: f.sha256, size: f.size, media_type: f.media_type, original_name: f.original_name, provenance: f.provenance, uploaded_by: null, created_at: now }));
      await tx`insert into files ${tx(fileRows)}`;
      await tx`insert into dossier_files ${tx(fileRows.map((f, i) => ({ dossier_id: id, file_id: f.id, document_id: tplFiles[i]!.document_id, ordinal: tplFiles[i]!.ordinal, purpose: 'submission', event_seq: 1, added_at: now })))}`;
    }
    await tx`insert into dossier_agencies ${tx({ dossier_id: id, agency_code: agency, since: now })}`;
    const [s] = await tx`insert into dossier_sequences (agency_code, day, last) values (${agency}, '2099-01-01', 1)
                         on conflict (agency_code, day) do update set last = dossier_sequences.last + 1 returning last`;
    await tx`update dossiers set code = ${`${agency}-990101-${String(s!.last).padStart(4, '0')}-raw${rawDay}`}, head_hash = ${tpl!.head_hash} where id = ${id}`;
  });
  return true;
}

/** CPU seconds the server process has used (Linux /proc; NaN elsewhere). */
function serverCpu(): number {
  try {
    const f = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

interface Row {
  scenario: string;
  clients: number;
  http: RunStats;
  raw: RunStats | null;
  ratio: number | null;
  mbPerSecond?: number;
  serverCpuMsPerDossier?: number;
}
const rows: Row[] = [];
const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');

async function level(scenario: string, clients: number, agencyOf: (client: number, i: number) => string, withRaw = true, files = small): Promise<void> {
  const cpu0 = serverCpu();
  let sent = 0;
  const http = await timed(clients, SECONDS, WARMUP, (c, i) => (sent++, submit(agencyOf(c, i), files).catch(() => false)));
  const cpuMs = ((serverCpu() - cpu0) * 1000) / sent;
  rawDay++;
  let firstError: unknown = null;
  const r = withRaw ? await timed(clients, SECONDS, WARMUP, (c, i) => raw(agencyOf(c, i), files).catch((err) => ((firstError ??= err), false))) : null;
  if (firstError) console.error('raw ceiling error:', (firstError as Error).message);
  const row: Row = { scenario, clients, http, raw: r, ratio: r ? http.perSecond / r.perSecond : null, serverCpuMsPerDossier: cpuMs };
  if (files === bigFiles) row.mbPerSecond = (http.perSecond * files.reduce((s, f) => s + f.bytes.length, 0)) / (1024 * 1024);
  rows.push(row);
  console.log(
    `${scenario.padEnd(28)} ${String(clients).padStart(3)}  ${fmt(http.perSecond, 1).padStart(8)}/s  p50 ${fmt(http.p50, 1).padStart(6)} ms  p99 ${fmt(http.p99, 1).padStart(6)} ms` +
      (r ? `  |  raw ${fmt(r.perSecond, 1).padStart(8)}/s  p50 ${fmt(r.p50, 1).padStart(6)}  p99 ${fmt(r.p99, 1).padStart(6)}  |  ${fmt(100 * row.ratio!, 0)}% of raw` : '') +
      (row.mbPerSecond ? `  (${fmt(row.mbPerSecond, 1)} MiB/s uploaded)` : '') +
      `  [server CPU ${fmt(cpuMs, 1)} ms/dossier]` +
      (http.errors ? `  [${http.errors} errors]` : ''),
  );
}

try {
  console.log(`\nIntake through HTTP vs the raw postgres.js ceiling (PostgreSQL, ${SECONDS}s per level after ${WARMUP}s warm-up; birth registration)`);
  console.log(`${'scenario'.padEnd(28)} ${'c'.padStart(3)}  ${'HTTP'.padStart(10)}`);
  const spread = (c: number, i: number) => COMMUNES[(c + i) % COMMUNES.length]!;
  for (const clients of [1, 8, 64]) await level('intake, 5 communes', clients, spread, true, none);
  for (const clients of [8, 64]) await level('intake, one hot agency', clients, () => COMMUNES[0]!, true, none);
  console.log('uploads (reported separately):');
  for (const clients of [1, 8]) await level('+ 2 small files', clients, spread, true, small);
  await level('+ 2 × 1 MiB', 8, spread, false, bigFiles);
  const main = rows.filter((r) => r.ratio !== null && r.scenario.startsWith('intake'));
  const worst = Math.min(...main.map((r) => r.ratio!));
  console.log(`\nLowest HTTP/raw ratio of intake without uploads: ${fmt(100 * worst, 0)}% (goal ≥ 60%)`);
  const out = join(REPOSITORY_ROOT, '.bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'server-intake.json'), JSON.stringify({ seconds: SECONDS, rows, worstRatio: worst }, null, 2));
} finally {
  await cleanup();
}
