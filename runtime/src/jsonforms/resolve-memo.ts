type ResolveSchema = (schema: unknown, schemaPath: string, rootSchema: unknown) => unknown;

const NO_ROOT = {};
const isObject = (x: unknown): x is object => typeof x === 'object' && x !== null;

/**
 * JSON Forms' resolveSchema, remembered per (schema, scope, root schema) object: every tester of
 * every renderer resolves the control's scope again (about twenty times per control and render),
 * and the answer only depends on those three, which a form never mutates (a changed schema is a
 * new object). Put in place of @jsonforms/core's own resolveSchema at bundle time
 * (patches/@jsonforms+core+3.8.0.patch), so its testers, mappers and Resolve.schema all use it.
 */
export function memoizeResolve(resolve: ResolveSchema): ResolveSchema {
  const cache = new WeakMap<object, Map<string, WeakMap<object, { value: unknown }>>>();
  return (schema, schemaPath, rootSchema) => {
    if (!isObject(schema) || typeof schemaPath !== 'string') return resolve(schema, schemaPath, rootSchema);
    let byPath = cache.get(schema);
    if (!byPath) cache.set(schema, (byPath = new Map()));
    let byRoot = byPath.get(schemaPath);
    if (!byRoot) byPath.set(schemaPath, (byRoot = new WeakMap()));
    const root = isObject(rootSchema) ? rootSchema : NO_ROOT;
    let hit = byRoot.get(root);
    if (!hit) byRoot.set(root, (hit = { value: resolve(schema, schemaPath, rootSchema) }));
    return hit.value;
  };
}
