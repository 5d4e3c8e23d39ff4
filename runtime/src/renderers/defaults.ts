import type { JsonSchema } from '@motcua/core';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A new form's data with the schema's `default`s filled in (and `false` for a yes/no without one): at the top level, and inside nested
 * objects that are required or already present. An optional object (e.g. the father, shown only
 * when known) is not created just to hold defaults: it would then have to be complete.
 */
export function withDefaults(schema: JsonSchema, data: unknown): unknown {
  if (!isObj(schema)) return data;
  if (data === undefined && schema.default !== undefined) return structuredClone(schema.default);
  const props = isObj(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : null;
  if (!props || (data !== undefined && !isObj(data))) return data;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const out: Obj = { ...((data as Obj | undefined) ?? {}) };
  for (const [name, prop] of Object.entries(props)) {
    if (!isObj(prop)) continue;
    if (out[name] === undefined && prop.default !== undefined) {
      out[name] = structuredClone(prop.default);
    } else if (out[name] === undefined && prop.type === 'boolean') {
      // A yes/no box shows unticked: that is the answer "no", never a missing one.
      out[name] = false;
    } else if (isObj(prop.properties) && (out[name] !== undefined || required.has(name))) {
      const filled = withDefaults(prop, out[name] ?? {});
      if (out[name] !== undefined || (isObj(filled) && Object.keys(filled).length > 0)) out[name] = filled;
    }
  }
  return out;
}

/**
 * Fills the defaults of objects that `after` has and `before` had not: an optional object (the
 * father's details) gets its defaults the moment the applicant starts it, not before, and a value
 * the applicant later clears stays cleared.
 */
export function withDefaultsForNewObjects(schema: JsonSchema, before: unknown, after: unknown): unknown {
  if (!isObj(schema) || !isObj(after)) return after;
  const props = isObj(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : null;
  if (!props) return after;
  const prev = isObj(before) ? before : {};
  let out: Obj | null = null;
  for (const [name, prop] of Object.entries(props)) {
    const now = after[name];
    if (!isObj(now) || !isObj(prop)) continue;
    const next = prev[name] === undefined ? withDefaults(prop, now) : withDefaultsForNewObjects(prop, prev[name], now);
    if (next !== now) (out ??= { ...after })[name] = next;
  }
  return out ?? after;
}
