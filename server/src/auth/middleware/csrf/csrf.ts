import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../../http/env.ts';
import { HttpError } from '../../../http/errors.ts';
import { safeEqual } from '../../secret.ts';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for cookie sessions: every state-changing request authenticated by the session
 * cookie must echo the session's CSRF token in `X-CSRF-Token` (a synchroniser token a cross-site
 * page cannot read). Bearer-token and anonymous requests carry no ambient credentials and pass;
 * JSON-only bodies (415 otherwise) keep forms from other sites out of the anonymous routes too.
 */
export function csrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (SAFE.has(c.req.method) || !principal || principal.via !== 'session') return next();
    const sent = c.req.header(CSRF_HEADER) ?? '';
    if (!principal.csrfToken || !sent || !safeEqual(sent, principal.csrfToken)) {
      throw new HttpError(403, 'csrf', {
        vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token)',
        en: 'Missing or wrong anti-forgery token (X-CSRF-Token)',
      });
    }
    return next();
  };
}
