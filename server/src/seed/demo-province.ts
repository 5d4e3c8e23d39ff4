import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  AGENCY_KINDS_2008,
  AGENCY_KINDS_2025,
  mergeCalendars,
  parseCalendar,
  type AgencyKind,
  type Calendar,
  type LocalizedText,
  type Role,
} from '@motcua/core';
import { REPOSITORY_ROOT } from '../config/config.ts';

/** The demo province of examples/province/agencies.json (the example procedures use its codes). */
export interface ProvinceFile {
  kinds: '2025' | '2008';
  agencies: { code: string; kind: string; parent: string | null; name: LocalizedText }[];
}

export const EXAMPLES_DIR = join(REPOSITORY_ROOT, 'examples');

export function readProvince(path = join(EXAMPLES_DIR, 'province/agencies.json')): ProvinceFile {
  return JSON.parse(readFileSync(path, 'utf8')) as ProvinceFile;
}

export function kindsOf(file: ProvinceFile): readonly AgencyKind[] {
  return file.kinds === '2008' ? AGENCY_KINDS_2008 : AGENCY_KINDS_2025;
}

/**
 * The national civil-service calendar from examples/calendars/ (one file per year, merged), so the
 * seed never carries a second copy of the dates.
 */
export function readNationalCalendar(dir = join(EXAMPLES_DIR, 'calendars')): Calendar {
  const files = readdirSync(dir)
    .filter((f) => /^vn-\d{4}\.json$/.test(f))
    .sort();
  if (!files.length) throw new Error(`no yearly calendars (vn-YYYY.json) in ${dir}`);
  const calendars = files.map((f) => {
    const parsed = parseCalendar(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    if (!parsed.ok) throw new Error(`${f}: ${parsed.issues.map((i) => `${i.pointer} ${i.message.en}`).join('; ')}`);
    return parsed.calendar;
  });
  return mergeCalendars(calendars[0]!, ...calendars.slice(1));
}

/**
 * The demo accounts' e-mail domain: `.invalid` is reserved (RFC 2606) and never resolves, so the
 * demo's staff digests have an address to go to without ever reaching a real mailbox, even when
 * an operator points MOTCUA_SMTP_URL at a real relay before replacing the demo accounts.
 */
export const DEMO_EMAIL_DOMAIN = 'motcua.invalid';

/** Demo accounts: who holds which role where (usernames are `<role>.<agency slug>`). */
export interface DemoAccount {
  username: string;
  fullName: string;
  /** `<username>@motcua.invalid`: where the staff daily digest goes. */
  email: string;
  agencyCode: string;
  roles: { agency: string; role: Role }[];
}

function slug(name: LocalizedText): string {
  const en = (name.en ?? name.vi)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/provincial people's committee/, 'province')
    .replace(/provincial public administration service centre/, 'service-centre')
    .replace(/department of /, '')
    .replace(/ (ward|commune)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return en;
}

const ROLE_VI: Record<Role, string> = {
  admin: 'Quản trị',
  designer: 'Thiết kế thủ tục',
  reception: 'Tiếp nhận',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
  viewer: 'Theo dõi',
};

/**
 * One account per role where the role is used: the province's administrator and viewer; a
 * designer in each department and the province; reception, specialist and leader in every commune
 * and department (liên thông steps land in departments), and reception at the service centre.
 */
export function demoAccounts(file: ProvinceFile): DemoAccount[] {
  const out: DemoAccount[] = [];
  const add = (role: Role, a: ProvinceFile['agencies'][number]) => {
    const username = `${role}.${slug(a.name)}`;
    out.push({
      username,
      email: `${username}@${DEMO_EMAIL_DOMAIN}`,
      fullName: `${ROLE_VI[role]} — ${a.name.vi}`,
      agencyCode: a.code,
      roles: [{ agency: a.code, role }],
    });
  };
  for (const a of file.agencies) {
    if (a.kind === 'province') (['admin', 'designer', 'leader', 'viewer'] as Role[]).forEach((r) => add(r, a));
    else if (a.kind === 'province-department')
      (['designer', 'reception', 'specialist', 'leader'] as Role[]).forEach((r) => add(r, a));
    else if (a.kind === 'public-service-centre') (['reception'] as Role[]).forEach((r) => add(r, a));
    else (['admin', 'reception', 'specialist', 'leader', 'viewer'] as Role[]).forEach((r) => add(r, a));
  }
  return out;
}
