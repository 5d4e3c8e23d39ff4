import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { errors } from '../http/errors.ts';
import { POLICY } from './table.ts';
import { matchingGrants, type PolicyRule } from './rules.ts';
import { resolveTarget } from './targets.ts';
import { hostileInputIssues } from '../http/hostile-input/hostile-input.ts';

/**
 * The one enforcement point of the policy table. It runs before the route's input is read, so a
 * caller without access learns nothing about the body's validity. Unknown operations are denied.
 */
export function policyMiddleware(table: Record<string, PolicyRule> = POLICY): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const route = c.get('route');
    const rule = table[route.operationId];
    const ctx = c.get('ctx');
    if (!rule) {
      ctx.log.error({ operationId: route.operationId }, 'route without a policy row: denied');
      throw errors.forbidden();
    }
    if (rule.access === 'public') return next();
    const principal = c.get('principal');
    if (!principal) throw errors.unauthenticated();
    if (rule.access === 'authenticated') return next();
    const params = c.req.param() as Record<string, string>;
    // The target is looked up by the path parameter: one the database refuses (NUL) is the
    // caller's mistake, a 400 naming it, before any query.
    const hostile = hostileInputIssues(params, '/params');
    if (hostile.length) throw errors.invalid(hostile);
    const target = await resolveTarget(ctx, rule.target, params);
    c.set('target', target);
    if (rule.self && target.staffId === principal.staffId) return next();
    const snap = await ctx.agencies.get();
    if (matchingGrants(rule, principal, snap.all, target.agencies).length === 0) throw errors.forbidden();
    return next();
  };
}

/**
 * Checks the current operation's policy row against further agencies a request touches besides
 * its path target (e.g. the new parent of a moved agency, each agency of a role grant). Same
 * table, same rule: one mechanism.
 */
export async function requireAccess(
  c: import('hono').Context<AppEnv>,
  agencies: readonly string[],
  table: Record<string, PolicyRule> = POLICY,
): Promise<void> {
  const rule = table[c.get('route').operationId];
  const principal = c.get('principal');
  if (!rule || rule.access !== 'grants' || !principal) throw errors.forbidden();
  const snap = await c.get('ctx').agencies.get();
  for (const a of agencies) {
    if (matchingGrants(rule, principal, snap.all, [a]).length === 0) {
      throw errors.forbidden({
        vi: `Không có quyền đối với cơ quan "${a}"`,
        en: `You have no authority over agency "${a}"`,
      });
    }
  }
}
