import type { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { serveFile } from '../http/static.ts';

/**
 * The staff workspace's pages: only this origin's scripts, styles and API; documents shown in
 * frames of this origin; never framed by another site. No inline script or style anywhere.
 */
export const STAFF_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * Serves the built staff app (runtime/dist-staff) at /staff: hashed assets cached for good, and
 * index.html — never cached, so a deploy is picked up — for every screen's path.
 */
export function mountStaffApp(app: Hono<AppEnv>, dist: string): void {
  app.use('/staff/*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', STAFF_CSP);
  });
  app.get('/staff', (c) => c.redirect('/staff/'));
  app.get('/staff/assets/:file{.+}', (c) =>
    serveFile(c, dist, `assets/${c.req.param('file')}`, 'public, max-age=31536000, immutable'),
  );
  app.get('/staff/*', (c) => serveFile(c, dist, 'index.html', 'no-cache'));
}
