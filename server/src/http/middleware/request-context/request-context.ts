import type { MiddlewareHandler } from 'hono';
import { randomUUID } from 'node:crypto';
import type { ServerContext } from '../../../context.ts';
import type { AppEnv } from '../../env.ts';

/**
 * Puts the server context on every request, gives it an id (echoed as X-Request-Id), finds the
 * client address (X-Forwarded-For only behind a trusted proxy) and logs one line per request.
 */
export function requestContext(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = /^[A-Za-z0-9._-]{1,100}$/.test(c.req.header('x-request-id') ?? '')
      ? c.req.header('x-request-id')!
      : randomUUID();
    c.set('ctx', ctx);
    c.set('requestId', incoming);
    c.set('principal', null);
    c.set(
      'clientIp',
      clientIp(c.req.header('x-forwarded-for'), c.env, ctx.config.trustProxy ? ctx.config.proxyHops : 0),
    );
    c.header('X-Request-Id', incoming);
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const status = c.res.status;
    const line = {
      requestId: incoming,
      method: c.req.method,
      path: c.req.path,
      status,
      ms,
      ip: c.get('clientIp'),
      staff: c.get('principal')?.username,
      ...c.get('logFields'),
    };
    if (status >= 500) ctx.log.error(line, 'request');
    else ctx.log.info(line, 'request');
  };
}

/**
 * Behind `hops` trusted proxies the address is the hops-th X-Forwarded-For entry from the right:
 * each proxy appends the address it saw, so everything left of that was written by the client.
 */
export function clientIp(forwarded: string | undefined, env: unknown, hops: number): string {
  if (hops > 0 && forwarded) {
    const entries = forwarded
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const found = entries[Math.max(entries.length - hops, 0)];
    if (found) return found;
  }
  const socket = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket;
  return socket?.remoteAddress ?? '127.0.0.1';
}
