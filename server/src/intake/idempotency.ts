import { and, eq, lt } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { Statement } from '../db/pipeline.ts';
import { insertSql } from '../db/insert-sql.ts';
import { PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from '../db/errors.ts';
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
    throw errors.badRequest('idempotency_key', {
      vi: 'Idempotency-Key không hợp lệ (1–255 ký tự in được)',
      en: 'Invalid Idempotency-Key (1–255 printable characters)',
    });
  }
  return key;
}

/**
 * The stored result for a key, if a committed one exists and has not expired: the same body gets
 * the same response, another body is 422. Expired keys are forgotten.
 */
export async function storedResult(
  db: Executor,
  scope: string,
  key: string,
  hash: string,
  now: number,
): Promise<StoredResult | null> {
  const rows = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  const row = rows[0];
  if (!row) return null;
  if (row.expiresAt.getTime() <= now) {
    await db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.scope, scope),
          eq(idempotencyKeys.key, key),
          lt(idempotencyKeys.expiresAt, new Date(now + 1)),
        ),
      );
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
 * Claims a key: the FIRST statement of the submission's transaction (a plain insert). Concurrent
 * requests with the same key wait on its unique index until the first commits — then their insert
 * fails with a unique violation (`isKeyTaken`), their transaction rolls back and they answer with
 * the stored result — or rolls back, and one of them proceeds. The result is completed by the
 * code-allocation statement at the end of the same transaction.
 */
export function claimKeySql(scope: string, key: string, hash: string, now: number, ttlHours: number): Statement {
  return insertSql(idempotencyKeys, [
    {
      scope,
      key,
      requestHash: hash,
      status: 0,
      response: {},
      createdAt: new Date(now),
      expiresAt: new Date(now + ttlHours * 3600_000),
    },
  ]);
}

/** The error of a claim on a key that another request holds (committed first). */
export function isKeyTaken(err: unknown): boolean {
  return pgErrorCode(err) === PG_UNIQUE_VIOLATION && pgConstraint(err) === 'idempotency_keys_scope_key_pk';
}

export async function purgeExpiredKeys(db: Executor, now: number): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, new Date(now)));
}
