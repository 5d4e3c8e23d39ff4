import type { Message } from '../i18n/text.ts';

/** How a dossier reached the agency (kênh tiếp nhận). */
export const CHANNELS = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  direct: { vi: 'Trực tiếp', en: 'At the counter' },
  postal: { vi: 'Bưu chính công ích', en: 'Public postal service' },
} as const satisfies Record<string, Message>;

export type Channel = keyof typeof CHANNELS;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[];
