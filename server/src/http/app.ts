import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { compress } from 'hono/compress';
import type { ServerContext } from '../context.ts';
import type { AppEnv } from './env.ts';
import { mountRoutes } from './registry.ts';
import { errorHandler, notFoundHandler } from './middleware/error-handler/error-handler.ts';
import { requestContext } from './middleware/request-context/request-context.ts';
import { session } from './middleware/session/session.ts';
import { csrf } from './middleware/csrf/csrf.ts';
import { openCors, publicCors } from './middleware/cors/cors.ts';
import { rateLimit } from './middleware/rate-limit/rate-limit.ts';
import { bodyLimit } from './middleware/body-limit/body-limit.ts';
import { policyMiddleware } from '../policy/middleware.ts';
import { allRoutes } from './routes.ts';
import { serveFile } from './static.ts';
import type { AnyRoute } from './route.ts';
import { designerApp } from '../designer-app/designer-app.ts';

/** The Content-Security-Policy of the sample site's pages: no eval, nothing from elsewhere. */
export const SITE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:";

export interface AppOptions {
  /** Per-address limits (requests per minute); tests and benchmarks raise them. */
  rateLimits?: { submit?: number; track?: number; login?: number };
}

/** The HTTP application: middleware order matters and is the same for every route. */
export function createApp(
  ctx: ServerContext,
  options: AppOptions = {},
  routes: readonly AnyRoute[] = allRoutes(),
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler);
  app.notFound(notFoundHandler);
  app.use('*', requestContext(ctx));
  app.use(
    '*',
    secureHeaders({
      crossOriginResourcePolicy: false,
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: false,
    }),
  );

  // Browsers on the province's sites call the public API; validator modules and the embed bundle are open to all.
  app.use('/api/v1/public/procedures/:code/versions/:version/validators.js', openCors());
  const citizenCors = publicCors(ctx.config.corsOrigins);
  app.use('/api/v1/public/*', async (c, next) => {
    if (c.req.path.endsWith('/validators.js')) return next();
    return citizenCors(c, next);
  });
  app.use('/embed/*', openCors());

  const limits = { ...ctx.config.rateLimits, ...options.rateLimits };
  const minute = 60_000;
  app.on('POST', '/api/v1/public/procedures/:code/dossiers', rateLimit({ limit: limits.submit, windowMs: minute }));
  app.use('/api/v1/public/dossiers/*', rateLimit({ limit: limits.track, windowMs: minute }));
  app.on('POST', '/api/v1/auth/login', rateLimit({ limit: limits.login, windowMs: minute }));

  // Uploads stream to disk with their own limits; everything else is small JSON.
  app.use(
    '/api/*',
    bodyLimit((c) =>
      (c.req.header('content-type') ?? '').startsWith('multipart/') ? ctx.config.maxRequestBytes : 2 * 1024 * 1024,
    ),
  );

  app.use('/api/*', session());
  app.use('/api/*', csrf());
  mountRoutes(app, routes, policyMiddleware());

  // The runtime bundle and the sample provincial site (built by `npm run build`): the bundle
  // compressed, the site under the strict CSP the embed is built for (issue 5).
  app.use('/embed/*', compress());
  app.use('/site/*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', SITE_CSP);
  });
  app.get('/embed/:file{.+}', (c) =>
    serveFile(
      c,
      ctx.config.runtimeDist,
      c.req.param('file'),
      c.req.param('file') === 'motcua.js' ? 'public, max-age=300' : 'public, max-age=31536000, immutable',
    ),
  );
  app.get('/site', (c) => c.redirect('/site/'));
  app.get('/site/*', (c) =>
    serveFile(c, ctx.config.siteDir, c.req.path.slice('/site/'.length) || 'index.html', 'public, max-age=60'),
  );
  app.route('/', designerApp(ctx));
  app.get('/', (c) => c.redirect('/api/v1/docs'));
  return app;
}
