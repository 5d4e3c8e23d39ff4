import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { loginFailures } from '../db/schema/index.ts';

/**
 * Failed-login throttling shared by every server process (rows in the database). Counted per
 * account AND address: staff user names are predictable, so failures from anywhere else must not
 * lock the real user out — an attacker only slows themself. After `maxFailures` failures of one
 * pair within the window its attempts wait, progressively: 1 minute after the first failure, then
 * doubling with each further failure, never beyond the window. One address trying many accounts
 * (4× `maxFailures`) waits out the window. A successful login clears its pair.
 */
export interface ThrottleConfig {
  maxFailures: number;
  windowMinutes: number;
}

export function throttleKeys(username: string, ip: string): { account: string; address: string } {
  return { account: `pair:${ip}|${username.toLowerCase()}`, address: `ip:${ip}` };
}

/** How long after the first failure of a window a pair with `failures` failures waits (ms). */
export function pairDelayMs(failures: number, cfg: ThrottleConfig): number {
  if (failures < cfg.maxFailures) return 0;
  return Math.min(cfg.windowMinutes * 60_000, 60_000 * 2 ** Math.min(failures - cfg.maxFailures, 20));
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
    const windowEnd = r.windowStart.getTime() + windowMs;
    const end =
      r.key === keys.account
        ? r.windowStart.getTime() + pairDelayMs(r.failures, cfg)
        : r.failures >= cfg.maxFailures * 4
          ? windowEnd
          : 0;
    if (end > now && windowEnd > now) wait = Math.max(wait, Math.ceil((Math.min(end, windowEnd) - now) / 1000));
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

export async function clearFailures(db: Executor, username: string, ip: string): Promise<void> {
  await db.delete(loginFailures).where(inArray(loginFailures.key, [throttleKeys(username, ip).account]));
}
