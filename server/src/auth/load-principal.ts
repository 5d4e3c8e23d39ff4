import { and, asc, eq } from 'drizzle-orm';
import { isRole } from '@motcua/core';
import type { Executor } from '../db/client.ts';
import { staff, staffRoles } from '../db/schema/index.ts';
import type { Principal } from '../http/principal.ts';

/** An account's fields a principal carries. */
export interface PrincipalAccount {
  id: string;
  username: string;
  fullName: string;
  agencyCode: string;
}

/** The principal of an account and its roles (rows with a null role are left out: a join that found none). */
export function principalOf(
  s: PrincipalAccount,
  roles: readonly { agency: string | null; role: string | null }[],
  via: Principal['via'],
): Principal {
  return {
    staffId: s.id,
    username: s.username,
    fullName: s.fullName,
    agencyCode: s.agencyCode,
    grants: roles
      .filter((r): r is { agency: string; role: string } => r.agency !== null && r.role !== null && isRole(r.role))
      .map((r) => ({ agency: r.agency, role: r.role as Principal['grants'][number]['role'] })),
    via,
  };
}

/** The columns of a principal read in one query: the account and, one row each, its grants. */
export const PRINCIPAL_COLUMNS = {
  id: staff.id,
  username: staff.username,
  fullName: staff.fullName,
  agencyCode: staff.agencyCode,
  agency: staffRoles.agencyCode,
  role: staffRoles.role,
};

/** The order of an account's grants, the same however they are read. */
export const GRANT_ORDER = [asc(staffRoles.agencyCode), asc(staffRoles.role)];

/** The principal of an active staff account (null when unknown or deactivated). */
export async function loadPrincipal(db: Executor, staffId: string, via: Principal['via']): Promise<Principal | null> {
  const rows = await db
    .select({ id: staff.id, username: staff.username, fullName: staff.fullName, agencyCode: staff.agencyCode })
    .from(staff)
    .where(and(eq(staff.id, staffId), eq(staff.active, true)));
  const s = rows[0];
  if (!s) return null;
  const roles = await db
    .select({ agency: staffRoles.agencyCode, role: staffRoles.role })
    .from(staffRoles)
    .where(eq(staffRoles.staffId, staffId))
    .orderBy(...GRANT_ORDER);
  return principalOf(s, roles, via);
}
