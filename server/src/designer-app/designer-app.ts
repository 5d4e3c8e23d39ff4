/**
 * The designer app at /designer/: the built files of designer/dist, on the API's own origin (the
 * staff session cookie and CSRF token work as they are). Its CSP allows no eval; Monaco's workers
 * are files of this origin, and Monaco sets inline styles, so this page alone allows
 * 'unsafe-inline' styles.
 */
import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';
import type { AppEnv } from '../http/env.ts';
import { serveFile } from '../http/static.ts';

export const DESIGNER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function designerApp(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/designer/*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', DESIGNER_CSP);
  });
  app.get('/designer', (c) => c.redirect('/designer/'));
  app.get('/designer/*', (c) => {
    const file = c.req.path.slice('/designer/'.length) || 'index.html';
    // Hashed assets never change; the page itself is checked on every load.
    const cache = file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return serveFile(c, ctx.config.designerDist, file, cache);
  });
  return app;
}
