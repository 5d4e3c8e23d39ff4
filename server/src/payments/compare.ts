import { timingSafeEqual } from 'node:crypto';

/** Compares two hex digests in constant time (case-insensitive; a length mismatch is simply false). */
export function sameHex(expected: string, got: string): boolean {
  const a = Buffer.from(expected.toLowerCase());
  const b = Buffer.from(got.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** yyyyMMddHHmmss in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), as both protocols write times. */
export function vnTimestamp(ms: number): string {
  const d = new Date(ms + 7 * 3600_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}
