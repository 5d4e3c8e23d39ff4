/**
 * Crash safety under load: clients submit birth registrations with two files each to
 * `motcua serve --workers 2` on PostgreSQL while workers and the primary are killed (-9) at random
 * moments and the server is restarted. Each client retries with the same Idempotency-Key until it
 * gets its answer. Afterwards: every dossier answered 201 is present with its files intact, every
 * retry of a key got the same code, the day's codes have no gap, no stored file is an orphan, and
 * `motcua audit verify` passes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createPostgresDatabase } from '../test/support/postgres.ts';
import { startServerProcess, workerPids, type ServerProcess } from '../test/support/processes.ts';
import { birthData, birthFiles, submissionForm } from '../test/support/intake.ts';
import { createLocalFileStore } from '../src/files/local-store.ts';
import { auditVerify, isAlive, pause, type CheckResult } from './checks.ts';

export interface CrashOptions {
  clients: number;
  durationMs: number;
  /** Milliseconds between faults, drawn uniformly. */
  faultEveryMs: [number, number];
}

const PROCEDURE = '1.001193';
const AGENCY = '000.20.01.H56';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function crashSafety(o: CrashOptions): Promise<CheckResult> {
  const db = await createPostgresDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'motcua-crash-'));
  const env = {
    DATABASE_URL: db.url,
    MOTCUA_DATA_DIR: join(dir, 'data'),
    MOTCUA_FILES_DIR: join(dir, 'files'),
    MOTCUA_DEMO_PASSWORD: 'demo-password-for-reliability',
    // One business day for every code: the gap check reads one day's sequence.
    MOTCUA_FAKE_NOW: '2026-03-02T02:00:00Z',
    MOTCUA_RATE_SUBMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'error',
  };
  let server: ServerProcess = await startServerProcess(env, undefined, { serveArgs: ['--workers', '2'] });
  const port = server.port;
  const url = server.url;
  const start = () => startServerProcess(env, port, { serveArgs: ['--workers', '2'] });
  const acknowledged = new Map<string, { code: string; files: string[] }>();
  const disagreements: string[] = [];
  let requests = 0;
  let serverErrors = 0;
  let faults = 0;
  let restarting: Promise<void> | null = null;
  const end = Date.now() + o.durationMs;

  async function submitOne(): Promise<void> {
    const key = randomUUID();
    const files = birthFiles();
    const hashes = files.map((f) => sha(f.bytes)).sort();
    const giveUp = Date.now() + 300_000;
    for (;;) {
      requests++;
      let refused: Error | null = null;
      try {
        const res = await fetch(`${url}/api/v1/public/procedures/${PROCEDURE}/dossiers`, {
          method: 'POST',
          headers: { 'Idempotency-Key': key },
          body: submissionForm({ version: 1, agency: AGENCY, data: birthData() }, files),
          // As a browser gives up: a connection the primary handed to a worker killed before it
          // took it is never answered; the same key again on a new one.
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await res.json().catch(() => ({}))) as { code?: string };
        if (res.status === 201 && body.code) {
          const seen = acknowledged.get(key);
          if (seen && seen.code !== body.code) disagreements.push(`${key}: ${seen.code} then ${body.code}`);
          acknowledged.set(key, { code: body.code, files: hashes });
          return;
        }
        if (res.status >= 500 && res.status !== 503) serverErrors++;
        // A 201 whose body never arrived: the worker died mid-answer; the same key again, as below.
        if (res.status < 500 && res.status !== 429 && res.status !== 201)
          refused = new Error(`refused ${res.status}: ${JSON.stringify(body)}`);
      } catch {
        // The connection died with its worker: the same key again, once the server answers.
      }
      if (refused) throw refused;
      if (Date.now() > giveUp) throw new Error(`no answer for ${key} in 5 minutes`);
      await (restarting ?? pause(100 + Math.random() * 200));
    }
  }

  async function client(): Promise<void> {
    while (Date.now() < end) await submitOne();
  }

  async function faultInjector(): Promise<void> {
    for (;;) {
      const [lo, hi] = o.faultEveryMs;
      await pause(lo + Math.random() * (hi - lo));
      if (Date.now() >= end - lo) return;
      const workers = workerPids(server.child.pid!);
      faults++;
      if (Math.random() < 0.25 || workers.length === 0) {
        restarting = (async () => {
          await server.kill9();
          // The workers notice their primary is gone and exit; then the port is free again.
          for (let i = 0; i < 100 && workers.some(isAlive); i++) await pause(100);
          server = await start();
        })();
        await restarting;
        restarting = null;
      } else {
        process.kill(workers[Math.floor(Math.random() * workers.length)]!, 'SIGKILL');
      }
    }
  }

  const sql = postgres(db.url, { max: 2, onnotice: () => {} });
  try {
    const started = Date.now();
    await Promise.all([...Array.from({ length: o.clients }, client), faultInjector()]);
    const seconds = (Date.now() - started) / 1000;
    // A clean restart sweeps what dead writers left pending.
    await server.stop();
    server = await start();
    const lost: string[] = [];
    const store = createLocalFileStore(env.MOTCUA_FILES_DIR);
    for (const [key, ack] of acknowledged) {
      const rows = await sql<{ sha256: string; storage_key: string }[]>`
        select f.sha256, f.storage_key from dossiers d
        join dossier_files df on df.dossier_id = d.id join files f on f.id = df.file_id
        where d.code = ${ack.code}`;
      const stored = rows.map((r) => r.sha256).sort();
      if (JSON.stringify(stored) !== JSON.stringify(ack.files)) {
        lost.push(`${key} → ${ack.code}: files ${JSON.stringify(stored)}`);
        continue;
      }
      for (const r of rows) {
        const chunks: Buffer[] = [];
        for await (const c of store.read(r.storage_key)) chunks.push(c as Buffer);
        if (sha(Buffer.concat(chunks)) !== r.sha256) lost.push(`${ack.code}: ${r.storage_key} altered`);
      }
    }
    const codes = (await sql<{ code: string }[]>`select code from dossiers where receiving_agency = ${AGENCY}`).map(
      (r) => r.code,
    );
    const byDay = new Map<string, number[]>();
    for (const c of codes) {
      const m = /-(\d{6})-(\d+)$/.exec(c);
      if (m) byDay.set(m[1]!, [...(byDay.get(m[1]!) ?? []), Number(m[2])]);
    }
    const gaps: string[] = [];
    for (const [day, seqs] of byDay) {
      seqs.sort((a, b) => a - b);
      seqs.forEach((s, i) => s !== i + 1 && gaps.length < 5 && gaps.push(`${day}: number ${i + 1} missing or doubled`));
    }
    const answered = new Set([...acknowledged.values()].map((a) => a.code));
    const unanswered = codes.filter((c) => !answered.has(c));
    const referenced = new Set(
      (await sql<{ storage_key: string }[]>`select storage_key from files`).map((r) => r.storage_key),
    );
    const orphans = (await store.keys()).filter((k) => !referenced.has(k));
    const audit = await auditVerify(env);
    const problems = [
      ...lost.slice(0, 5),
      ...disagreements.slice(0, 5),
      ...gaps,
      ...(unanswered.length ? [`${unanswered.length} dossiers stored without an answer to any retry`] : []),
      ...(orphans.length ? [`${orphans.length} orphan files`] : []),
      ...(audit.ok ? [] : [`audit verify: ${audit.output.slice(0, 400)}`]),
    ];
    return {
      check: 'crash safety: kill -9 of workers and primary during intake',
      load: `${o.clients} clients, ${acknowledged.size} dossiers (2 files each) in ${seconds.toFixed(0)} s`,
      faults,
      badInputs: 0,
      requests,
      serverErrors,
      lost: lost.length + disagreements.length + gaps.length + unanswered.length + orphans.length,
      problems,
    };
  } finally {
    await server.kill9().catch(() => {});
    await sql.end({ timeout: 1 });
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
