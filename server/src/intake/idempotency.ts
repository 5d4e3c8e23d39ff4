import { and, eq, lt } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema/index.ts';
import { errors } from '../http/errors.ts';

export interface StoredResult {
  status: number;
  body: unknown;
}

/** Idempotency keys: printable, bounded (RFC draft "Idempotency-Key" uses opaque strings). */
export function checkKey(key: string | undefined): string | null {
  if (key === undefined) return null;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw errors.badRequest('idempotency_key', { vi: 'Idempotency-Key không hợp lệ (1–255 ký tự in được)', en: 'Invalid Idempotency-Key (1–255 printable characters)' });
  }
  return key;
}

/**
 * The stored result for a key, if a committed one exists and has not expired: the same body gets
 * the same response, another body is 422. Expired keys are forgotten.
 */
export async function storedResult(db: Executor, scope: string, key: string, hash: string, now: number): Promise<StoredResult | null> {
  const rows = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  const row = rows[0];
  if (!row) return null;
  if (row.expiresAt.getTime() <= now) {
    await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), lt(idempotencyKeys.expiresAt, new Date(now + 1))));
    return null;
  }
  if (row.requestHash !== hash) {
    throw errors.unprocessable('idempotency_key_reused', {
      vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác',
      en: 'This Idempotency-Key was already used with a different request',
    });
  }
  return { status: row.status, body: row.response };
}

/**
 * Claims a key inside the submission's transaction. The unique key makes concurrent requests with
 * the same key wait here until the first commits (then they find its result) or rolls back (then
 * one of them proceeds). Returns false when another request holds the key.
 */
export async function claimKey(tx: Executor, scope: string, key: string, hash: string, now: number, ttlHours: number): Promise<boolean> {
  const rows = await tx
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash: hash, status: 0, response: {}, createdAt: new Date(now), expiresAt: new Date(now + ttlHours * 3600_000) })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

export async function completeKey(tx: Executor, scope: string, key: string, dossierId: string, result: StoredResult): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status: result.status, response: result.body, dossierId })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

export async function purgeExpiredKeys(db: Executor, now: number): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, new Date(now)));
}
