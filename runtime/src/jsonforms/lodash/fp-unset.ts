import { toPath } from './lite.ts';

/** lodash/fp/unset as @jsonforms/core calls it, unset(path, object): a copy without the property at `path`. */
export default function unset(path: string | readonly (string | number)[], object: unknown): unknown {
  const keys = toPath(path).map(String); // JSON Forms' paths are strings
  const go = (node: unknown, i: number): unknown => {
    if (node === null || typeof node !== 'object') return node;
    const key = keys[i]!;
    if (!(key in (node as object))) return node;
    const copy = Array.isArray(node) ? [...node] : { ...(node as Record<string, unknown>) };
    if (i === keys.length - 1) delete (copy as Record<string, unknown>)[key];
    else (copy as Record<string, unknown>)[key] = go((node as Record<string, unknown>)[key], i + 1);
    return copy;
  };
  return keys.length ? go(object, 0) : object;
}
