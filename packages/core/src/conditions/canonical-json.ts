/**
 * Canonical JSON (RFC 8785 style): object keys sorted by UTF-16 code units, no insignificant
 * white space, numbers in their shortest ECMAScript form. Used wherever two parties must hash
 * the same value to the same bytes: condition keys, the event chain, idempotent responses.
 * Written as one loop that appends to a string (no intermediate arrays): it runs several times
 * for every dossier the server receives.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i) out += ',';
          const v: unknown = value[i];
          out += v === undefined ? 'null' : canonicalJson(v);
        }
        return out + ']';
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      let out = '{';
      let first = true;
      for (const k of keys) {
        const v = obj[k];
        if (v === undefined) continue;
        if (!first) out += ',';
        first = false;
        out += JSON.stringify(k) + ':' + canonicalJson(v);
      }
      return out + '}';
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}
