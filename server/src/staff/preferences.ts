import { eq } from 'drizzle-orm';
import { PREFERENCES_MAX_BYTES, type StaffPreferences } from '@motcua/api';
import type { Issue } from '@motcua/core';
import type { Executor } from '../db/client.ts';
import { staffPreferences } from '../db/schema/index.ts';
import { errors } from '../http/errors.ts';

/** What a staff member who never saved any has. */
export const DEFAULT_PREFERENCES: StaffPreferences = { savedFilters: [], columns: null };

export async function loadPreferences(db: Executor, staffId: string): Promise<StaffPreferences> {
  const rows = await db
    .select({ preferences: staffPreferences.preferences })
    .from(staffPreferences)
    .where(eq(staffPreferences.staffId, staffId));
  return rows[0]
    ? { ...DEFAULT_PREFERENCES, ...(rows[0].preferences as Partial<StaffPreferences>) }
    : DEFAULT_PREFERENCES;
}

/**
 * Checks what the schema cannot say (the size as a whole, unique filter names), then replaces the
 * stored preferences in one statement.
 */
export async function savePreferences(db: Executor, staffId: string, p: StaffPreferences, now: number): Promise<void> {
  const bytes = new TextEncoder().encode(JSON.stringify(p)).length;
  if (bytes > PREFERENCES_MAX_BYTES)
    throw errors.tooLarge([
      {
        pointer: '/body',
        code: 'too-large',
        message: {
          vi: `Tùy chọn quá lớn (${bytes} byte, tối đa ${PREFERENCES_MAX_BYTES})`,
          en: `The preferences are too large (${bytes} bytes, at most ${PREFERENCES_MAX_BYTES})`,
        },
      },
    ]);
  const seen = new Set<string>();
  const issues: Issue[] = [];
  p.savedFilters.forEach((f, i) => {
    const name = f.name.trim();
    if (seen.has(name))
      issues.push({
        pointer: `/body/savedFilters/${i}/name`,
        code: 'duplicate',
        message: { vi: `Đã có bộ lọc tên “${name}”`, en: `A saved filter is already named “${name}”` },
      });
    seen.add(name);
  });
  if (issues.length) throw errors.invalid(issues);
  const at = new Date(now);
  await db
    .insert(staffPreferences)
    .values({ staffId, preferences: p, updatedAt: at })
    .onConflictDoUpdate({ target: staffPreferences.staffId, set: { preferences: p, updatedAt: at } });
}
