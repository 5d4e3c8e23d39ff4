import type { Context } from 'hono';
import type { AppEnv } from './env.ts';

/** The origin browsers reach us at: MOTCUA_PUBLIC_URL, or the request's own (proxy headers if trusted). */
export function baseUrl(c: Context<AppEnv>): string {
  const ctx = c.get('ctx');
  if (ctx.config.publicUrl) return ctx.config.publicUrl;
  const url = new URL(c.req.url);
  if (ctx.config.trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto) url.protocol = `${proto}:`;
    if (host) url.host = host;
  }
  return url.origin;
}
