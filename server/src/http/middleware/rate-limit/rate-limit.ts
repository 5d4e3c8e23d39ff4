import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env.ts';
import { errors } from '../../errors.ts';

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
  /** The key a request counts against (default: the client address). */
  key?: (c: Context<AppEnv>) => string;
  now?: () => number;
}

/**
 * A fixed-window request limit per key, in this process's memory (a shield against floods and
 * secret guessing on public routes; failed logins have their own limit in the database, shared
 * by all processes). Answers 429 with Retry-After.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const now = options.now ?? (() => Date.now());
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  return async (c, next) => {
    const t = now();
    if (t - lastSweep > options.windowMs) {
      for (const [k, w] of windows) if (t - w.start >= options.windowMs) windows.delete(k);
      lastSweep = t;
    }
    const key = options.key ? options.key(c) : c.get('clientIp');
    let w = windows.get(key);
    if (!w || t - w.start >= options.windowMs) {
      w = { start: t, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    if (w.count > options.limit)
      throw errors.tooManyRequests(Math.max(1, Math.ceil((w.start + options.windowMs - t) / 1000)));
    return next();
  };
}
