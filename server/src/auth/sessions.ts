import { and, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { sessions, staff, staffRoles } from '../db/schema/index.ts';
import { randomToken, tokenHash } from './secret.ts';
import { GRANT_ORDER, PRINCIPAL_COLUMNS, principalOf } from './load-principal.ts';
import type { Principal } from '../http/principal.ts';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a session: the cookie gets `token`; only its hash is stored. */
export async function createSession(
  db: Executor,
  staffId: string,
  now: number,
  ttlMinutes: number,
  client: { ip?: string; userAgent?: string },
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now + ttlMinutes * 60_000);
  await db.insert(sessions).values({
    id: tokenHash(token),
    staffId,
    csrfToken,
    createdAt: new Date(now),
    lastSeenAt: new Date(now),
    expiresAt,
    ip: client.ip ?? null,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

/**
 * The principal of a session cookie, or null. Sessions slide: each use (at most once a minute)
 * pushes the expiry `ttlMinutes` ahead. Every API call asks this: the session, its active account
 * and the account's roles come in one query (one row per role).
 */
export async function resolveSession(
  db: Executor,
  token: string,
  now: number,
  ttlMinutes: number,
): Promise<Principal | null> {
  const id = tokenHash(token);
  const rows = await db
    .select({ ...PRINCIPAL_COLUMNS, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(staff, and(eq(staff.id, sessions.staffId), eq(staff.active, true)))
    .leftJoin(staffRoles, eq(staffRoles.staffId, staff.id))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date(now))))
    .orderBy(...GRANT_ORDER);
  const s = rows[0];
  if (!s) return null;
  const principal = principalOf(s, rows, 'session');
  if (now - s.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now), expiresAt: new Date(now + ttlMinutes * 60_000) })
      .where(eq(sessions.id, id));
  }
  return { ...principal, sessionId: id, csrfToken: s.csrfToken };
}

export async function endSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of an account (password change, deactivation). */
export async function endSessionsOf(db: Executor, staffId: string, except?: string): Promise<void> {
  const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.staffId, staffId));
  for (const r of rows) if (r.id !== except) await db.delete(sessions).where(eq(sessions.id, r.id));
}

export async function purgeExpiredSessions(db: Executor, now: number): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date(now)));
}
