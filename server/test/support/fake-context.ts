import { Hono } from 'hono';
import { pino } from 'pino';
import type { AppEnv } from '../../src/http/env.ts';
import type { ServerContext } from '../../src/context.ts';
import type { Principal } from '../../src/http/principal.ts';
import { loadConfig } from '../../src/config/config.ts';
import { errorHandler } from '../../src/http/middleware/error-handler/error-handler.ts';

/** A Hono app with a minimal context and an optional principal, for middleware unit tests. */
export function bareApp(principal: Principal | null = null, overrides: Partial<ServerContext> = {}): Hono<AppEnv> {
  const ctx = {
    config: loadConfig({}),
    log: pino({ level: 'silent' }),
    clock: { now: () => Date.now() },
    ...overrides,
  } as ServerContext;
  const app = new Hono<AppEnv>();
  app.onError(errorHandler);
  app.use('*', async (c, next) => {
    c.set('ctx', ctx);
    c.set('principal', principal);
    c.set('clientIp', c.req.header('x-test-ip') ?? '127.0.0.1');
    await next();
  });
  return app;
}

export const samplePrincipal = (over: Partial<Principal> = {}): Principal => ({
  staffId: '00000000-0000-4000-8000-000000000001',
  username: 'someone',
  fullName: 'Someone',
  agencyCode: 'A',
  grants: [],
  via: 'session',
  csrfToken: 'the-csrf-token',
  ...over,
});
