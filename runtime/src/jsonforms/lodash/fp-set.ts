import { toPath } from './lite.ts';

/**
 * lodash/fp/set as @jsonforms/core calls it, set(path, value, object): a copy of `object` with
 * `value` at `path`, cloning only the containers along the path. Part of replacing lodash (CommonJS,
 * not tree-shakable, ~20 KB gzip in the bundle) by es-toolkit's lodash-compatible functions.
 */
export default function set(path: string | readonly (string | number)[], value: unknown, object: unknown): unknown {
  const keys = toPath(path).map(String); // JSON Forms' paths are strings
  const go = (node: unknown, i: number): unknown => {
    if (i === keys.length) return value;
    const key = keys[i]!;
    const copy: Record<string, unknown> | unknown[] =
      node !== null && typeof node === 'object'
        ? Array.isArray(node)
          ? [...node]
          : { ...(node as object) }
        : /^(0|[1-9]\d*)$/.test(key)
          ? []
          : {};
    (copy as Record<string, unknown>)[key] = go((node as Record<string, unknown> | null | undefined)?.[key], i + 1);
    return copy;
  };
  return go(object, 0);
}
