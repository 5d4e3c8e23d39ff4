/**
 * Text going onto paper: Unicode NFC (Vietnamese typed on some keyboards or pasted from PDFs arrives
 * decomposed, "e" + U+0302 + U+0303; fonts and text extraction expect the precomposed "ễ"), without
 * control characters other than line breaks and tabs.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function cleanText(s: string): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** A deep copy of `value` with every string cleaned (keys too). */
export function cleanDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(v: unknown): unknown {
  if (typeof v === 'string') return cleanText(v);
  if (Array.isArray(v)) return v.map(walk);
  // Plain records only (database drivers may hand out null-prototype rows); Dates and the like pass.
  const proto = v !== null && typeof v === 'object' ? Object.getPrototypeOf(v) : undefined;
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as object)) out[cleanText(k)] = walk(x);
    return out;
  }
  return v;
}
