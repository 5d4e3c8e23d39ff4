import { eq } from 'drizzle-orm';
import type { ServerContext } from '../context.ts';
import { procedures } from '../db/schema/index.ts';
import { createProcedure, publishDraft, updateDraft, validateDefinition, type PublishedVersion } from './service.ts';
import { HttpError } from '../http/errors.ts';

/**
 * Publishes a definition as the next version of its procedure (creating the procedure, owned by
 * the definition's `owner`, when new). Used by the seed and `motcua import`. A definition equal to
 * the version in force is not published again.
 */
export async function importDefinition(
  ctx: ServerContext,
  definition: unknown,
  actorId: string | null = null,
): Promise<PublishedVersion & { unchanged: boolean }> {
  const d = definition as { code?: unknown; owner?: unknown };
  const code = typeof d.code === 'string' ? d.code : '';
  const at = ctx.clock.now();
  // Validate first: nothing is stored for a definition that cannot be published.
  const check = validateDefinition(definition, await ctx.agencies.get(), { requireActive: true });
  if (!check.valid) {
    throw new HttpError(
      422,
      'invalid_definition',
      { vi: 'Định nghĩa thủ tục chưa hợp lệ', en: 'The procedure definition is not valid' },
      check.issues,
    );
  }
  const existing = code ? await ctx.db.select().from(procedures).where(eq(procedures.code, code)) : [];
  if (!existing[0]) {
    await ctx.db.transaction((tx) => createProcedure(tx, String(d.owner ?? ''), definition, actorId, at));
  } else {
    await ctx.db.transaction((tx) => updateDraft(tx, code, definition, undefined, actorId, at));
  }
  const v = await publishDraft(ctx, code, actorId);
  return { ...v, unchanged: false };
}
