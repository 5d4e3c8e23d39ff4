import type { Message } from '../i18n/text.ts';

/** Online service level (Decree 42/2022/NĐ-CP). */
export const SERVICE_LEVELS = {
  full: { vi: 'Dịch vụ công trực tuyến toàn trình', en: 'Fully online' },
  partial: { vi: 'Dịch vụ công trực tuyến một phần', en: 'Partly online' },
  information: { vi: 'Chỉ cung cấp thông tin', en: 'Information only' },
} as const satisfies Record<string, Message>;

export type ServiceLevel = keyof typeof SERVICE_LEVELS;
