import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pino } from 'pino';
import type { Hono } from 'hono';
import { checkFetchResponse } from '@motcua/api/check';
import { loadConfig, type ServerConfig } from '../../src/config/config.ts';
import { manualClock, type ManualClock } from '../../src/config/clock.ts';
import { createContext } from '../../src/server.ts';
import { createApp, type AppOptions } from '../../src/app.ts';
import type { AppEnv } from '../../src/http/env.ts';
import type { ServerContext } from '../../src/context.ts';
import type { Faults } from '../../src/config/faults.ts';
import { seedIfEmpty } from '../../src/seed/seed.ts';
import type { TestDatabase } from './databases.ts';

export const DEMO_PASSWORD = 'demo-password-for-tests';

/** Fails the test when a response breaks the API contract (@motcua/api): status, media type, body. */
export async function assertKeepsContract(method: string, url: string, res: Response): Promise<void> {
  const issues = await checkFetchResponse(method, url, await decoded(res));
  if (issues.length)
    throw new Error(
      `${method} ${url} → ${res.status} breaks the API contract:\n${issues.map((i) => `  ${i.pointer}: ${i.message.en}`).join('\n')}`,
    );
}

/** The response as the client reads it: a compressed body decoded (as fetch does over the network). */
async function decoded(res: Response): Promise<Response> {
  const encoding = res.headers.get('content-encoding');
  if (encoding !== 'br' && encoding !== 'gzip') return res;
  const bytes = Buffer.from(await res.clone().arrayBuffer());
  const body = encoding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes);
  const headers = new Headers(res.headers);
  headers.delete('content-encoding');
  return new Response(new Uint8Array(body), { status: res.status, headers });
}

export interface TestServer {
  ctx: ServerContext;
  app: Hono<AppEnv>;
  clock: ManualClock;
  filesDir: string;
  /** app.request with a base URL. */
  request(path: string, init?: RequestInit): Promise<Response>;
  dispose(): void;
}

/**
 * An in-process server on a test database: a temporary file store, a manual clock (default
 * 2026-03-02 09:00 in Hà Nội), silent logs, the demo province seeded (idempotent).
 */
export async function testServer(
  tdb: TestDatabase,
  options: {
    now?: number;
    config?: Partial<ServerConfig>;
    faults?: Faults;
    app?: AppOptions;
    seed?: boolean;
    quiet?: boolean;
    /** Check every response against the API contract (default); only the bench turns it off. */
    checkContract?: boolean;
  } = {},
): Promise<TestServer> {
  const filesDir = mkdtempSync(join(tmpdir(), 'motcua-files-'));
  const config = loadConfig(
    { NODE_ENV: 'test' },
    {
      filesDir,
      dataDir: filesDir,
      demoPassword: DEMO_PASSWORD,
      // Tests count dossiers: the demo's sample only where a test asks for it.
      demoSamples: 0,
      logLevel: 'silent',
      publicUrl: 'http://motcua.test',
      ...options.config,
    },
  );
  const clock = manualClock(options.now ?? Date.parse('2026-03-02T09:00:00+07:00'));
  const ctx = await createContext({
    config,
    database: tdb.database,
    clock,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? (options.quiet ? 'fatal' : 'error') }, pino.destination(2)),
    ...(options.faults ? { faults: options.faults } : {}),
  });
  if (options.seed !== false) await seedIfEmpty(ctx);
  const app = createApp(ctx, { rateLimits: { submit: 100_000, track: 100_000, login: 100_000 }, ...options.app });
  return {
    ctx,
    app,
    clock,
    filesDir,
    request: async (path, init) => {
      const url = `http://motcua.test${path}`;
      const res = await app.request(url, init);
      if (options.checkContract !== false) await assertKeepsContract(init?.method ?? 'GET', url, res);
      return res;
    },
    dispose: () => rmSync(filesDir, { recursive: true, force: true }),
  };
}
