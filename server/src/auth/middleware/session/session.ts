import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../../http/env.ts';
import { errors } from '../../../http/errors.ts';
import { resolveSession } from '../../sessions.ts';
import { resolveApiToken } from '../../api-tokens.ts';

export const SESSION_COOKIE = 'motcua_session';
/** Behind HTTPS the cookie takes the __Host- prefix: Secure, Path=/, no Domain — browsers enforce it. */
export const SECURE_SESSION_COOKIE = '__Host-motcua_session';

/** True when the client reached us over HTTPS (directly, or through a trusted proxy). */
export function isHttps(c: Context<AppEnv>): boolean {
  const ctx = c.get('ctx');
  if (ctx.config.secureCookies) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return ctx.config.trustProxy && (c.req.header('x-forwarded-proto') ?? '').split(',')[0]!.trim() === 'https';
}

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date): void {
  const secure = isHttps(c);
  setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, SECURE_SESSION_COOKIE, { path: '/', secure: true });
}

/**
 * Identifies the caller: a bearer API token (integrations) or a session cookie (browsers).
 * A wrong bearer token is an error (the caller meant to authenticate); a stale cookie is dropped
 * and the request goes on anonymously.
 */
export function session(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ctx = c.get('ctx');
    const now = ctx.clock.now();
    const auth = c.req.header('authorization');
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const principal = m ? await resolveApiToken(ctx.db, m[1]!, now) : null;
      if (!principal) throw errors.unauthenticated();
      c.set('principal', principal);
      return next();
    }
    const token = getCookie(c, SECURE_SESSION_COOKIE) ?? getCookie(c, SESSION_COOKIE);
    if (token) {
      const principal = await resolveSession(ctx.db, token, now, ctx.config.sessionTtlMinutes);
      if (principal) c.set('principal', principal);
      else clearSessionCookie(c);
    }
    return next();
  };
}
