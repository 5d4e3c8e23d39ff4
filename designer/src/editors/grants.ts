import type { AgencyDirectory } from '@motcua/core';
import type { Client } from '@motcua/api/client';

/**
 * Whether the signed-in staff member may publish or retire procedures owned by `owner`: a
 * designer grant at the owner or at an agency above it (the server's rule; it checks again).
 */
export async function canDesign(client: Client, owner: string, directory: AgencyDirectory | null): Promise<boolean> {
  const session = await client.session();
  return session.staff.roles.some(
    (g) => g.role === 'designer' && (g.agency === owner || (directory?.isInSubtree(owner, g.agency) ?? false)),
  );
}
