import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env.ts';

interface CorsOptions {
  /** '*' or the allowed origins. */
  origins: readonly string[];
  allowMethods: readonly string[];
  allowHeaders?: readonly string[];
  exposeHeaders?: readonly string[];
  maxAge: number;
}

/**
 * CORS as Hono's `cors` does it, but with the headers set through `c.header()` before the handler
 * runs. Hono's sets them on `c.res` first, so the handler's response is then copied into a new
 * one — which makes @hono/node-server build a full web Response and Headers for every request
 * (measured: a tenth of the server's CPU per submission). Same headers, same preflight answer.
 */
function cors(options: CorsOptions): MiddlewareHandler<AppEnv> {
  const any = options.origins.includes('*');
  const methods = options.allowMethods.join(',');
  const allowHeaders = options.allowHeaders?.length ? options.allowHeaders.join(',') : undefined;
  const expose = options.exposeHeaders?.length ? options.exposeHeaders.join(',') : undefined;
  return async (c, next) => {
    const origin = c.req.header('origin') ?? '';
    const allow = any ? '*' : options.origins.includes(origin) ? origin : null;
    if (allow) c.header('Access-Control-Allow-Origin', allow);
    if (expose) c.header('Access-Control-Expose-Headers', expose);
    if (c.req.method === 'OPTIONS') {
      if (!any) c.header('Vary', 'Origin', { append: true });
      c.header('Access-Control-Max-Age', String(options.maxAge));
      c.header('Access-Control-Allow-Methods', methods);
      const requested =
        allowHeaders ??
        c.req
          .header('access-control-request-headers')
          ?.split(',')
          .map((h) => h.trim())
          .join(',');
      if (requested) {
        c.header('Access-Control-Allow-Headers', requested);
        c.header('Vary', 'Access-Control-Request-Headers', { append: true });
      }
      return c.body(null, 204);
    }
    if (!any) c.header('Vary', 'Origin', { append: true });
    await next();
  };
}

/**
 * CORS for what browsers on other sites load: the public citizen API for the configured origins
 * (`*` allows any), and validator modules and the embed bundle for everyone (static, no credentials).
 * The staff API sends no CORS headers: it is same-origin only.
 */
export function publicCors(origins: readonly string[]): MiddlewareHandler<AppEnv> {
  return cors({
    origins,
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'X-Tracking-Secret', 'Accept-Language'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
}

export function openCors(): MiddlewareHandler<AppEnv> {
  return cors({ origins: ['*'], allowMethods: ['GET', 'HEAD', 'OPTIONS'], maxAge: 86400 });
}
