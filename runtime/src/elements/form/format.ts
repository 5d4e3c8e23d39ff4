import { parseInstant, formatInstant, type Lang } from '@motcua/core';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "08:00, Thứ Ba, 03/03/2026" / "08:00, Tuesday, 03/03/2026" in the agency's zone. */
export function humanDateTime(instant: number, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  const f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone,
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return `${time}, ${f.format(instant)}`;
}

/** An ISO instant from the server, shown to people; the text itself when it does not parse. */
export function humanIso(text: string | null | undefined, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  if (!text) return '';
  const instant = parseInstant(text);
  return instant === null ? text : humanDateTime(instant, lang, timeZone);
}

/** The machine-readable form for <time datetime>. */
export function isoOf(instant: number, timeZone = DEFAULT_TIME_ZONE): string {
  return formatInstant(instant, timeZone);
}
