import type { JsonSchema, JsonSchemaObject } from '../model/procedure.ts';
import { getAt, parsePointer } from '../model/json-pointer.ts';

/**
 * Finding fields in an applicant form schema. A field is "declared" when some `properties` entry
 * names it — directly, through a local `$ref`, or inside `allOf`/`anyOf`/`oneOf`/`then`/`else`
 * (a field that exists only in some cases is still a field). Array elements are reached through
 * `items` with a numeric segment.
 */

/** The schemas a data pointer ("/a/b/0/c") may denote; empty when it names no declared field. */
export function resolveDataPointer(root: JsonSchema, pointer: string): JsonSchemaObject[] {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return [];
  }
  return walk(
    root,
    expand(root, root),
    segments.map((s, i) => (/^(0|[1-9][0-9]*)$/.test(s) && i > 0 ? { either: s } : { property: s })),
  );
}

/**
 * The schemas a JSON Forms scope ("#/properties/a/items/properties/b") denotes, resolved from
 * `base` (the form schema, or an array's item schema inside a detail layout); empty when it does
 * not resolve to a declared field. "#" is the whole of `base`.
 */
export function resolveScope(root: JsonSchema, base: JsonSchema, scope: string): JsonSchemaObject[] {
  if (typeof scope !== 'string' || (scope !== '#' && !scope.startsWith('#/'))) return [];
  let segments: string[];
  try {
    segments = parsePointer(scope.slice(1));
  } catch {
    return [];
  }
  const steps: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s === 'properties' && i + 1 < segments.length) steps.push({ property: segments[++i]! });
    else if (s === 'items') steps.push({ items: null });
    else return [];
  }
  return walk(root, expand(root, base), steps);
}

/** The declared JSON types of a set of schemas (from `type`, `const` and `enum`). */
export function declaredTypes(schemas: readonly JsonSchemaObject[]): Set<string> {
  const types = new Set<string>();
  for (const s of schemas) {
    if (typeof s.type === 'string') types.add(s.type);
    else if (Array.isArray(s.type)) s.type.forEach((t) => types.add(String(t)));
    const values = 'const' in s ? [s.const] : Array.isArray(s.enum) ? s.enum : [];
    for (const v of values)
      types.add(v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  }
  return types;
}

type Segment = { property: string } | { either: string } | { items: number | null };

function walk(root: JsonSchema, start: JsonSchemaObject[], steps: readonly Segment[]): JsonSchemaObject[] {
  let current = start;
  for (const step of steps) {
    const next: JsonSchemaObject[] = [];
    for (const node of current) {
      const props = node.properties;
      const name = 'property' in step ? step.property : 'either' in step ? step.either : undefined;
      if (
        name !== undefined &&
        props &&
        typeof props === 'object' &&
        Object.prototype.hasOwnProperty.call(props, name)
      ) {
        next.push(...expand(root, props[name]!));
      }
      if (('items' in step || 'either' in step) && node.items !== undefined) {
        const index = 'either' in step ? Number(step.either) : step.items;
        if (Array.isArray(node.items)) {
          if (index !== null && node.items[index] !== undefined) next.push(...expand(root, node.items[index]!));
          else if (index === null) node.items.forEach((i) => next.push(...expand(root, i)));
        } else {
          next.push(...expand(root, node.items));
        }
      }
    }
    if (next.length === 0) return [];
    current = next;
  }
  return current;
}

/** A schema and every subschema that applies to the same instance (refs, combinators, branches). */
function expand(root: JsonSchema, schema: JsonSchema, seen = new Set<unknown>()): JsonSchemaObject[] {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return [];
  seen.add(schema);
  const out: JsonSchemaObject[] = [schema];
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) {
    let target: unknown;
    try {
      target = schema.$ref === '#' ? root : getAt(root, decodeURIComponent(schema.$ref.slice(1)));
    } catch {
      target = undefined;
    }
    if (target !== undefined) out.push(...expand(root, target as JsonSchema, seen));
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((s) => out.push(...expand(root, s as JsonSchema, seen)));
  }
  for (const key of ['then', 'else'] as const) {
    if (schema[key] !== undefined) out.push(...expand(root, schema[key] as JsonSchema, seen));
  }
  return out;
}

/**
 * Pointers ("/a/b") of the data's properties that no schema applying there declares, where the
 * schema is closed to others: a form stores what its fields say, not whatever a sender adds. An
 * object is open (anything goes) when no applying schema has `properties`, or one allows more
 * (`additionalProperties` not false, `patternProperties`). Declared fields in every branch count,
 * as for `resolveDataPointer`; arrays are followed through `items`.
 */
export function undeclaredProperties(root: JsonSchema, data: unknown, limit = 20): string[] {
  const out: string[] = [];
  const visit = (schemas: JsonSchemaObject[], value: unknown, pointer: string, depth: number): void => {
    if (out.length >= limit || schemas.length === 0 || depth > 100) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(walk(root, schemas, [{ items: i }]), v, `${pointer}/${i}`, depth + 1));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const declares = schemas.filter((s) => s.properties && typeof s.properties === 'object');
    const open =
      declares.length === 0 ||
      schemas.some(
        (s) => (s.additionalProperties !== undefined && s.additionalProperties !== false) || s.patternProperties,
      );
    for (const key of Object.keys(value)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (declares.some((s) => Object.prototype.hasOwnProperty.call(s.properties, key))) {
        visit(walk(root, schemas, [{ property: key }]), (value as Record<string, unknown>)[key], at, depth + 1);
      } else if (!open) {
        out.push(at);
        if (out.length >= limit) return;
      }
    }
  };
  visit(expand(root, root), data, '', 0);
  return out;
}
