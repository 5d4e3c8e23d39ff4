/**
 * How JSON Forms finds the schema of a UI schema element's scope, and what types it reads from a
 * schema: the same answers as @jsonforms/core's `resolveSchema`, `deriveTypes` and `hasType`
 * (3.x), written over plain JSON, so that the renderer testers and the publishing checks pick the
 * renderer the browser picks without loading JSON Forms. A scope that JSON Forms resolves through
 * `oneOf`/`anyOf`/`allOf`/`then`/`else`, or through local `$ref`s, resolves here too.
 */

/** Any JSON value JSON Forms may meet where a schema is expected. */
type Node = Record<string, unknown>;

export const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null;

/** lodash's isEmpty over JSON values: null, '', [], {} — and any number or boolean — are empty. */
export function isEmptyValue(x: unknown): boolean {
  if (x === null || x === undefined) return true;
  if (typeof x === 'string' || Array.isArray(x)) return x.length === 0;
  if (typeof x === 'object') {
    // The first own key answers: no array of every key (a form's `properties` has a hundred).
    for (const key in x) if (Object.hasOwn(x, key)) return false;
    return true;
  }
  return true;
}

/** A JSON Forms scope segment decoded (JSON Forms replaces only the first "~0"). */
const decode = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/, '~');

/** `node[key]` when `node` is an object that has it, else undefined. */
export const own = (node: unknown, key: string): unknown =>
  isNode(node) && Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;

interface Context {
  root: unknown;
  /** Paths being resolved from each schema: a cycle of references resolves to nothing. */
  visiting: Map<unknown, Set<unknown>>;
  /** Alternatives being searched for each remaining path: a schema among its own alternatives (`allOf: [{$ref: '#'}]`) is not searched again. */
  searching: Map<unknown, Set<string>>;
}

/**
 * The schema at `path` ("#/properties/a", "items", a `$ref`) from `schema`, references resolved
 * against `root`; undefined when it does not resolve.
 */
export function resolveSchema(schema: unknown, path: unknown, root: unknown): unknown {
  return resolveFrom(schema, path, { root, visiting: new Map(), searching: new Map() });
}

function resolveFrom(schema: unknown, path: unknown, ctx: Context): unknown {
  let found: unknown;
  const ref = own(schema, '$ref');
  if (typeof ref === 'string') {
    const base = resolvePath(ctx.root, ref, ctx);
    if (base !== undefined) found = resolvePath(base, path, ctx);
  }
  // A $ref may stand beside other keywords (draft 2019+): the path may also resolve from them.
  return found === undefined ? resolvePath(schema, path, ctx) : found;
}

function resolvePath(schema: unknown, path: unknown, ctx: Context): unknown {
  let paths = ctx.visiting.get(schema);
  if (!paths) ctx.visiting.set(schema, (paths = new Set()));
  if (paths.has(path)) return undefined;
  paths.add(path);
  // No path (a Control without a scope) is the schema itself.
  const found = withCombinators(schema, typeof path === 'string' ? path.split('/').map(decode) : [], ctx);
  paths.delete(path);
  return found;
}

function withCombinators(schema: unknown, segments: readonly string[], ctx: Context): unknown {
  if (segments.length === 0) return schema;
  if (isEmptyValue(schema)) return undefined;
  const found = bySegments(schema, segments, ctx);
  if (found !== undefined) return found;
  // Not found directly: JSON Forms tries each alternative and branch, in this order. JSON Forms
  // overflows the stack on a schema that is its own alternative; here that path is not found there.
  const key = segments.join('/');
  let searching = ctx.searching.get(schema);
  if (!searching) ctx.searching.set(schema, (searching = new Set()));
  if (searching.has(key)) return undefined;
  searching.add(key);
  try {
    for (const k of ['oneOf', 'allOf', 'anyOf', 'then', 'else']) {
      const value = own(schema, k);
      for (const sub of Array.isArray(value) ? value : value == null ? [] : [value]) {
        const subRef = own(sub, '$ref');
        const target = typeof subRef === 'string' ? resolveFrom(ctx.root, subRef, ctx) : sub;
        const alternative = withCombinators(target, segments, ctx);
        if (alternative) return alternative;
      }
    }
    return undefined;
  } finally {
    searching.delete(key);
  }
}

function bySegments(schema: unknown, segments: readonly string[], ctx: Context): unknown {
  if (segments.length === 0) return schema;
  if (isEmptyValue(schema)) return undefined;
  // "#" and empty segments are skipped; a reference met on the way is followed.
  let i = 0;
  while (i < segments.length && (segments[i] === '#' || segments[i] === '')) i++;
  let next = i < segments.length ? own(schema, segments[i]!) : schema;
  const ref = own(next, '$ref');
  if (typeof ref === 'string') next = resolveFrom(ctx.root, ref, ctx);
  return withCombinators(next, segments.slice(i + 1), ctx);
}

/** The JSON types a schema stands for, as JSON Forms derives them (its `deriveTypes`). */
export function deriveTypes(schema: unknown): string[] {
  if (!isNode(schema) || isEmptyValue(schema)) return [];
  const type = schema.type;
  if (typeof type === 'string' && type !== '') return [type];
  if (Array.isArray(type)) return type as string[];
  if (!isEmptyValue(schema.properties) || !isEmptyValue(schema.additionalProperties)) return ['object'];
  if (!isEmptyValue(schema.items)) return ['array'];
  if (!isEmptyValue(schema.enum) && Array.isArray(schema.enum)) {
    const types = new Set<string>();
    for (const value of schema.enum) {
      if (typeof value === 'string') types.add('string');
      else deriveTypes(value).forEach((t) => types.add(t));
    }
    return [...types];
  }
  if (!isEmptyValue(schema.allOf) && Array.isArray(schema.allOf)) {
    const typed = schema.allOf.find((s) => deriveTypes(s).length !== 0);
    if (typed) return deriveTypes(typed);
  }
  return [];
}

export function hasType(schema: unknown, type: string): boolean {
  return deriveTypes(schema).includes(type);
}

/** An enum: `enum` or `const` (JSON Forms' isEnumSchema). */
export function isEnumSchema(schema: unknown): boolean {
  return (
    isNode(schema) &&
    (Object.prototype.hasOwnProperty.call(schema, 'enum') || Object.prototype.hasOwnProperty.call(schema, 'const'))
  );
}

/** An enum as `oneOf` of `const`s, each with its own title (JSON Forms' isOneOfEnumSchema). */
export function isOneOfEnumSchema(schema: unknown): boolean {
  const oneOf = own(schema, 'oneOf');
  return Array.isArray(oneOf) && oneOf.every((s) => isNode(s) && s.const !== undefined);
}
