// Production runs compiled JavaScript: `motcua --help` and the server start from the workspaces'
// dist/ (built here as `npm install` / `npm start` build it), without a TypeScript loader in the
// process — no tsx, no .ts file, no esbuild process beside the server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, REPO } from './support.ts';

const BIN = join(REPO, 'packages/cli/bin/motcua.js');
const MODULE_LOG = join(REPO, 'test/support/module-log.mjs');
const NODE_WORKSPACES = ['packages/core', 'packages/compile', 'packages/api', 'packages/cli', 'server'];
/** Generous: under load a first start (migrations, seed, publishing) has taken over a minute. */
const START_MS = 180_000;

/** The environment of a production process: no NODE_OPTIONS that could bring a loader in. */
function productionEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _options, ...env } = process.env;
  // No sample dossiers: this test is about how the compiled server starts, not what the demo holds.
  return { ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn', MOTCUA_DEMO_SAMPLES: '0', ...extra };
}

/** Every module URL a process resolved (module-log.mjs), de-duplicated. */
function resolvedModules(logFile: string): string[] {
  return [...new Set(readFileSync(logFile, 'utf8').split('\n').filter(Boolean))];
}

/** What a loader would bring in: a TypeScript source, tsx, or esbuild. */
function loaderTraces(urls: string[]): string[] {
  return urls.filter((u) => /\.(c|m)?ts$/.test(u) || /[\\/]node_modules[\\/](tsx|esbuild|@esbuild)[\\/]/.test(u));
}

/** The live child processes of `pid` with their command lines (Linux /proc). */
function children(pid: number): string[] {
  const out: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid && fields[0] !== 'Z')
        out.push(readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim());
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

interface Served {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function serve(dataDir: string, nodeArgs: string[], env: Record<string, string> = {}): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: REPO,
    env: productionEnv({ MOTCUA_DATA_DIR: dataDir, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise((r) => child.once('exit', r));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/api/v1/public/procedures/1.001193`)).ok && output.includes(url)) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    child,
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('the command and the server run compiled JavaScript', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-compiled-'));
    execFileSync(process.execPath, [join(REPO, 'scripts/build-node.mjs'), ...NODE_WORKSPACES], {
      cwd: REPO,
      stdio: 'ignore',
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('no built file imports TypeScript or tsx', () => {
    const files = NODE_WORKSPACES.flatMap((w) =>
      (readdirSync(join(REPO, w, 'dist'), { recursive: true }) as string[])
        .filter((f) => f.endsWith('.js'))
        .map((f) => join(REPO, w, 'dist', f)),
    );
    assert.ok(files.length > 100, `${files.length} files built`);
    for (const f of files)
      assert.doesNotMatch(readFileSync(f, 'utf8'), /from\s*["'][^"']*(\.ts|tsx)["']|import\(["'][^"']*\.ts["']\)/, f);
  });

  test('motcua --help loads only the compiled command line', (t) => {
    const log = join(dir, 'help-modules.txt');
    writeFileSync(log, '');
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--import', MODULE_LOG, BIN, '--help'], {
      cwd: REPO,
      env: productionEnv({ MOTCUA_MODULE_LOG: log }),
      encoding: 'utf8',
    });
    t.diagnostic(`motcua --help: ${Math.round(performance.now() - started)} ms`);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Cách dùng \/ usage: motcua/);
    assert.match(r.stdout, /serve\s+chạy máy chủ \/ run the server/);
    const modules = resolvedModules(log).filter((u) => u.startsWith('file:'));
    assert.deepEqual(loaderTraces(modules), []);
    const own = modules.filter((u) => !u.startsWith(`file://${MODULE_LOG}`) && !u.endsWith('module-log-hooks.mjs'));
    assert.deepEqual(
      own.filter((u) => !u.includes('/packages/cli/dist/') && !u.endsWith('/packages/cli/bin/motcua.js')),
      [],
      'nothing but the command line itself (no server, no engine)',
    );
  });

  test('the server starts from dist/, prints every address, and runs no loader and no process beside it', async (t) => {
    const data = join(dir, 'data');
    const log = join(dir, 'serve-modules.txt');
    writeFileSync(log, '');
    // First start: migrations, the demo seed and publishing (which compiles validators with esbuild).
    const first = await serve(data, ['--import', MODULE_LOG], { MOTCUA_MODULE_LOG: log });
    try {
      for (const line of [
        `motcua đang chạy / is running at ${first.url}`,
        `${first.url}/api/v1/docs`,
        `${first.url}/api/v1/openapi.json`,
        `${first.url}/api/v1/public/procedures`,
        `${first.url}/site/`,
        `${first.url}/embed/motcua.js`,
      ])
        assert.ok(first.output().includes(line), `the banner names ${line}:\n${first.output()}`);
    } finally {
      await first.stop();
    }
    const modules = resolvedModules(log).filter((u) => u.startsWith('file:'));
    assert.deepEqual(
      modules.filter((u) => /[\\/](tsx|@esbuild)[\\/]|\.(c|m)?ts$/.test(u)),
      [],
      'no TypeScript file and no loader resolved',
    );
    assert.ok(
      modules.some((u) => u.includes('/server/dist/')),
      'the server ran from server/dist',
    );
    assert.deepEqual(
      modules.filter((u) => /\/(packages\/[a-z]+|server)\/src\//.test(u)),
      [],
      'no workspace source resolved',
    );

    // Second start on the same data: nothing to publish, so nothing may run beside the server.
    const second = await serve(data, []);
    try {
      const cmdline = readFileSync(`/proc/${second.child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      assert.deepEqual(cmdline.slice(1, 3), [BIN, 'serve'], 'node runs the bin directly, with no --import/--loader');
      assert.doesNotMatch(readFileSync(`/proc/${second.child.pid}/environ`, 'utf8'), /NODE_OPTIONS=/);
      assert.deepEqual(children(second.child.pid!), [], 'no child process (no esbuild service)');
      const res = await fetch(`${second.url}/api/v1/public/procedures/1.001193`);
      assert.equal(res.status, 200);
      t.diagnostic(`served ${second.url}`);
    } finally {
      await second.stop();
    }
  });
});
