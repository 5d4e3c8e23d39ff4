import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { spawn } from 'node:child_process';
import postgres from 'postgres';
import { createPostgresDatabase, POSTGRES_URL } from './support/postgres.ts';
import { REPOSITORY_ROOT } from '../src/config/config.ts';
import { PROCESS_START_MS, startServerProcess, workerPids, type ServerProcess } from './support/processes.ts';
import { birthData, birthFiles, pdfBytes, submissionForm } from './support/intake.ts';
import { createLocalFileStore } from '../src/files/local-store.ts';
import { SOURCE_NODE_ARGS } from '@motcua/test/node-args';

/** The JSON log lines a server process has written so far. */
function logLines(server: ServerProcess): { msg: string; pid: number; path?: string }[] {
  const out = server.output();
  return out
    .slice(0, out.lastIndexOf('\n') + 1) // not a line still being written
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg: string; pid: number; path?: string });
}

/** Waits for a condition; the bound is generous (a worker starting under load), never an assertion of speed. */
async function until<T>(
  what: string,
  probe: () => T | Promise<T>,
  ok: (v: T) => boolean,
  ms = PROCESS_START_MS,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A POST on a new connection (Connection: close), so that the primary hands each to the next worker. */
async function postOnNewConnection(url: string, path: string, form: FormData): Promise<number> {
  const encoded = new Response(form);
  const type = encoded.headers.get('content-type')!;
  const bytes = Buffer.from(await encoded.arrayBuffer());
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: 'POST',
        agent: false,
        headers: { connection: 'close', 'content-type': type, 'content-length': bytes.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end(bytes);
  });
}

/** A GET on a new connection: its status (0 when the connection fails or hangs). */
function getOnNewConnection(url: string, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${url}${path}`, { agent: false, headers: { connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.setTimeout(30_000, () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** A multipart upload whose file part arrives slowly; `finish()` ends it, `cut()` abandons it. */
function slowUpload(url: string) {
  const boundary = '----motcua-cluster-test';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="submission"\r\n\r\n${JSON.stringify({ version: 1, agency: '000.20.02.H56', data: birthData() })}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="documents.giay-chung-sinh"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  const png = birthFiles()[1]!;
  const tail = `\r\n--${boundary}\r\nContent-Disposition: form-data; name="documents.giay-chung-sinh"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`;
  let finishing = false;
  let cancelled = false;
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(head));
      controller.enqueue(pdfBytes('slow'));
    },
    async pull(controller) {
      await new Promise((r) => setTimeout(r, 50));
      if (cancelled) return;
      if (finishing) {
        controller.enqueue(new TextEncoder().encode(tail));
        controller.enqueue(png.bytes);
        controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
        controller.close();
        return;
      }
      controller.enqueue(new Uint8Array(16 * 1024));
      sent++;
    },
    cancel() {
      cancelled = true;
    },
  });
  const response = fetch(`${url}/api/v1/public/procedures/1.001193/dossiers`, {
    method: 'POST',
    body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    duplex: 'half',
  } as RequestInit).then(
    async (r) => ({ status: r.status, body: await r.text() }),
    (err: unknown) => ({ status: 0, body: String(err) }),
  );
  return { response, finish: () => (finishing = true), cut: () => (cancelled = true), sent: () => sent };
}

describe('several server processes per host (motcua serve --workers 2, node:cluster) [postgres]', () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let dir: string;
  let env: Record<string, string>;
  let server: ServerProcess;
  let sql: postgres.Sql;
  const files = () => createLocalFileStore(env.MOTCUA_FILES_DIR!);
  const dossiers = async () => (await sql`select count(*)::int as n from dossiers`)[0]!.n as number;

  before(async () => {
    db = await createPostgresDatabase();
    dir = mkdtempSync(join(tmpdir(), 'motcua-cluster-'));
    env = {
      DATABASE_URL: db.url,
      MOTCUA_DATA_DIR: join(dir, 'data'),
      MOTCUA_FILES_DIR: join(dir, 'files'),
      MOTCUA_DEMO_PASSWORD: 'demo-password-for-tests',
      MOTCUA_RATE_SUBMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'info',
    };
    server = await startServerProcess(env, undefined, { serveArgs: ['--workers', '2'] });
    sql = postgres(db.url, { max: 2, onnotice: () => {} });
  });

  after(async () => {
    await server?.kill9().catch(() => {});
    await sql?.end({ timeout: 1 });
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('two workers serve requests; the banner is printed once', async () => {
    const workers = await until(
      'two workers',
      () => workerPids(server.child.pid!),
      (w) => w.length === 2,
    );
    // Both listening, or the primary hands every connection to the one that is.
    await until(
      'both workers listening',
      () =>
        logLines(server)
          .filter((l) => l.msg === 'motcua server listening')
          .map((l) => l.pid),
      (p) => workers.every((w) => p.includes(w)),
    );
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () =>
        postOnNewConnection(
          server.url,
          '/api/v1/public/procedures/1.001193/dossiers',
          submissionForm({ version: 1, agency: '000.20.01.H56', data: birthData() }, birthFiles()),
        ),
      ),
    );
    assert.deepEqual(new Set(statuses), new Set([201]));
    // Each request's log line names the process that served it.
    const served = await until(
      'log lines of both workers',
      () => [
        ...new Set(
          logLines(server)
            .filter((l) => l.msg === 'request' && l.path?.endsWith('/dossiers'))
            .map((l) => l.pid),
        ),
      ],
      (s) => s.length === 2,
      30_000,
    );
    assert.deepEqual(
      [...served].sort((a, b) => a - b),
      workers,
    );
    assert.equal(server.output().split('motcua đang chạy / is running at').length - 1, 1, 'one banner');
    assert.match(server.output(), /2 tiến trình xử lý \/ worker processes/);
  });

  test('a worker killed (-9) in the middle of an upload is replaced; its orphaned file is swept, nothing half-stored', async () => {
    const before = await dossiers();
    const keysBefore = await files().keys();
    const workers = workerPids(server.child.pid!);
    const upload = slowUpload(server.url);
    // The pending mark of the upload names the worker writing it.
    const pendingDir = join(env.MOTCUA_FILES_DIR!, 'pending');
    const writer = await until(
      'the upload\u2019s pending mark',
      () =>
        readdirSync(pendingDir)
          .filter((n) => n.endsWith('.json'))
          .map((n) => (JSON.parse(readFileSync(join(pendingDir, n), 'utf8')) as { pid: number }).pid),
      (pids) => pids.length === 1,
    );
    assert.ok(workers.includes(writer[0]!), `the writer ${writer[0]} is a worker (${workers})`);
    process.kill(writer[0]!, 'SIGKILL');
    const res = await upload.response;
    upload.cut();
    assert.notEqual(res.status, 201);
    const replaced = await until(
      'a replacement worker',
      () => workerPids(server.child.pid!),
      (w) => w.length === 2 && !w.includes(writer[0]!),
    );
    const fresh = replaced.filter((p) => !workers.includes(p));
    assert.equal(fresh.length, 1, 'a new process');
    // Knock on new connections while the replacement starts: the primary hands it connections as
    // soon as it listens, so it must listen only once ready (never a 503 "starting").
    const knocks: number[] = [];
    let knocking = true;
    const knocker = (async () => {
      while (knocking) knocks.push(await getOnNewConnection(server.url, '/api/v1/public/procedures'));
    })();
    try {
      // The replacement's start-up sweep removes the dead worker's orphan.
      await until(
        'the orphan swept',
        () => files().keys(),
        (k) => k.length === keysBefore.length,
      );
      assert.deepEqual(await files().keys(), keysBefore);
      await until(
        'a knock served by the replacement',
        () => logLines(server).some((l) => l.msg === 'request' && l.pid === fresh[0]),
        (served) => served,
      );
    } finally {
      knocking = false;
      await knocker;
    }
    assert.deepEqual(
      knocks.filter((s) => s !== 200),
      [],
      `every knock answered by a ready worker (${knocks.length} knocks)`,
    );
    assert.equal(await dossiers(), before, 'no row');
    const again = await Promise.all(
      Array.from({ length: 4 }, () =>
        postOnNewConnection(
          server.url,
          '/api/v1/public/procedures/1.001193/dossiers',
          submissionForm({ version: 1, agency: '000.20.01.H56', data: birthData() }, birthFiles()),
        ),
      ),
    );
    assert.deepEqual(again, [201, 201, 201, 201]);
  });

  test('SIGTERM: in-flight requests finish, then every process exits cleanly', async () => {
    const before = await dossiers();
    const workers = workerPids(server.child.pid!);
    assert.equal(workers.length, 2);
    const upload = slowUpload(server.url);
    await until(
      'the upload under way',
      () => upload.sent(),
      (n) => n >= 3,
    );
    const exited = new Promise<number | null>((r) => server.child.once('exit', (code) => r(code)));
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    upload.finish();
    const res = await upload.response;
    assert.equal(res.status, 201, res.body);
    assert.equal(await exited, 0);
    assert.equal(await dossiers(), before + 1);
    await until(
      'the workers gone',
      () => workers.filter((p) => workerPids(1).includes(p) || existsProcess(p)),
      (alive) => alive.length === 0,
      30_000,
    );
  });
});

describe('a crash loop stops the server [postgres]', () => {
  test('workers that die at start are replaced a few times, then the primary gives up with exit code 1', async () => {
    const url = new URL(POSTGRES_URL);
    url.pathname = '/motcua_no_such_database';
    const data = mkdtempSync(join(tmpdir(), 'motcua-loop-'));
    after(() => rmSync(data, { recursive: true, force: true }));
    const child = spawn(
      process.execPath,
      [
        ...SOURCE_NODE_ARGS,
        join(REPOSITORY_ROOT, 'packages/cli/bin/motcua.js'),
        'serve',
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--workers',
        '2',
      ],
      {
        cwd: REPOSITORY_ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          DATABASE_URL: url.toString(),
          MOTCUA_DATA_DIR: data,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => {
      const t = setTimeout(() => (child.kill('SIGKILL'), resolve(-1)), PROCESS_START_MS);
      child.once('exit', (c) => (clearTimeout(t), resolve(c)));
    });
    assert.equal(code, 1, out.slice(-2000));
    assert.match(out, /workers keep dying/);
    assert.equal(workerPids(child.pid!).length, 0, 'no worker left behind');
  });
});

function existsProcess(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
