/**
 * The tracking secret an applicant keeps beside the dossier code: read aloud over the phone,
 * copied from paper, typed on a phone. Its alphabet has no look-alikes (no 0/O, 1/I/L) and no
 * case; it is printed in groups of five, and accepted in any case and with any spacing or
 * hyphens. Twenty symbols of 31 carry 99 bits: guessing is hopeless, and the code must match too.
 */
export const TRACKING_SECRET_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_SECRET_LENGTH = 20;
const GROUP = 5;

/**
 * A new secret from random bytes (the server's CSPRNG). Bytes at or above 248 are skipped so that
 * every symbol is equally likely; null when the bytes run out (ask again with more).
 */
export function trackingSecretFrom(bytes: Uint8Array): string | null {
  const n = TRACKING_SECRET_ALPHABET.length;
  const limit = Math.floor(256 / n) * n;
  let out = '';
  for (const b of bytes) {
    if (b >= limit) continue;
    out += TRACKING_SECRET_ALPHABET[b % n];
    if (out.length === TRACKING_SECRET_LENGTH) return formatTrackingSecret(out);
  }
  return null;
}

/** The secret as people type it, reduced to its symbols: upper case, without spaces or hyphens. */
export function normalizeTrackingSecret(text: string): string {
  return text.replace(/[\s\-.]+/g, '').toUpperCase();
}

/** True when `text` (in any case and spacing) is a secret of this alphabet. */
export function isTrackingSecret(text: string): boolean {
  const s = normalizeTrackingSecret(text);
  return s.length === TRACKING_SECRET_LENGTH && [...s].every((c) => TRACKING_SECRET_ALPHABET.includes(c));
}

/** Groups of five for reading aloud: "K7M2Q-X9ABC-…". */
export function formatTrackingSecret(text: string): string {
  const s = normalizeTrackingSecret(text);
  const groups: string[] = [];
  for (let i = 0; i < s.length; i += GROUP) groups.push(s.slice(i, i + GROUP));
  return groups.join('-');
}
