import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { apiTokens, staff, staffRoles } from '../db/schema/index.ts';
import { randomToken, tokenHash } from './secret.ts';
import { GRANT_ORDER, PRINCIPAL_COLUMNS, principalOf } from './load-principal.ts';
import type { Principal } from '../http/principal.ts';

/** Bearer tokens look like `mct_<random>`; the prefix lets secret scanners recognise them. */
export const TOKEN_PREFIX = 'mct_';

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function createApiToken(
  db: Executor,
  staffId: string,
  name: string,
  now: number,
  expiresAt: Date | null,
): Promise<{ token: string; info: ApiTokenInfo }> {
  const token = TOKEN_PREFIX + randomToken();
  const id = randomUUID();
  await db
    .insert(apiTokens)
    .values({ id, staffId, name, tokenHash: tokenHash(token), createdAt: new Date(now), expiresAt });
  return {
    token,
    info: {
      id,
      name,
      createdAt: new Date(now).toISOString(),
      expiresAt: expiresAt?.toISOString() ?? null,
      lastUsedAt: null,
      revokedAt: null,
    },
  };
}

export async function listApiTokens(db: Executor, staffId: string): Promise<ApiTokenInfo[]> {
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.staffId, staffId));
  return rows
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt?.toISOString() ?? null,
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
    }));
}

/** Revokes a token of `staffId`; false when there is no such live token. */
export async function revokeApiToken(db: Executor, staffId: string, tokenId: string, now: number): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.staffId, staffId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/**
 * The principal behind a bearer token, or null (unknown, revoked, expired, account inactive).
 * Integrations send one with every call: the token, its active account and the account's roles
 * come in one query (one row per role).
 */
export async function resolveApiToken(db: Executor, token: string, now: number): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const rows = await db
    .select({
      tokenId: apiTokens.id,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      ...PRINCIPAL_COLUMNS,
    })
    .from(apiTokens)
    .innerJoin(staff, and(eq(staff.id, apiTokens.staffId), eq(staff.active, true)))
    .leftJoin(staffRoles, eq(staffRoles.staffId, staff.id))
    .where(eq(apiTokens.tokenHash, tokenHash(token)))
    .orderBy(...GRANT_ORDER);
  const t = rows[0];
  if (!t || t.revokedAt || (t.expiresAt && t.expiresAt.getTime() <= now)) return null;
  const principal = principalOf(t, rows, 'token');
  if (!t.lastUsedAt || now - t.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiTokens.id, t.tokenId));
  }
  return { ...principal, tokenId: t.tokenId };
}
