import type { JsonSchema } from '../model/procedure.ts';
import { canonicalJson } from './canonical-json.ts';

/**
 * The key under which a precompiled validator for `schema` is stored: a 64-bit FNV-1a hash of the
 * schema's canonical JSON, as 16 hex digits. Equal schemas (whatever their key order) share a key.
 */
export function schemaKey(schema: JsonSchema): string {
  const text = canonicalJson(schema);
  // FNV-1a 64-bit over UTF-16 code units, kept as two 32-bit halves (no BigInt needed).
  let h1 = 0x84222325 >>> 0;
  let h0 = 0xcbf29ce4 >>> 0;
  for (let i = 0; i < text.length; i++) {
    h1 = (h1 ^ text.charCodeAt(i)) >>> 0;
    // multiply (h0:h1) by the FNV prime 0x100000001b3 modulo 2^64
    const lo = h1 * 0x1b3;
    const hi = h0 * 0x1b3 + (h1 << 8) + Math.floor(lo / 0x100000000);
    h1 = lo >>> 0;
    h0 = hi >>> 0;
  }
  return h0.toString(16).padStart(8, '0') + h1.toString(16).padStart(8, '0');
}
