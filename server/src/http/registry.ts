import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { TObject } from '@sinclair/typebox';
import type { Issue } from '@motcua/core';
import type { AppEnv } from './env.ts';
import type { AnyRoute } from './route.ts';
import { compileCheck, type Check } from './validation.ts';
import { errors, HttpError } from './errors.ts';

/** `/agencies/{agencyCode}` → `/agencies/:agencyCode`. */
export function honoPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

interface Checks {
  params?: Check;
  query?: Check;
  body?: Check;
}

function compileChecks(r: AnyRoute): Checks {
  const out: Checks = {};
  if (r.params) out.params = compileCheck(r.params as TObject, '/params', true);
  if (r.query) out.query = compileCheck(r.query as TObject, '/query', true);
  if (r.body && 'json' in r.body) out.body = compileCheck(r.body.json, '/body', false);
  return out;
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(type)) {
    throw errors.mediaType(undefined, {
      vi: 'Nội dung phải là JSON (application/json)',
      en: 'The body must be JSON (application/json)',
    });
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (err) {
    throw errors.badRequest(
      'invalid_json',
      { vi: 'Nội dung không phải JSON hợp lệ', en: `The body is not valid JSON: ${(err as Error).message}` },
      [{ pointer: '/body', code: 'json', message: { vi: 'JSON không hợp lệ', en: 'Invalid JSON' } }],
    );
  }
}

/**
 * Mounts every route on the app: the route is recorded on the context, then `policy` decides
 * (it sees only the path and the principal), then the input is validated, then the handler runs.
 */
export function mountRoutes(app: Hono<AppEnv>, routes: readonly AnyRoute[], policy: MiddlewareHandler<AppEnv>): void {
  const seen = new Set<string>();
  for (const r of routes) {
    if (seen.has(r.operationId)) throw new Error(`duplicate operationId ${r.operationId}`);
    seen.add(r.operationId);
    const checks = compileChecks(r);
    app.on(
      r.method.toUpperCase(),
      honoPath(r.path),
      async (c, next) => {
        c.set('route', r);
        await next();
      },
      policy,
      async (c) => {
        const issues: Issue[] = [];
        const params: Record<string, unknown> = { ...c.req.param() };
        if (checks.params) issues.push(...checks.params(params));
        const query: Record<string, unknown> = {};
        if (r.query) {
          for (const [k, v] of Object.entries(c.req.queries())) query[k] = v.length === 1 ? v[0] : v;
          issues.push(...checks.query!(query));
        }
        let body: unknown;
        if (checks.body) {
          body = await readJson(c);
          issues.push(...checks.body(body));
        }
        if (issues.length) throw errors.invalid(issues);
        const res = await r.handler(c, { params, query, body } as never);
        if (!(res instanceof Response))
          throw new HttpError(500, 'no_response', { vi: 'Lỗi máy chủ', en: 'Server error' });
        return res;
      },
    );
  }
}
