import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { hsts } from './http/middleware/hsts/hsts.ts';
import { readinessGate, type Readiness } from './http/middleware/readiness/readiness.ts';
import type { ServerContext } from './context.ts';
import type { AppEnv } from './http/env.ts';
import type { Implementation } from './http/implement.ts';
import { mountRoutes } from './http/registry.ts';
import { errorHandler, notFoundHandler } from './http/middleware/error-handler/error-handler.ts';
import { compression } from './http/middleware/compress/compress.ts';
import { requestContext } from './http/middleware/request-context/request-context.ts';
import { openCors, publicCors } from './http/middleware/cors/cors.ts';
import { rateLimit } from './http/middleware/rate-limit/rate-limit.ts';
import { bodyLimit } from './http/middleware/body-limit/body-limit.ts';
import { serveFile } from './http/static.ts';
import { session } from './auth/middleware/session/session.ts';
import { csrf } from './auth/middleware/csrf/csrf.ts';
import { policyMiddleware } from './policy/middleware.ts';
import { metaRoutes } from './openapi/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { agencyRoutes } from './agencies/routes.ts';
import { staffRoutes } from './staff/routes.ts';
import { preferencesRoutes } from './staff/preferences-routes.ts';
import { procedureRoutes } from './procedures/routes.ts';
import { publicProcedureRoutes } from './procedures/public-routes.ts';
import { intakeRoutes, legacyImportRoutes } from './intake/routes.ts';
import { trackingRoutes } from './tracking/routes.ts';
import { dossierRoutes } from './dossiers/routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { slipRoutes } from './slips/routes.ts';
import { inboxRoutes } from './inbox/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { logbookRoutes } from './logbook/routes.ts';
import { outboxRoutes } from './outbox/routes.ts';
import { paymentRoutes } from './payments/routes.ts';
import { satisfactionRoutes } from './tracking/rating-routes.ts';
import { oversightRoutes } from './reports/oversight.ts';
import { oversightDossierRoutes } from './inbox/oversight-dossiers.ts';
import { mountStaffApp } from './staff-app/staff-app.ts';
import { designerApp } from './designer-app/designer-app.ts';

/** hono's secure headers, without HSTS: `hsts()` sends it over HTTPS only. */
export const APP_SECURE_HEADERS = {
  crossOriginResourcePolicy: false,
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: false,
  strictTransportSecurity: false,
} as const;

/** The Content-Security-Policy of the sample site's pages: no eval, nothing from elsewhere. */
export const SITE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:";

export interface AppOptions {
  /** Per-address limits (requests per minute); tests and benchmarks raise them. */
  rateLimits?: { submit?: number; track?: number; login?: number };
  /** Whether the server has finished starting; until then it answers 503 (default: ready). */
  readiness?: Readiness;
}

/** The server's handler of every entry of the API contract (@motcua/api), one per entry. */
export function implementations(): Implementation[] {
  return [
    ...metaRoutes(),
    ...authRoutes(),
    ...agencyRoutes(),
    ...staffRoutes(),
    ...preferencesRoutes(),
    ...procedureRoutes(),
    ...publicProcedureRoutes(),
    ...intakeRoutes(),
    ...trackingRoutes(),
    ...satisfactionRoutes(),
    ...dossierRoutes(),
    ...legacyImportRoutes(),
    ...caseRoutes(),
    ...slipRoutes(),
    ...inboxRoutes(),
    ...reportRoutes(),
    ...oversightRoutes(),
    ...oversightDossierRoutes(),
    ...logbookRoutes(),
    ...outboxRoutes(),
    ...paymentRoutes(),
  ];
}

/**
 * The HTTP application, the server's composition root: it imports the feature folders (their
 * routes, middleware, static files), never the other way. Middleware order matters and is the
 * same for every route.
 */
export function createApp(ctx: ServerContext, options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler);
  app.notFound(notFoundHandler);
  app.use('*', requestContext(ctx));
  // Every compressible answer (JSON, validator modules, HTML, CSS) travels compressed.
  app.use('*', compression());
  app.use('*', secureHeaders(APP_SECURE_HEADERS));
  app.use('*', hsts());
  if (options.readiness) app.use('*', readinessGate(options.readiness));

  // Browsers on the province's sites call the public API; validator modules and the embed bundle are open to all.
  app.use('/api/v1/public/procedures/:code/versions/:version/validators.js', openCors());
  app.use('/api/v1/public/procedures/:code/validators.js', openCors());
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
  // CSRF is checked per route: whether the cookie's authority is used depends on the route's auth.
  mountRoutes(app, implementations(), csrf(), policyMiddleware());

  // The runtime bundle and the sample provincial site (built by `npm run build`), the site under
  // the strict CSP the embed is built for.
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
  mountStaffApp(app, ctx.config.staffDist);
  app.route('/', designerApp(ctx));
  app.get('/', (c) => c.redirect('/api/v1/docs'));
  return app;
}
