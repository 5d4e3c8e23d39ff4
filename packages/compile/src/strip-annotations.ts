import type { JsonSchema } from '@motcua/core';

/** Keywords that never change what a draft-07 schema accepts or the errors ajv reports for it. */
const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples', '$comment', 'readOnly', 'writeOnly']);

/** Keywords whose value is a map of subschemas, an array of subschemas, or one subschema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_ONE = new Set([
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
]);

/**
 * A copy of `schema` without annotations (titles, descriptions, defaults…) at schema positions.
 * ajv embeds a schema object in the generated code wherever a validator refers to it (enum values,
 * const), annotations included: a procedure's bilingual titles would otherwise be downloaded again
 * with every validator module. Values of `enum`, `const`, `required`… and property *names* are
 * never touched, so the errors are those of the original schema.
 */
export function stripAnnotations(schema: JsonSchema): JsonSchema {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (ANNOTATIONS.has(k)) continue;
    if (SCHEMA_MAPS.has(k) && isMap(v)) out[k] = mapValues(v, stripAnnotations);
    else if (SCHEMA_LISTS.has(k) && Array.isArray(v)) out[k] = v.map((s) => stripAnnotations(s as JsonSchema));
    else if (SCHEMA_ONE.has(k)) out[k] = stripAnnotations(v as JsonSchema);
    else if (k === 'items')
      out[k] = Array.isArray(v) ? v.map((s) => stripAnnotations(s as JsonSchema)) : stripAnnotations(v as JsonSchema);
    else if (k === 'dependencies' && isMap(v))
      out[k] = mapValues(v, (d) => (Array.isArray(d) ? d : stripAnnotations(d as JsonSchema)));
    else out[k] = v;
  }
  return out as JsonSchema;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mapValues<T>(o: Record<string, unknown>, f: (v: T) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as T)]));
}
