import type { Context, Hono, MiddlewareHandler } from 'hono';
import { routes as contractRoutes, type RouteContract } from '@motcua/api';
import type { Issue } from '@motcua/core';
import type { AppEnv } from './env.ts';
import type { Implementation } from './implement.ts';
import { compileCheck, type Check } from './validation.ts';
import { errors, HttpError } from './errors.ts';
import { hostileInputIssues } from './hostile-input/hostile-input.ts';

/** `/agencies/{agencyCode}` → `/agencies/:agencyCode`. */
export function honoPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

interface Checks {
  params?: Check;
  query?: Check;
  body?: Check;
}

function compileChecks(r: RouteContract): Checks {
  const out: Checks = {};
  if (r.params) out.params = compileCheck(r.params, '/params', true);
  if (r.query) out.query = compileCheck(r.query, '/query', true);
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

/** Refuses a set of handlers that is not exactly one per contract entry. */
function checkCoverage(implementations: readonly Implementation[]): void {
  const seen = new Set<string>();
  for (const { route } of implementations) {
    if (seen.has(route.operationId)) throw new Error(`${route.operationId} implemented twice`);
    if (!contractRoutes.includes(route)) throw new Error(`${route.operationId} is not an entry of the contract`);
    seen.add(route.operationId);
  }
  const missing = contractRoutes.filter((r) => !seen.has(r.operationId)).map((r) => r.operationId);
  if (missing.length) throw new Error(`contract entries without a handler: ${missing.join(', ')}`);
}

/**
 * Mounts every contract entry on the app: the route is recorded on the context, then the `guards`
 * run in order (CSRF, which depends on the route's `auth`, then the policy, which sees only the
 * path and the principal), then the input is validated against the contract's schemas, then the
 * handler runs.
 */
export function mountRoutes(
  app: Hono<AppEnv>,
  implementations: readonly Implementation[],
  ...guards: MiddlewareHandler<AppEnv>[]
): void {
  checkCoverage(implementations);
  for (const { route: r, handler } of implementations) {
    const checks = compileChecks(r);
    app.on(
      r.method.toUpperCase(),
      honoPath(r.path),
      async (c, next) => {
        c.set('route', r);
        await next();
      },
      ...guards,
      async (c) => {
        const issues: Issue[] = [];
        const params: Record<string, unknown> = { ...c.req.param() };
        issues.push(...hostileInputIssues(params, '/params'));
        if (checks.params && !issues.length) issues.push(...checks.params(params));
        const query: Record<string, unknown> = {};
        if (r.query) {
          for (const [k, v] of Object.entries(c.req.queries())) query[k] = v.length === 1 ? v[0] : v;
          const hostile = hostileInputIssues(query, '/query');
          issues.push(...(hostile.length ? hostile : checks.query!(query)));
        }
        let body: unknown;
        if (checks.body) {
          body = await readJson(c);
          // Checked before the schema: the validators recurse, and the database refuses NUL.
          const hostile = hostileInputIssues(body, '/body');
          issues.push(...(hostile.length ? hostile : checks.body(body)));
        }
        if (issues.length) throw errors.invalid(issues);
        const res = await handler(c, { params, query, body } as never);
        if (!(res instanceof Response))
          throw new HttpError(500, 'no_response', { vi: 'Lỗi máy chủ', en: 'Server error' });
        return res;
      },
    );
  }
}
