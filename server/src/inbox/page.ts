import type { Context } from 'hono';
import { inArray } from 'drizzle-orm';
import type { AppEnv } from '../http/env.ts';
import { dossiers } from '../db/schema/index.ts';
import { CASE_COLUMNS, caseView } from '../cases/view.ts';
import { logAccessMany } from '../cases/access.ts';
import { encodeCursor } from './cursor.ts';
import { inboxKeys } from './query.ts';
import { inboxFilter, type InboxQueryInput } from './filter.ts';

/** A page of the inbox: the keys in order, then the case views of those rows (each read logged). */
export async function inboxPage(c: Context<AppEnv>, agency: string, query: InboxQueryInput): Promise<Response> {
  const ctx = c.get('ctx');
  const principal = c.get('principal')!;
  const limit = query.limit ?? 50;
  const { filter, cursorView } = await inboxFilter(ctx, principal, agency, query, limit + 1);
  const keys = await inboxKeys(ctx.db, filter);
  return casesPage(c, keys, { limit, view: cursorView, operation: 'getInbox', now: filter.now });
}

/**
 * A page of dossiers from their keys in order (one more than `limit` when a next page exists): the
 * case views of the first `limit`, each read logged under `operation`, and the next page's cursor.
 */
export async function casesPage(
  c: Context<AppEnv>,
  keys: readonly { id: string; at: number }[],
  o: { limit: number; view: string; operation: string; now: number },
): Promise<Response> {
  const ctx = c.get('ctx');
  const page = keys.slice(0, o.limit);
  const ids = page.map((k) => k.id);
  // The access is logged while the rows are read (dossiers are never deleted: the keys name what is
  // shown), so that the log's write is not one more wait before the answer; both end before it.
  const [rows] = await Promise.all([
    ids.length
      ? ctx.db
          .select({ id: dossiers.id, ...CASE_COLUMNS })
          .from(dossiers)
          .where(inArray(dossiers.id, ids))
      : [],
    logAccessMany(c, ids, o.operation),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const snap = await ctx.agencies.get();
  const items = [];
  for (const k of page) {
    const row = byId.get(k.id);
    if (row) items.push(await caseView(ctx, row, snap, o.now));
  }
  const last = page.at(-1);
  c.header('Cache-Control', 'private, no-store');
  return c.json({
    items,
    nextCursor: keys.length > o.limit && last ? encodeCursor({ view: o.view, at: last.at, id: last.id }) : null,
  });
}
