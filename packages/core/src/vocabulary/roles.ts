import type { Message } from '../i18n/text.ts';

/** Staff roles. A staff member holds roles per agency. */
export const ROLES = {
  admin: { vi: 'Quản trị', en: 'Administrator' },
  designer: { vi: 'Thiết kế thủ tục', en: 'Procedure designer' },
  reception: { vi: 'Tiếp nhận và trả kết quả', en: 'Reception' },
  specialist: { vi: 'Chuyên viên xử lý', en: 'Specialist' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  viewer: { vi: 'Theo dõi', en: 'Viewer' },
} as const satisfies Record<string, Message>;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export function isRole(s: unknown): s is Role {
  return typeof s === 'string' && s in ROLES;
}
