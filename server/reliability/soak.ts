/**
 * Multi-process soak: three `motcua serve` processes on one PostgreSQL under mixed traffic —
 * submissions, tracking, staff accepting dossiers, Biểu 06 — spread over the processes. Afterwards:
 * no duplicate code, exactly one submit event per dossier and one accept per accepted dossier, the
 * audit verifies; and p99 latency and memory of the last third of the run beside the first.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createPostgresDatabase } from '../test/support/postgres.ts';
import { startServerProcess, type ServerProcess } from '../test/support/processes.ts';
import { birthData, birthFiles, submissionForm } from '../test/support/intake.ts';
import { auditVerify, pause, type CheckResult } from './checks.ts';

export interface SoakOptions {
  processes: number;
  clients: number;
  durationMs: number;
}

const AGENCY = '000.20.01.H56';
const PASSWORD = 'demo-password-for-reliability';

interface Sample {
  at: number;
  ms: number;
}

const p99 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(0.99 * s.length))]! : 0;
};

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

export async function soak(o: SoakOptions): Promise<CheckResult> {
  const db = await createPostgresDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'motcua-soak-'));
  const env = {
    DATABASE_URL: db.url,
    MOTCUA_DATA_DIR: join(dir, 'data'),
    MOTCUA_FILES_DIR: join(dir, 'files'),
    MOTCUA_DEMO_PASSWORD: PASSWORD,
    MOTCUA_FAKE_NOW: '2026-03-02T02:00:00Z',
    MOTCUA_RATE_SUBMIT_PER_MINUTE: '1000000',
    MOTCUA_RATE_TRACK_PER_MINUTE: '1000000',
    LOG_LEVEL: 'error',
  };
  // Started together: migrations and the seed serialise on the database's advisory lock.
  const servers: ServerProcess[] = await Promise.all(
    Array.from({ length: o.processes }, () => startServerProcess(env)),
  );
  const sql = postgres(db.url, { max: 2, onnotice: () => {} });
  const samples: Sample[] = [];
  const memory: { at: number; mib: number }[] = [];
  const submitted: { code: string; secret: string }[] = [];
  const accepted = new Set<string>();
  let requests = 0;
  let serverErrors = 0;
  const problems: string[] = [];
  const started = Date.now();
  const end = started + o.durationMs;
  const pick = () => servers[Math.floor(Math.random() * servers.length)]!.url;

  async function timed(url: string, init: RequestInit = {}): Promise<Response> {
    const t0 = performance.now();
    requests++;
    const res = await fetch(url, init);
    await res.arrayBuffer().then((b) => ((res as Response & { bytes?: ArrayBuffer }).bytes = b));
    samples.push({ at: Date.now(), ms: performance.now() - t0 });
    if (res.status >= 500) serverErrors++;
    return res;
  }
  const body = (res: Response) =>
    JSON.parse(new TextDecoder().decode((res as Response & { bytes?: ArrayBuffer }).bytes)) as Record<string, unknown>;

  // One clerk's session per process: cookie and CSRF token.
  const sessions = await Promise.all(
    servers.map(async (s) => {
      const res = await fetch(`${s.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'reception.trung-tam', password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return { url: s.url, cookie, csrf: csrfToken };
    }),
  );

  async function submit(): Promise<void> {
    const res = await timed(`${pick()}/api/v1/public/procedures/1.001193/dossiers`, {
      method: 'POST',
      body: submissionForm({ version: 1, agency: AGENCY, data: birthData() }, birthFiles()),
    });
    if (res.status !== 201) return void problems.push(`submit answered ${res.status}`);
    const b = body(res) as { code: string; secret: string };
    submitted.push({ code: b.code, secret: b.secret });
  }

  async function track(): Promise<void> {
    const d = submitted[Math.floor(Math.random() * submitted.length)];
    if (!d) return;
    const res = await timed(`${pick()}/api/v1/public/dossiers/${encodeURIComponent(d.code)}`, {
      headers: { 'X-Tracking-Secret': d.secret },
    });
    if (res.status !== 200) problems.push(`tracking ${d.code} answered ${res.status}`);
  }

  async function accept(): Promise<void> {
    const d = submitted.find((x) => !accepted.has(x.code));
    if (!d) return;
    accepted.add(d.code);
    const s = sessions[Math.floor(Math.random() * sessions.length)]!;
    const res = await timed(`${s.url}/api/v1/dossiers/${encodeURIComponent(d.code)}/actions`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'accept', lockVersion: 1 }),
    });
    if (res.status !== 200) problems.push(`accept ${d.code} answered ${res.status}`);
  }

  async function report(): Promise<void> {
    const s = sessions[Math.floor(Math.random() * sessions.length)]!;
    const res = await timed(`${s.url}/api/v1/agencies/${AGENCY}/reports/bieu06?from=2026-03-01&to=2026-03-31`, {
      headers: { cookie: s.cookie },
    });
    if (res.status !== 200) problems.push(`Biểu 06 answered ${res.status}`);
  }

  async function client(): Promise<void> {
    while (Date.now() < end) {
      const r = Math.random();
      try {
        await (r < 0.4 ? submit() : r < 0.75 ? track() : r < 0.95 ? accept() : report());
      } catch (err) {
        // No answer at all, with no fault injected: as bad as a 5xx.
        serverErrors++;
        problems.push(`no answer: ${(err as Error).message} ${String((err as { cause?: unknown }).cause ?? '')}`);
      }
    }
  }

  async function watchMemory(): Promise<void> {
    while (Date.now() < end) {
      memory.push({ at: Date.now(), mib: servers.reduce((n, s) => n + rssMiB(s.child.pid!), 0) });
      await pause(1000);
    }
  }

  try {
    await Promise.all([...Array.from({ length: o.clients }, client), watchMemory()]);
    const third = o.durationMs / 3;
    const first = samples.filter((s) => s.at < started + third).map((s) => s.ms);
    const last = samples.filter((s) => s.at >= end - third).map((s) => s.ms);
    const memFirst = memory.filter((m) => m.at < started + third).map((m) => m.mib);
    const memLast = memory.filter((m) => m.at >= end - third).map((m) => m.mib);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const [counts] = await sql<{ dossiers: number; codes: number; submits: number; accepts: number }[]>`
      select (select count(*)::int from dossiers) as dossiers,
             (select count(distinct code)::int from dossiers) as codes,
             (select count(*)::int from dossier_events where event->>'kind' = 'submit') as submits,
             (select count(*)::int from dossier_events where event->>'kind' = 'accept') as accepts`;
    const c = counts!;
    let lost = 0;
    if (c.codes !== c.dossiers) (lost++, problems.push(`${c.dossiers - c.codes} duplicate codes`));
    if (c.dossiers !== submitted.length) (lost++, problems.push(`${submitted.length} answered, ${c.dossiers} stored`));
    if (c.submits !== c.dossiers) (lost++, problems.push(`${c.submits} submit events for ${c.dossiers} dossiers`));
    if (c.accepts !== accepted.size)
      (lost++, problems.push(`${c.accepts} accept events for ${accepted.size} accepted`));
    const audit = await auditVerify(env);
    if (!audit.ok) (lost++, problems.push(`audit verify: ${audit.output.slice(0, 400)}`));
    const seconds = (Date.now() - started) / 1000;
    return {
      check: `soak: ${o.processes} processes on one PostgreSQL, mixed traffic`,
      load: `${o.clients} clients, ${requests} requests in ${seconds.toFixed(0)} s; p99 ${p99(first).toFixed(0)} → ${p99(last).toFixed(0)} ms, memory ${mean(memFirst).toFixed(0)} → ${mean(memLast).toFixed(0)} MiB (first → last third)`,
      faults: 0,
      badInputs: 0,
      requests,
      serverErrors,
      lost,
      problems: [...new Set(problems)].slice(0, 8),
    };
  } finally {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await sql.end({ timeout: 1 });
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
