import fc from 'fast-check';
import { hostileString, hostileValue } from './hostile-inputs.ts';
import type { OpenApi, Schema } from './operations.ts';

/**
 * Values shaped by a JSON Schema of the OpenAPI document, so that a fuzzed body gets past the
 * schema check often enough to reach the handler behind it: mostly what the schema asks for, with
 * a hostile value (wrong type, NUL, prototype key, huge string) in place of any one part now and
 * then. `strings` are plausible identifiers (agency codes, dates, UUIDs) a string may take.
 */
export function schemaShaped(doc: OpenApi, schema: Schema, strings: readonly string[]): fc.Arbitrary<unknown> {
  const pool = fc.constantFrom(...strings);
  const shaped = (s: Schema, depth: number): fc.Arbitrary<unknown> => {
    if (depth > 8) return hostileValue;
    const exact = exactly(s, depth);
    return fc.oneof({ arbitrary: exact, weight: 12 }, { arbitrary: hostileValue, weight: 1 });
  };
  const exactly = (s: Schema, depth: number): fc.Arbitrary<unknown> => {
    if (typeof s.$ref === 'string') {
      const target = doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')];
      return target ? exactly(target, depth + 1) : hostileValue;
    }
    if ('const' in s) return fc.constant(s.const);
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    const alternatives = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (alternatives?.length) return fc.oneof(...alternatives.slice(0, 30).map((a) => shaped(a, depth + 1)));
    if (Array.isArray(s.allOf) && s.allOf.length) return exactly(s.allOf[0] as Schema, depth + 1);
    const type = Array.isArray(s.type) ? (s.type[0] as string) : (s.type as string | undefined);
    switch (type) {
      case 'object': {
        const props = (s.properties ?? {}) as Record<string, Schema>;
        const names = Object.keys(props).slice(0, 40);
        if (!names.length) return fc.constant({});
        const record = fc.record(Object.fromEntries(names.map((n) => [n, shaped(props[n]!, depth + 1)])), {
          requiredKeys: ((s.required ?? []) as string[]).filter((n) => names.includes(n)),
        });
        return record;
      }
      case 'array': {
        const items = (s.items ?? {}) as Schema;
        const min = Math.min(Number(s.minItems ?? 0), 3);
        return fc.array(shaped(items, depth + 1), { minLength: min, maxLength: Math.max(min, 3) });
      }
      case 'string': {
        const min = Number(s.minLength ?? 0);
        const max = Math.min(Number(s.maxLength ?? 40), 40);
        if (s.format === 'uuid') return fc.uuid();
        if (s.format === 'date') return fc.constantFrom('2026-03-02', '2026-03-31', '2025-12-31');
        if (s.format === 'date-time') return fc.constantFrom('2026-03-02T02:00:00Z', '2026-04-01T09:30:00+07:00');
        return fc.oneof(
          pool,
          fc.string({ minLength: Math.min(min, max), maxLength: Math.max(min, max) }),
          hostileString,
        );
      }
      case 'integer': {
        const min = Number(s.minimum ?? -5);
        const small = fc.integer({ min, max: Math.max(min, Math.min(Number(s.maximum ?? 1000), min + 1000)) });
        // Past the database's int and bigint, and past exact JSON numbers.
        const edges = fc.constantFrom(2 ** 31, 2 ** 53 - 1, 2 ** 63, 1e21, 8.64e15 + 1);
        return fc.oneof({ arbitrary: small, weight: 6 }, { arbitrary: edges, weight: 1 });
      }
      case 'number':
        return fc.double({ noNaN: true, min: Number(s.minimum ?? -1e6), max: Number(s.maximum ?? 1e6) });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        return hostileValue;
    }
  };
  return shaped(schema, 0);
}
