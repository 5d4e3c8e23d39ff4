import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config/config.ts';
import { createLogger } from '../config/logger.ts';
import { startServer, type RunningServer } from '../server.ts';

/** What a worker tells the primary once it listens. */
interface ReadyMessage {
  type: 'motcua:ready';
  banner: string;
  seeded: boolean;
}

/** Asked of a worker by the primary: finish in-flight requests, close, exit. */
const SHUTDOWN = 'motcua:shutdown';

export interface ClusterOptions {
  workers: number;
  port?: number;
  host?: string;
  /** How a worker's banner is made (the primary prints one for all). */
  banner: (server: RunningServer) => string;
  out: { write(s: string): unknown };
  /**
   * A crash loop stops the whole server: more than this many workers exiting within `crashWindowMs`,
   * or in a row before any of them listened (a start that always fails, however slowly the host starts them).
   */
  maxCrashes?: number;
  crashWindowMs?: number;
  /** How long the primary waits for workers to finish in-flight requests on shutdown. */
  shutdownTimeoutMs?: number;
}

/**
 * Several server processes on one host (node:cluster; PostgreSQL only — every guarantee the server
 * gives across processes holds across workers: gapless codes, idempotency, files). The primary
 * accepts connections and hands them to the workers in turn; it runs no application code. A worker
 * that dies is replaced (a crash loop stops the server instead); SIGTERM/SIGINT stop the workers
 * gracefully (in-flight requests finish), then the primary.
 */
export async function runPrimary(config: ServerConfig, options: ClusterOptions): Promise<void> {
  const log = createLogger(config.logLevel).child({ role: 'primary' });
  const maxCrashes = options.maxCrashes ?? 5;
  const crashWindowMs = options.crashWindowMs ?? 60_000;
  const crashes: number[] = [];
  let failedStarts = 0;
  const listening = new WeakSet<Worker>();
  let stopping = false;
  const ready: ReadyMessage[] = [];
  let bannerShown = false;

  const fork = (): Worker => {
    // The demo's payment simulators share one secret with every worker (each runs its own pair).
    const demo = config.demoPayments ? { MOTCUA_DEMO_PAYMENT_SECRET: config.demoPayments.secret } : {};
    const w = cluster.fork({ MOTCUA_WORKER: '1', ...demo });
    w.on('message', (m: ReadyMessage) => {
      if (m?.type !== 'motcua:ready') return;
      listening.add(w);
      failedStarts = 0;
      if (bannerShown) return;
      ready.push(m);
      if (ready.length < options.workers) return;
      bannerShown = true;
      const chosen = ready.find((r) => r.seeded) ?? ready[0]!;
      options.out.write(
        chosen.banner +
          `${options.workers} tiến trình xử lý / worker processes (node:cluster), tiến trình chính / primary pid ${process.pid}\n\n`,
      );
    });
    return w;
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    crashes.push(now);
    while (crashes.length && now - crashes[0]! > crashWindowMs) crashes.shift();
    if (!listening.has(worker)) failedStarts++;
    if (crashes.length > maxCrashes || failedStarts > maxCrashes) {
      log.fatal(
        { pid: worker.process.pid, code, signal, crashes: crashes.length, failedStarts },
        'workers keep dying: stopping the server',
      );
      void stop(1);
      return;
    }
    log.error({ pid: worker.process.pid, code, signal }, 'worker died: starting another');
    fork();
  });

  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    const exited = Promise.all(
      workers.map((w) => (w.isDead() ? Promise.resolve() : new Promise<void>((r) => w.once('exit', () => r())))),
    );
    for (const w of workers) if (w.isConnected()) w.send(SHUTDOWN);
    const timeout = new Promise<'timeout'>((r) =>
      setTimeout(() => r('timeout'), options.shutdownTimeoutMs ?? 10_000).unref(),
    );
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      log.warn('workers did not stop in time: killing them');
      for (const w of workers) if (!w.isDead()) w.process.kill('SIGKILL');
    }
    log.info('stopped');
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  log.info({ workers: options.workers }, 'starting workers');
  for (let i = 0; i < options.workers; i++) fork();
}

/**
 * One worker: the ordinary server (migrations and the demo seed serialise on the database's
 * advisory lock, so workers may start together); stops on the primary's request or its own signal.
 */
export async function runWorker(
  config: ServerConfig,
  options: Pick<ClusterOptions, 'port' | 'host' | 'banner'>,
  log?: Logger,
): Promise<RunningServer> {
  const server = await startServer({
    config,
    // The primary hands connections to every listening worker: a worker listens once it is ready.
    listenWhenReady: true,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host ? { host: options.host } : {}),
    ...(log ? { log } : {}),
  });
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    server.ctx.log.info({ reason }, 'stopping');
    await server.close();
    process.exit(0);
  };
  process.on('message', (m) => {
    if (m === SHUTDOWN) void stop('shutdown');
  });
  // A terminal's Ctrl-C reaches the whole process group: the primary coordinates, workers just finish.
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.send?.({
    type: 'motcua:ready',
    banner: options.banner(server),
    seeded: server.seed !== null,
  } satisfies ReadyMessage);
  return server;
}
