import type { Message } from '@motcua/core';

/** The words of a form given its procedure as data: a part of the one string table (strings.ts), loaded with it. */
export const GIVEN_STRINGS = {
  previewOnly: {
    vi: 'Đây là bản xem trước: tờ khai không được gửi đi.',
    en: 'This is a preview: the form is not sent anywhere.',
  },
} satisfies Record<string, Message>;
