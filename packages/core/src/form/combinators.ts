/**
 * What the form shows for a schema made of parts: `allOf` as one object whose properties and
 * required fields are those of every part (references followed, each part once, so a schema
 * that includes itself ends), and `oneOf`/`anyOf` as alternatives, each completed with what the
 * schema says beside them (its type, its title…). Plain JSON in, plain JSON out: the runtime lays
 * these out, the publishing checks walk them the same way.
 */
import { isNode, own, resolveSchema } from './resolve-schema.ts';

type Node = Record<string, unknown>;

/** Keywords that decide validity only: they have no place in what a form lays out. */
const NOT_LAID_OUT = new Set([
  'allOf',
  'oneOf',
  'anyOf',
  'if',
  'then',
  'else',
  'not',
  '$ref',
  'properties',
  'required',
]);

/** `schema` with its `allOf` parts merged in (first one wins for other keywords). */
export function mergeAllOf(schema: unknown, rootSchema: unknown): Node {
  const out: Node = {};
  const properties: Node = {};
  const required = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (s: unknown): void => {
    const ref = own(s, '$ref');
    if (typeof ref === 'string') visit(resolveSchema(rootSchema, ref, rootSchema));
    if (!isNode(s) || Array.isArray(s) || seen.has(s)) return;
    seen.add(s);
    for (const [key, value] of Object.entries(s)) if (!NOT_LAID_OUT.has(key) && !(key in out)) out[key] = value;
    const props = own(s, 'properties');
    if (isNode(props)) for (const [name, p] of Object.entries(props)) if (!(name in properties)) properties[name] = p;
    const req = own(s, 'required');
    if (Array.isArray(req)) for (const r of req) if (typeof r === 'string') required.add(r);
    const parts = own(s, 'allOf');
    if (Array.isArray(parts)) parts.forEach(visit);
  };
  visit(schema);
  if (Object.keys(properties).length) {
    out.properties = properties;
    out.type ??= 'object';
  }
  if (required.size) out.required = [...required];
  return out;
}

/** The alternatives of a `oneOf` or `anyOf` schema, each with the keywords the schema has beside them. */
export function alternativesOf(schema: unknown, key: 'oneOf' | 'anyOf', rootSchema: unknown): Node[] {
  const list = own(schema, key);
  if (!Array.isArray(list)) return [];
  const beside: Node = {};
  for (const [k, value] of Object.entries(schema as Node))
    if (!NOT_LAID_OUT.has(k) && k !== 'title' && k !== 'description') beside[k] = value;
  if (isNode(own(schema, 'properties'))) beside.properties = own(schema, 'properties');
  return list.map((alternative) => {
    const merged = mergeAllOf(alternative, rootSchema);
    const props = { ...((beside.properties as Node | undefined) ?? {}), ...((merged.properties as Node) ?? {}) };
    const out: Node = { ...beside, ...merged };
    if (Object.keys(props).length) out.properties = props;
    const required = [...new Set([...strings(own(schema, 'required')), ...strings(merged.required)])];
    if (required.length) out.required = required;
    return out;
  });
}

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
