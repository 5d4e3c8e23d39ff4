import type { MiddlewareHandler } from 'hono';
import type { Message } from '@motcua/core';
import type { AppEnv } from '../../env.ts';
import { HttpError } from '../../errors.ts';

/** Whether the server has finished starting (migrations and the demo seed); flips once. */
export interface Readiness {
  readonly ready: boolean;
  markReady(): void;
}

export function createReadiness(ready = false): Readiness {
  let state = ready;
  return {
    get ready() {
      return state;
    },
    markReady: () => {
      state = true;
    },
  };
}

export const READY_MESSAGE: Message = { vi: 'Máy chủ sẵn sàng', en: 'The server is ready' };
export const STARTING_MESSAGE: Message = {
  vi: 'Máy chủ đang khởi động (cập nhật cơ sở dữ liệu, dữ liệu mẫu), vui lòng thử lại sau giây lát',
  en: 'The server is starting (database migrations, demo data), try again in a moment',
};

/** Seconds a client is asked to wait before trying a starting server again. */
export const STARTING_RETRY_AFTER = 2;

const LIVENESS = '/api/v1/health';
const READINESS = '/api/v1/ready';

/**
 * Until the server is ready, everything but the liveness probe answers 503 with Retry-After, so
 * that no client sees a half-migrated or half-seeded database (e.g. two of three demo procedures).
 * The readiness probe itself is answered here while starting and by its handler once ready.
 */
export function readinessGate(readiness: Readiness): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (readiness.ready || c.req.path === LIVENESS) return next();
    c.header('Retry-After', String(STARTING_RETRY_AFTER));
    c.header('Cache-Control', 'no-store');
    if (c.req.path === READINESS) return c.json({ status: 'starting' as const, message: STARTING_MESSAGE }, 503);
    return c.json(new HttpError(503, 'starting', STARTING_MESSAGE).body(), 503);
  };
}
