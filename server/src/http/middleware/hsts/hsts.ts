import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env.ts';

/**
 * Strict-Transport-Security only on responses that travelled over HTTPS (directly, or through a
 * trusted proxy that says so): RFC 6797 §7.2 tells browsers to ignore it over plain HTTP, and
 * sending it there only misleads anyone reading the headers about how the site is served.
 */
export function hsts(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const ctx = c.get('ctx');
    const https =
      new URL(c.req.url).protocol === 'https:' ||
      (ctx.config.trustProxy && (c.req.header('x-forwarded-proto') ?? '').split(',').at(-1)!.trim() === 'https');
    if (https) c.header('Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
  };
}
