import type { Message } from '../i18n/text.ts';

/** Dossier statuses of the national public service portal (codes 1–10). */
export const STATUSES = {
  1: { vi: 'Mới đăng ký', en: 'Newly submitted' },
  2: { vi: 'Được tiếp nhận', en: 'Accepted' },
  3: { vi: 'Không được tiếp nhận', en: 'Refused at reception' },
  4: { vi: 'Đang xử lý', en: 'In progress' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn at the applicant\u2019s request' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Result ready' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
} as const satisfies Record<number, Message>;

export type StatusCode = keyof typeof STATUSES;
export const STATUS_CODES = Object.keys(STATUSES).map(Number) as StatusCode[];

/** Statuses during which the deadline clock does not run. */
export const PAUSED_STATUSES: readonly StatusCode[] = [5, 6];

/**
 * Statuses nothing may leave. Status 8 (stopped) becomes terminal once the stop notice is
 * handed over (`closed`), see `isTerminal`.
 */
export const TERMINAL_STATUSES: readonly StatusCode[] = [3, 7, 10];

export function isTerminal(status: StatusCode, closed: boolean): boolean {
  return TERMINAL_STATUSES.includes(status) || (status === 8 && closed);
}

export function isStatusCode(n: unknown): n is StatusCode {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 10;
}
