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
 *
 * A public route (contract `auth: 'public'`, e.g. the citizen's supplement, proven by the
 * tracking secret) does not use the cookie's authority: such a request without the token runs as
 * the anonymous request it is — the session is dropped, so the handler cannot act as the staff
 * member — instead of being refused because the browser happens to hold a staff session.
 * Runs after the registry has recorded the route.
 */
export function csrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (SAFE.has(c.req.method) || !principal || principal.via !== 'session') return next();
    const sent = c.req.header(CSRF_HEADER) ?? '';
    if (principal.csrfToken && sent && safeEqual(sent, principal.csrfToken)) return next();
    if (c.get('route')?.auth === 'public') {
      c.set('principal', null);
      return next();
    }
    throw new HttpError(403, 'csrf', {
      vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token)',
      en: 'Missing or wrong anti-forgery token (X-CSRF-Token)',
    });
  };
}
