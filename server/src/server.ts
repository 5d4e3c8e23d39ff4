import { loggableError } from './db/errors.ts';
import { applyTimeouts } from './http/timeouts/timeouts.ts';
import type { Server } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createServerEvaluator } from './procedures/evaluator.ts';
import { loadConfig, type ServerConfig } from './config/config.ts';
import { offsetClock, systemClock, type Clock } from './config/clock.ts';
import { createLogger } from './config/logger.ts';
import { noFaults, type Faults } from './config/faults.ts';
import { openDatabase, type Database } from './db/client.ts';
import { withStartupLock } from './db/migrate.ts';
import { createReadiness } from './http/middleware/readiness/readiness.ts';
import { backfillSearchPairs } from './inbox/search-backfill.ts';
import { backfillVisitSearchKeys } from './inbox/search-keys-backfill.ts';
import { rebuildDashboardDaily } from './reports/daily-rebuild.ts';
import { backfillDossierFacts } from './reports/facts-backfill.ts';
import { backfillMeasures } from './reports/measures-backfill.ts';
import { createLocalFileStore } from './files/local-store.ts';
import type { FileStore } from './files/store.ts';
import { createAgencyCache } from './agency-directory/cache.ts';
import type { ServerContext } from './context.ts';
import { createApp, type AppOptions } from './app.ts';
import { sweepOrphanFiles } from './files/sweep.ts';
import { seedIfEmpty, type SeedReport } from './seed/seed.ts';
import { purgeExpiredKeys } from './intake/idempotency.ts';
import { purgeExpiredSessions } from './auth/sessions.ts';
import { startOutbox } from './outbox/start.ts';
import { startDemoPayments, type DemoPayments } from './payments/simulators/demo.ts';
import { startNotifications } from './notifications/start.ts';

export interface ContextOptions {
  config?: ServerConfig;
  database?: Database;
  clock?: Clock;
  log?: Logger;
  files?: FileStore;
  faults?: Faults;
}

/** Builds the server context (opens the database unless one is given; does not migrate). */
export async function createContext(options: ContextOptions = {}): Promise<ServerContext> {
  const config = options.config ?? loadConfig();
  const database =
    options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: resolvePgliteDir(config) }));
  const clock = options.clock ?? (config.fakeNow !== null ? offsetClock(config.fakeNow) : systemClock);
  return {
    config,
    database,
    db: database.db,
    clock,
    log: options.log ?? createLogger(config.logLevel),
    files: options.files ?? createLocalFileStore(config.filesDir),
    agencies: createAgencyCache(database.db),
    evaluator: createServerEvaluator(),
    faults: options.faults ?? noFaults,
  };
}

function resolvePgliteDir(config: ServerConfig): string {
  return `${config.dataDir}/pgdata`;
}

export interface RunningServer {
  ctx: ServerContext;
  url: string;
  port: number;
  seed: SeedReport | null;
  /** The demo's payment simulators, when they run (config.demoPayments). */
  demoPayments: DemoPayments | null;
  /** Where notifications go (SMTP server or mail folder; SMS gateway or folder), for the banner. */
  notifications: { mail: string; sms: string };
  close(): Promise<void>;
}

/**
 * Starts a server: the listener opens at once and answers 503 (but for the liveness probe) until
 * the migrations and the demo seed on an empty database are done — under one start-up lock, so
 * processes starting together never see or make a half-seeded database — then the orphan-file
 * sweep and housekeeping; then it is ready. With `listenWhenReady` (a cluster's workers: the
 * primary hands connections to every listening worker) the listener opens only then. Resolves
 * once ready. Stops cleanly on close() (in-flight requests finish, the database closes).
 */
export async function startServer(
  options: ContextOptions & { app?: AppOptions; port?: number; host?: string; listenWhenReady?: boolean } = {},
): Promise<RunningServer> {
  const ctx = await createContext(options);
  const { config, log } = ctx;
  const readiness = createReadiness();
  const app = createApp(ctx, { ...options.app, readiness });
  const port = options.port ?? config.port;
  const host = options.host ?? config.host;
  let server: ServerType | null = null;
  const listen = async (): Promise<ServerType> => {
    const s: ServerType = await new Promise((resolve) => {
      const opened = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(opened));
    });
    applyTimeouts(s as Server, config.timeouts);
    return s;
  };
  const stopListening = async () => {
    if (!server) return;
    const listener = server;
    // In-flight requests get a few seconds; idle keep-alive sockets and stuck uploads are then cut.
    const http = listener as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
    const closed = new Promise<void>((resolve) => listener.close(() => resolve()));
    http.closeIdleConnections?.();
    const cut = setTimeout(() => http.closeAllConnections?.(), 3000);
    await closed;
    clearTimeout(cut);
  };
  if (!options.listenWhenReady) server = await listen();
  let seed: SeedReport | null;
  try {
    seed = await withStartupLock(ctx.database, async (migrate) => {
      await migrate();
      return config.seedDemo ? seedIfEmpty(ctx) : null;
    });
    const swept = await sweepOrphanFiles(ctx);
    if (swept.removed.length) log.warn({ removed: swept.removed.length }, 'removed files of interrupted uploads');
  } catch (err) {
    // A start that cannot finish must not leave a listener answering 503 for ever.
    await stopListening();
    await ctx.database.close();
    throw err;
  }
  // Housekeeping: forget expired idempotency keys and sessions (hourly; not kept alive by it).
  const housekeeping = async () => {
    try {
      await purgeExpiredKeys(ctx.db, ctx.clock.now());
      await purgeExpiredSessions(ctx.db, ctx.clock.now());
      await sweepOrphanFiles(ctx);
    } catch (err) {
      log.warn({ err: loggableError(err) }, 'housekeeping failed');
    }
  };
  await housekeeping();
  // Search word pairs for dossiers older than migration 0005, then the agency-scoped search keys of
  // visits older than migration 0019: online, in the background.
  void (async () => {
    await backfillSearchPairs(ctx.database, { pauseMs: 20, log: (f, m) => log.info(f, m) });
    await backfillVisitSearchKeys(ctx.database, { pauseMs: 20, log: (f, m) => log.info(f, m) });
  })().catch((err: unknown) => log.warn({ err }, 'search keys backfill stopped (it resumes at the next start)'));
  // The dashboard's daily sums after migration 0017, the measures of the facts stored before
  // migration 0018, then the facts of dossiers accepted before migration 0015 (with their sums):
  // in the background.
  void (async () => {
    await rebuildDashboardDaily(ctx.db, { log: (f, m) => log.info(f, m) });
    await backfillMeasures(ctx.database, { pauseMs: 20, log: (f, m) => log.info(f, m) });
    await backfillDossierFacts(ctx.db, { pauseMs: 20, log: (f, m) => log.info(f, m) });
  })().catch((err: unknown) => log.warn({ err }, 'dashboard facts backfill stopped (it resumes at the next start)'));
  const timer = setInterval(() => void housekeeping(), 3600_000);
  timer.unref();
  const notifications = startNotifications(ctx);
  log.info(
    { mail: notifications.mailer.describe, sms: notifications.sms.describe },
    'notifications: where e-mail and SMS go',
  );
  const outbox = await startOutbox(ctx, notifications.destinations);
  // A worker that listens only when ready must be ready before it listens: the primary hands it
  // connections at once. Its port is the configured one, known beforehand (unless it is 0).
  if (!server && port === 0) server = await listen();
  const knownPort = server ? (server.address() as AddressInfo).port : port;
  const url = config.publicUrl ?? `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${knownPort}`;
  if (!config.publicUrl) {
    // Links in responses name this address until MOTCUA_PUBLIC_URL says otherwise (never the Host header).
    config.publicUrl = url;
    log.warn({ url }, 'MOTCUA_PUBLIC_URL is not set: responses link to the local address');
  }
  const demoPayments = config.demoPayments ? await startDemoPayments(config, config.demoPayments, url) : null;
  readiness.markReady();
  server ??= await listen();
  const actualPort = (server.address() as AddressInfo).port;
  log.info({ url, database: ctx.database.describe, files: config.filesDir }, 'motcua server listening');
  let closing: Promise<void> | null = null;
  return {
    ctx,
    url,
    port: actualPort,
    seed,
    demoPayments,
    notifications: { mail: notifications.mailer.describe, sms: notifications.sms.describe },
    close: () =>
      (closing ??= (async () => {
        clearInterval(timer);
        await demoPayments?.close();
        await outbox.stop();
        notifications.stop();
        await stopListening();
        await ctx.database.close();
      })()),
  };
}
