import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { staff } from '../db/schema/index.ts';

/** The staff account a login names (usernames are stored trimmed and lower-case), or null. */
export async function findStaffByUsername(db: Executor, username: string) {
  const rows = await db
    .select()
    .from(staff)
    .where(and(eq(staff.username, username.trim().toLowerCase())));
  return rows[0] ?? null;
}
