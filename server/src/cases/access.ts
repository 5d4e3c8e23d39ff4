import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { accessLog } from '../db/schema/index.ts';

/**
 * Records that a staff member was shown the personal data of these dossiers (a work-queue page, a
 * logbook, a printed slip): one access-log row per dossier, written in one statement, so that
 * "who has seen my dossier" has the same answer however the data was shown.
 */
export async function logAccessMany(
  c: Context<AppEnv>,
  dossierIds: readonly string[],
  operation: string,
  detail?: Record<string, unknown>,
): Promise<void> {
  const p = c.get('principal');
  if (!p || !dossierIds.length) return;
  const ctx = c.get('ctx');
  const at = new Date(ctx.clock.now());
  const ip = c.get('clientIp');
  const ids = [...new Set(dossierIds)];
  for (let i = 0; i < ids.length; i += 1000) {
    await ctx.db
      .insert(accessLog)
      .values(
        ids
          .slice(i, i + 1000)
          .map((dossierId) => ({ at, staffId: p.staffId, dossierId, operation, detail: detail ?? null, ip })),
      );
  }
}
