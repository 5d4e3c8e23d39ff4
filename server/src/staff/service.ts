import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { isRole, type Issue, type Role } from '@motcua/core';
import type { Executor } from '../db/client.ts';
import { agencies, staff, staffRoles } from '../db/schema/index.ts';
import { errors } from '../http/errors.ts';
import { hashPassword, passwordProblem } from '../auth/password.ts';
import { endSessionsOf } from '../auth/sessions.ts';
import type { Grant } from '../http/principal.ts';

export interface StaffView {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  agencyCode: string;
  active: boolean;
  hasPassword: boolean;
  roles: Grant[];
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface NewStaff {
  username: string;
  fullName: string;
  email?: string | null;
  phone?: string | null;
  agencyCode: string;
  password?: string | null;
  /** A ready scrypt hash (the demo seed hashes its one password once for every account). */
  passwordHash?: string;
  roles: Grant[];
}

/** The public view of a staff row with its role grants (never the password hash). */
function toView(s: typeof staff.$inferSelect, roles: (typeof staffRoles.$inferSelect)[]): StaffView {
  return {
    id: s.id,
    username: s.username,
    fullName: s.fullName,
    email: s.email,
    phone: s.phone,
    agencyCode: s.agencyCode,
    active: s.active,
    hasPassword: s.passwordHash !== null,
    roles: roles
      .map((r) => ({ agency: r.agencyCode, role: r.role as Role }))
      .sort((a, b) => a.agency.localeCompare(b.agency) || a.role.localeCompare(b.role)),
    revision: s.revision,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

export async function staffView(db: Executor, id: string): Promise<StaffView | null> {
  const rows = await db.select().from(staff).where(eq(staff.id, id));
  const s = rows[0];
  if (!s) return null;
  const roles = await db.select().from(staffRoles).where(eq(staffRoles.staffId, id));
  return toView(s, roles);
}

async function checkGrants(db: Executor, grants: Grant[], pointer: string): Promise<Issue[]> {
  const issues: Issue[] = [];
  const codes = [...new Set(grants.map((g) => g.agency))];
  const found = codes.length
    ? await db
        .select({ code: agencies.code, active: agencies.active })
        .from(agencies)
        .where(inArray(agencies.code, codes))
    : [];
  const known = new Map(found.map((a) => [a.code, a.active]));
  grants.forEach((g, i) => {
    if (!isRole(g.role))
      issues.push({
        pointer: `${pointer}/${i}/role`,
        code: 'unknown-role',
        message: { vi: `Vai trò "${g.role}" không tồn tại`, en: `Unknown role "${g.role}"` },
      });
    if (!known.has(g.agency))
      issues.push({
        pointer: `${pointer}/${i}/agency`,
        code: 'unknown-agency',
        message: { vi: `Cơ quan "${g.agency}" không tồn tại`, en: `Unknown agency "${g.agency}"` },
      });
    else if (!known.get(g.agency))
      issues.push({
        pointer: `${pointer}/${i}/agency`,
        code: 'inactive-agency',
        message: { vi: `Cơ quan "${g.agency}" đã ngừng hoạt động`, en: `Agency "${g.agency}" is inactive` },
      });
  });
  return issues;
}

export async function createStaff(db: Executor, input: NewStaff, at: number): Promise<string> {
  const username = input.username.trim().toLowerCase();
  const issues: Issue[] = [];
  if (!USERNAME.test(username)) {
    issues.push({
      pointer: '/body/username',
      code: 'pattern',
      message: {
        vi: 'Tên đăng nhập chỉ gồm chữ thường không dấu, số và . _ @ - (2–64 ký tự)',
        en: 'A username has 2–64 lower-case letters, digits and . _ @ -',
      },
    });
  }
  if (input.password) {
    const p = passwordProblem(input.password);
    if (p) issues.push({ pointer: '/body/password', code: 'weak-password', message: p });
  }
  issues.push(...(await checkGrants(db, input.roles, '/body/roles')));
  if (issues.length) throw errors.invalid(issues);
  const dup = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, username));
  if (dup[0])
    throw errors.conflict('username_taken', {
      vi: `Tên đăng nhập "${username}" đã được dùng`,
      en: `Username "${username}" is taken`,
    });
  const id = randomUUID();
  const when = new Date(at);
  await db.insert(staff).values({
    id,
    username,
    fullName: input.fullName.normalize('NFC'),
    email: input.email ?? null,
    phone: input.phone ?? null,
    agencyCode: input.agencyCode,
    passwordHash: input.passwordHash ?? (input.password ? await hashPassword(input.password) : null),
    createdAt: when,
    updatedAt: when,
  });
  await writeRoles(db, id, input.roles);
  return id;
}

async function writeRoles(db: Executor, id: string, grants: Grant[]): Promise<void> {
  await db.delete(staffRoles).where(eq(staffRoles.staffId, id));
  const unique = new Map(grants.map((g) => [`${g.agency}|${g.role}`, g]));
  if (unique.size)
    await db
      .insert(staffRoles)
      .values([...unique.values()].map((g) => ({ staffId: id, agencyCode: g.agency, role: g.role })));
}

export async function setStaffRoles(db: Executor, id: string, grants: Grant[], at: number): Promise<void> {
  const issues = await checkGrants(db, grants, '/body/roles');
  if (issues.length) throw errors.invalid(issues);
  await writeRoles(db, id, grants);
  await db
    .update(staff)
    .set({ updatedAt: new Date(at) })
    .where(eq(staff.id, id));
}

export interface StaffPatch {
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  active?: boolean;
  /** An administrator sets a new password (the account's sessions end). */
  password?: string;
  revision?: number;
}

export async function updateStaff(db: Executor, id: string, patch: StaffPatch, at: number): Promise<void> {
  const rows = await db.select().from(staff).where(eq(staff.id, id)).for('update');
  const s = rows[0];
  if (!s) throw errors.notFound({ vi: 'Không tìm thấy tài khoản', en: 'Account not found' });
  if (patch.revision !== undefined && patch.revision !== s.revision) {
    throw errors.conflict(
      'stale',
      {
        vi: 'Tài khoản đã bị người khác thay đổi, hãy tải lại',
        en: 'The account was changed by someone else; reload it',
      },
      { revision: s.revision },
    );
  }
  if (patch.password !== undefined) {
    const p = passwordProblem(patch.password);
    if (p) throw errors.invalid([{ pointer: '/body/password', code: 'weak-password', message: p }]);
  }
  await db
    .update(staff)
    .set({
      fullName: patch.fullName?.normalize('NFC') ?? s.fullName,
      email: patch.email === undefined ? s.email : patch.email,
      phone: patch.phone === undefined ? s.phone : patch.phone,
      active: patch.active ?? s.active,
      passwordHash: patch.password !== undefined ? await hashPassword(patch.password) : s.passwordHash,
      updatedAt: new Date(at),
      revision: s.revision + 1,
    })
    .where(eq(staff.id, id));
  if (patch.password !== undefined || patch.active === false) await endSessionsOf(db, id);
}

export async function staffOfAgency(db: Executor, agencyCodes: string[]): Promise<StaffView[]> {
  if (!agencyCodes.length) return [];
  const rows = await db.select().from(staff).where(inArray(staff.agencyCode, agencyCodes));
  if (!rows.length) return [];
  const roles = await db
    .select()
    .from(staffRoles)
    .where(
      inArray(
        staffRoles.staffId,
        rows.map((r) => r.id),
      ),
    );
  return rows
    .map((s) =>
      toView(
        s,
        roles.filter((r) => r.staffId === s.id),
      ),
    )
    .sort((a, b) => a.username.localeCompare(b.username));
}
