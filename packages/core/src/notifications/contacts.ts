import type { Lang } from '../i18n/text.ts';
import type { Issue } from '../model/issue.ts';

export type NotifyChannel = 'email' | 'sms';

/** What the applicant chose when applying: the channels, and the address or number if typed. */
export interface NotifyChoice {
  channels: NotifyChannel[];
  email?: string;
  phone?: string;
  lang?: Lang;
}

/** Where a dossier's notifications go (stored with the dossier): null = that channel is not wanted. */
export interface NotifyContacts {
  email: string | null;
  /** E.164 without "+": 84xxxxxxxxx. */
  phone: string | null;
  lang: Lang;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
/** Vietnamese mobile numbers: 0/84/+84, then a carrier prefix 3, 5, 7, 8 or 9 and eight digits. */
const VN_MOBILE = /^(?:\+?84|0)([35789]\d{8})$/;

/** A Vietnamese mobile number as 84xxxxxxxxx, or null when it is not one (spaces, dots, dashes ignored). */
export function normalizeVnMobile(raw: string): string | null {
  const m = VN_MOBILE.exec(raw.replace(/[\s.\-()]/g, ''));
  return m ? `84${m[1]}` : null;
}

/**
 * Checks the applicant's choice: each chosen channel needs an address — typed in the choice, or
 * else the applicant's own from the form data. `pointer` names the choice in the input.
 */
export function resolveNotifyContacts(
  choice: NotifyChoice,
  applicant: { email?: string | null; phone?: string | null },
  pointer: string,
): { ok: true; contacts: NotifyContacts } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const wants = new Set(choice.channels);
  let email: string | null = null;
  let phone: string | null = null;
  if (!wants.size)
    issues.push({
      pointer: `${pointer}/channels`,
      code: 'minItems',
      message: { vi: 'Chọn ít nhất một cách nhận thông báo', en: 'Choose at least one channel' },
    });
  if (wants.has('email')) {
    const raw = (choice.email ?? applicant.email ?? '').trim();
    if (!raw)
      issues.push({
        pointer: `${pointer}/email`,
        code: 'required',
        message: { vi: 'Cần địa chỉ thư điện tử để nhận thông báo', en: 'An e-mail address is needed' },
      });
    else if (raw.length > 254 || !EMAIL.test(raw))
      issues.push({
        pointer: `${pointer}/email`,
        code: 'format',
        message: { vi: `Địa chỉ thư điện tử không hợp lệ: ${raw}`, en: `Not an e-mail address: ${raw}` },
      });
    else email = raw;
  }
  if (wants.has('sms')) {
    const raw = (choice.phone ?? applicant.phone ?? '').trim();
    const normalized = raw ? normalizeVnMobile(raw) : null;
    if (!raw)
      issues.push({
        pointer: `${pointer}/phone`,
        code: 'required',
        message: { vi: 'Cần số điện thoại di động để nhận tin nhắn', en: 'A mobile number is needed' },
      });
    else if (!normalized)
      issues.push({
        pointer: `${pointer}/phone`,
        code: 'format',
        message: {
          vi: `Số điện thoại di động Việt Nam không hợp lệ: ${raw}`,
          en: `Not a Vietnamese mobile number: ${raw}`,
        },
      });
    else phone = normalized;
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, contacts: { email, phone, lang: choice.lang ?? 'vi' } };
}
