import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { accessLog } from '../db/schema/index.ts';

/** Records a staff read of a dossier's personal data (who, when, what, from where). */
export async function logAccess(
  c: Context<AppEnv>,
  dossierId: string,
  operation: string,
  detail?: Record<string, unknown>,
): Promise<void> {
  const ctx = c.get('ctx');
  const p = c.get('principal');
  if (!p) return;
  await ctx.db.insert(accessLog).values({
    at: new Date(ctx.clock.now()),
    staffId: p.staffId,
    dossierId,
    operation,
    detail: detail ?? null,
    ip: c.get('clientIp'),
  });
}
