import type { MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';
import type { AppEnv } from '../../env.ts';

/**
 * CORS for what browsers on other sites load: the public citizen API for the configured origins
 * (`*` allows any), and validator modules and the embed bundle for everyone (static, no credentials).
 * The staff API sends no CORS headers: it is same-origin only.
 */
export function publicCors(origins: readonly string[]): MiddlewareHandler<AppEnv> {
  const any = origins.includes('*');
  return honoCors({
    origin: any ? '*' : (origin) => (origins.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'X-Tracking-Secret', 'Accept-Language'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
}

export function openCors(): MiddlewareHandler<AppEnv> {
  return honoCors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], maxAge: 86400 });
}
