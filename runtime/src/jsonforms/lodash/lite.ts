/**
 * The lodash functions @jsonforms/core imports, as it calls them: on JSON values (schemas, UI
 * schemas, data, error lists) with function predicates, never lodash's iteratee shorthands.
 * The bundles substitute these for `lodash/<name>` inside @jsonforms/core (lodash-compat.ts);
 * lodash is CommonJS and whole, es-toolkit's lodash-compatible versions carry every shorthand
 * (measured: 5.3 KB gzip of the bundle, 0.5 KB with these). test-node/lodash-lite.test.ts
 * compares each with lodash and pins the call sites in @jsonforms/core that these answer for.
 */

type Collection<T> = readonly T[] | Record<string, T> | null | undefined;

const values = <T>(c: Collection<T>): readonly T[] =>
  c == null ? [] : Array.isArray(c) ? c : Object.values(c as Record<string, T>);

export const find = <T>(c: Collection<T>, predicate: (value: T, index: number) => unknown): T | undefined =>
  values(c).find(predicate);

export const filter = <T>(c: Collection<T>, predicate: (value: T, index: number) => unknown): T[] =>
  values(c).filter(predicate);

export const includes = (c: Collection<unknown> | string, value: unknown): boolean =>
  typeof c === 'string' ? c.includes(String(value)) : values(c).includes(value);

export function reduce<T, A>(c: Collection<T>, fn: (acc: A, value: T, key: string | number) => A, acc: A): A {
  if (c == null) return acc;
  if (Array.isArray(c)) return (c as readonly T[]).reduce((a, v, i) => fn(a, v, i), acc);
  for (const [k, v] of Object.entries(c as Record<string, T>)) acc = fn(acc, v, k);
  return acc;
}

export const keys = (o: unknown): string[] => (o == null ? [] : Object.keys(Object(o)));

export const toPairs = (o: unknown): [string, unknown][] => (o == null ? [] : Object.entries(Object(o)));

export const last = <T>(a: readonly T[] | null | undefined): T | undefined => (a?.length ? a[a.length - 1] : undefined);

export const endsWith = (s: unknown, target: unknown): boolean => (s == null ? '' : String(s)).endsWith(String(target));

export const isUndefined = (v: unknown): v is undefined => v === undefined;

export const isFunction = (v: unknown): v is (...args: unknown[]) => unknown => typeof v === 'function';

/** lodash's range for the integers JSON Forms asks: [start, end) by step (1, or -1 going down). */
export function range(start: number, end?: number, step?: number): number[] {
  if (end === undefined) [start, end] = [0, start];
  const by = step === undefined ? (end < start ? -1 : 1) : step;
  const out: number[] = [];
  if (by === 0) return out;
  for (let x = start; by > 0 ? x < end : x > end; x += by) out.push(x);
  return out;
}

/** The item with the greatest `fn` value (the first one on ties); values that are not comparable (undefined, null, NaN) are skipped. */
export function maxBy<T>(items: readonly T[] | null | undefined, fn: (item: T) => unknown): T | undefined {
  let best: T | undefined;
  let max: unknown;
  for (const item of items ?? []) {
    const v = fn(item);
    if (v == null || v !== v) continue;
    if (max === undefined || (v as number) > (max as number)) {
      best = item;
      max = v;
    }
  }
  return best;
}

/** Removes the items `predicate` accepts from `array` (in place) and returns them. */
export function remove<T>(
  array: T[] | null | undefined,
  predicate: (value: T, index: number, array: T[]) => unknown,
): T[] {
  const removed: T[] = [];
  if (!array) return removed;
  for (let i = 0; i < array.length;) {
    if (predicate(array[i]!, i, array)) removed.push(...array.splice(i, 1));
    else i++;
  }
  return removed;
}

/** A deep copy of a JSON value (JSON Forms copies schema defaults). */
export const cloneDeep = <T>(v: T): T => (v === null || typeof v !== 'object' ? v : structuredClone(v));

/** Deep equality of JSON values (arrays, plain objects, primitives; Dates by time). */
export function isEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a !== a && b !== b) return true; // NaN
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      isEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

// es-toolkit's word pattern (camelCase, snake_case, acronyms, digits, any script), with lodash's
// ordinals first ("1st", "4TH" stay one word).
const WORD =
  /\d*(?:1st|2nd|3rd|(?![123])\dth)(?=\b|[A-Z_])|\d*(?:1ST|2ND|3RD|(?![123])\dTH)(?=\b|[a-z_])|\p{Lu}?\p{Ll}+|[0-9]+|\p{Lu}+(?!\p{Ll})|\p{Emoji_Presentation}|\p{Extended_Pictographic}|\p{L}+/gu;

/**
 * lodash's startCase ("dateOfBirth" → "Date Of Birth"), for labels JSON Forms makes from
 * property names. Unlike lodash it keeps diacritics: lodash's deburr turns "ngàySinh" into
 * "Ngay Sinh" and "họTên" into "Họ Ten"; here they stay "Ngày Sinh" and "Họ Tên".
 */
export const startCase = (s: unknown): string =>
  (
    String(s ?? '')
      .replace(/['\u2019]/g, '')
      .match(WORD) ?? []
  )
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');

// Paths, as lodash reads them ("a.b[0]", 'a["b.c"]', or an array of keys), for get, has and the fp
// set/unset; lodash's own expressions.
const PROP_NAME = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
const DEEP_PROP = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
type Key = string | symbol;

const toKey = (k: unknown): Key =>
  typeof k === 'string' || typeof k === 'symbol' ? k : Object.is(k, -0) ? '-0' : `${k}`;

function stringToPath(text: string): string[] {
  const out: string[] = [];
  if (text.charCodeAt(0) === 46) out.push('');
  text.replace(PROP_NAME, (match, number: string | undefined, quote: string | undefined, inner: string) => {
    out.push(quote ? inner.replace(/\\(\\)?/g, '$1') : (number ?? match));
    return '';
  });
  return out;
}

/** lodash's toPath: the keys a path names. */
export const toPath = (path: unknown): Key[] =>
  Array.isArray(path)
    ? path.map(toKey)
    : typeof path === 'symbol'
      ? [path]
      : stringToPath(path == null ? '' : String(path));

/** The keys of `path` in `object`: a whole string that is a key of the object, or not a deep path, is one key. */
function castPath(path: unknown, object: unknown): Key[] {
  if (Array.isArray(path)) return path as Key[];
  if (path == null || typeof path !== 'string') return [path as Key];
  return /^\w*$/.test(path) || !DEEP_PROP.test(path) || (object != null && path in Object(object))
    ? [path]
    : stringToPath(path);
}

/** lodash's get: the value at `path`, or `fallback` when it is undefined. */
export function get(object: unknown, path: unknown, fallback?: unknown): unknown {
  const keys = castPath(path, object);
  let i = 0;
  let node = object;
  while (node != null && i < keys.length) node = (node as Record<Key, unknown>)[toKey(keys[i++])];
  const value = i && i === keys.length ? node : undefined;
  return value === undefined ? fallback : value;
}

/** lodash's has: whether `path` names own properties all the way down. */
export function has(object: unknown, path: unknown): boolean {
  if (object == null) return false;
  const keys = castPath(path, object);
  let node: unknown = object;
  for (let i = 0; i < keys.length; i++) {
    const key = toKey(keys[i]);
    if (node == null || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = (node as Record<Key, unknown>)[key];
  }
  return keys.length > 0;
}
