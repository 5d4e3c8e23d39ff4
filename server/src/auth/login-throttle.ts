import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { loginFailures } from '../db/schema/index.ts';

/**
 * Failed-login throttling shared by every server process (rows in the database): after
 * `maxFailures` failures for one account (or 4× that from one address) within the window, further
 * attempts are refused until the window has passed — even with the right password.
 */
export interface ThrottleConfig {
  maxFailures: number;
  windowMinutes: number;
}

export function throttleKeys(username: string, ip: string): { account: string; address: string } {
  return { account: `user:${username.toLowerCase()}`, address: `ip:${ip}` };
}

/** Seconds until another attempt is allowed (0: allowed now). */
export async function retryAfter(
  db: Executor,
  username: string,
  ip: string,
  now: number,
  cfg: ThrottleConfig,
): Promise<number> {
  const keys = throttleKeys(username, ip);
  const rows = await db
    .select()
    .from(loginFailures)
    .where(inArray(loginFailures.key, [keys.account, keys.address]));
  const windowMs = cfg.windowMinutes * 60_000;
  let wait = 0;
  for (const r of rows) {
    const limit = r.key === keys.account ? cfg.maxFailures : cfg.maxFailures * 4;
    const end = r.windowStart.getTime() + windowMs;
    if (r.failures >= limit && end > now) wait = Math.max(wait, Math.ceil((end - now) / 1000));
  }
  return wait;
}

export async function recordFailure(
  db: Executor,
  username: string,
  ip: string,
  now: number,
  cfg: ThrottleConfig,
): Promise<void> {
  const keys = throttleKeys(username, ip);
  // Instants travel as ISO text cast in SQL: the drivers differ in how they type a raw Date parameter.
  const windowStart = sql`${new Date(now - cfg.windowMinutes * 60_000).toISOString()}::timestamptz`;
  const nowTs = sql`${new Date(now).toISOString()}::timestamptz`;
  for (const key of [keys.account, keys.address]) {
    await db
      .insert(loginFailures)
      .values({ key, windowStart: new Date(now), failures: 1 })
      .onConflictDoUpdate({
        target: loginFailures.key,
        // A window that has passed starts over.
        set: {
          failures: sql`case when ${loginFailures.windowStart} <= ${windowStart} then 1 else ${loginFailures.failures} + 1 end`,
          windowStart: sql`case when ${loginFailures.windowStart} <= ${windowStart} then ${nowTs} else ${loginFailures.windowStart} end`,
        },
      });
  }
}

export async function clearFailures(db: Executor, username: string): Promise<void> {
  await db.delete(loginFailures).where(inArray(loginFailures.key, [throttleKeys(username, '').account]));
}
