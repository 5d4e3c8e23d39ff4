import { and, eq } from 'drizzle-orm';
import { isRole } from '@motcua/core';
import type { Executor } from '../db/client.ts';
import { staff, staffRoles } from '../db/schema/index.ts';
import type { Principal } from '../http/principal.ts';

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
    .where(eq(staffRoles.staffId, staffId));
  return {
    staffId: s.id,
    username: s.username,
    fullName: s.fullName,
    agencyCode: s.agencyCode,
    grants: roles
      .filter((r) => isRole(r.role))
      .map((r) => ({ agency: r.agency, role: r.role as Principal['grants'][number]['role'] })),
    via,
  };
}
