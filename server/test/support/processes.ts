import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../../src/config/config.ts';
import { SOURCE_NODE_ARGS } from '@motcua/test/node-args';

/**
 * How long a server process may take to answer after it is spawned. Generous: under load (CI, two
 * cores shared by several suites) a start with migrations and the seed has been seen to pass a minute.
 * It only bounds a wait; no test asserts how fast a process starts.
 */
export const PROCESS_START_MS = 180_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL (kill -9) and wait for exit. */
  kill9(): Promise<void>;
}

/** Starts `motcua serve` as a separate process and waits until it answers and the example procedure is published. */
/**
 * Options: `nodeArgs` before the script (e.g. --cpu-prof), `serveArgs` after `serve` (e.g. --workers 2),
 * `logFile`: the process writes stdout and stderr there instead of into memory (benchmarks: many lines),
 * `until: 'listening'`: return as soon as the liveness probe answers, before the server is ready.
 */
export async function startServerProcess(
  env: Record<string, string>,
  port?: number,
  options: {
    nodeArgs?: string[];
    serveArgs?: string[];
    logFile?: string;
    readyTimeoutMs?: number;
    until?: 'ready' | 'listening';
  } = {},
): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  const args = [
    ...SOURCE_NODE_ARGS,
    ...(options.nodeArgs ?? []),
    join(REPOSITORY_ROOT, 'packages/cli/bin/motcua.js'),
    'serve',
    '--port',
    String(p),
    '--host',
    '127.0.0.1',
    ...(options.serveArgs ?? []),
  ];
  const logFd = options.logFile ? openSync(options.logFile, 'a') : null;
  const child = spawn(process.execPath, args, {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', MOTCUA_DEMO_SAMPLES: '0', ...env },
    stdio: ['ignore', logFd ?? 'pipe', logFd ?? 'pipe'],
  });
  if (logFd !== null) closeSync(logFd);
  let kept = '';
  const out = () => (options.logFile ? readFileSync(options.logFile, 'utf8') : kept);
  child.stdout?.on('data', (d) => (kept += d));
  child.stderr?.on('data', (d) => (kept += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? PROCESS_START_MS);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server process exited early (${child.exitCode}):\n${out()}`);
    try {
      const res = await fetch(
        options.until === 'listening' ? `${url}/api/v1/health` : `${url}/api/v1/public/procedures/1.001193`,
      );
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server process did not become ready:\n${out()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port: p,
    child,
    output: out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill9: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

const NODE = realpathSync(process.execPath);

/**
 * The live node child processes of `pid` (Linux /proc): a `motcua serve` primary's workers. Other children are not
 * counted — tsx's loader runs an esbuild service process beside the primary.
 */
export function workerPids(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid && fields[0] !== 'Z' && readlinkSync(`/proc/${name}/exe`) === NODE)
        out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out.sort((a, b) => a - b);
}
