/**
 * SMS text. Vietnamese with its diacritics needs UCS-2, which leaves 70 characters per message (67
 * per part of a long one); the carriers' brandname SMS are sent unaccented ("không dấu") in the
 * GSM 03.38 alphabet instead, 160 characters in one message. Notifications are written for that:
 * folded to the GSM alphabet and kept to ONE 160-character message (no concatenation, which some
 * handsets and gateways still split or bill per part).
 */

/** The GSM 03.38 basic character set (each counts 1). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table (each counts 2: an escape and the character). */
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

/** One GSM-7 message holds this many septets. */
export const SMS_MAX_SEPTETS = 160;

/** Septets the text takes in GSM-7, or null when a character is outside the alphabet (UCS-2 needed). */
export function gsmSeptets(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) n += 1;
    else if (GSM_EXTENDED.has(ch)) n += 2;
    else return null;
  }
  return n;
}

/**
 * Vietnamese folded to GSM-7: diacritics dropped (case kept), đ/Đ → d/D, typographic punctuation
 * replaced, anything else left outside the alphabet becomes "?".
 */
export function toGsmText(text: string): string {
  const folded = text
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
  let out = '';
  for (const ch of folded) out += GSM_BASIC.has(ch) || GSM_EXTENDED.has(ch) ? ch : '?';
  return out;
}

/**
 * The first of `candidates` (longest first: with the link, then without) that fits one GSM-7
 * message once folded; the last one cut to fit otherwise.
 */
export function fitSms(candidates: readonly string[]): string {
  const folded = candidates.map(toGsmText);
  for (const text of folded) if ((gsmSeptets(text) ?? Infinity) <= SMS_MAX_SEPTETS) return text;
  let last = folded.at(-1) ?? '';
  while ((gsmSeptets(last) ?? Infinity) > SMS_MAX_SEPTETS - 3) last = last.slice(0, -1);
  return `${last.trimEnd()}...`;
}
