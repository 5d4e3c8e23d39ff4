import { formatPointer, parsePointer } from '@motcua/core';

/**
 * JSON Forms addresses data with dot paths ("members.0.name"); motcua's issues use RFC 6901 JSON
 * pointers ("/members/0/name"). The renderers speak paths, errors and the server speak pointers.
 */
export function pathToPointer(path: string): string {
  return path === '' ? '' : remembered(pointers, path, () => formatPointer(path.split('.')));
}

// Every control asks for its pointer and DOM id on every render: the answers are remembered
// (pure functions of short strings; the maps are emptied if a form ever has very many paths).
const pointers = new Map<string, string>();
const ids = new Map<string, string>();
function remembered(map: Map<string, string>, key: string, compute: () => string): string {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size > 10_000) map.clear();
    map.set(key, (value = compute()));
  }
  return value;
}

export function pointerToPath(pointer: string): string {
  return parsePointer(pointer).join('.');
}

/** True when `pointer` is `base` or lies below it. */
export function isWithin(pointer: string, base: string): boolean {
  return base === '' || pointer === base || pointer.startsWith(base + '/');
}

/**
 * A copy of `root` with `value` at `path` (JSON Forms dot path), sharing untouched branches.
 * `undefined` removes an object member (an emptied input leaves no empty string behind, as in
 * JSON Forms); missing containers are created as arrays for numeric segments, objects otherwise.
 */
export function setAt(root: unknown, path: string, value: unknown): unknown {
  return setSegments(root, path === '' ? [] : path.split('.'), value);
}

function setSegments(node: unknown, segments: readonly string[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [string, ...string[]];
  const isObject = node !== null && typeof node === 'object';
  if (Array.isArray(node) || (!isObject && /^(0|[1-9][0-9]*)$/.test(head))) {
    const copy: unknown[] = Array.isArray(node) ? [...node] : [];
    const i = Number(head);
    copy[i] = setSegments(copy[i], rest, value);
    return copy;
  }
  const copy: Record<string, unknown> = isObject ? { ...(node as Record<string, unknown>) } : {};
  const next = setSegments(copy[head], rest, value);
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}

/** A DOM id for the control at `path`, safe in any id-based ARIA reference. */
export function idForPath(prefix: string, path: string): string {
  return remembered(
    ids,
    `${prefix} ${path}`,
    () =>
      `${prefix}-${path.replace(/[^A-Za-z0-9_-]/g, (c) => (c === '.' ? '--' : `_${c.codePointAt(0)!.toString(16)}_`)) || 'root'}`,
  );
}
