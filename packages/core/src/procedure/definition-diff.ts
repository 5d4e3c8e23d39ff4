import { canonicalJson } from '../conditions/canonical-json.ts';
import { formatPointer } from '../model/json-pointer.ts';

export interface DefinitionChange {
  op: 'add' | 'remove' | 'replace';
  /** Where, in the newer definition (in the older one for a removal). */
  pointer: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The changes from one definition to another, as JSON pointers with the values before and after.
 * Lists whose items carry an `id` (documents, fee items, steps, scenarios…) are matched by id, so
 * that inserting a document reports one addition rather than every later document as changed;
 * other lists are compared position by position. Equal values (key order aside) give no change.
 */
export function definitionDiff(before: unknown, after: unknown): DefinitionChange[] {
  const out: DefinitionChange[] = [];
  diff(before, after, [], [], out);
  return out;
}

type Path = (string | number)[];

function diff(a: unknown, b: unknown, pathA: Path, pathB: Path, out: DefinitionChange[]): void {
  if (same(a, b)) return;
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of Object.keys(a)) {
      if (!(key in b)) out.push({ op: 'remove', pointer: formatPointer([...pathA, key]), before: a[key] });
      else diff(a[key], b[key], [...pathA, key], [...pathB, key], out);
    }
    for (const key of Object.keys(b)) {
      if (!(key in a)) out.push({ op: 'add', pointer: formatPointer([...pathB, key]), after: b[key] });
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (byId(a) && byId(b)) return diffById(a, b, pathA, pathB, out);
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= b.length) out.push({ op: 'remove', pointer: formatPointer([...pathA, i]), before: a[i] });
      else if (i >= a.length) out.push({ op: 'add', pointer: formatPointer([...pathB, i]), after: b[i] });
      else diff(a[i], b[i], [...pathA, i], [...pathB, i], out);
    }
    return;
  }
  out.push({ op: 'replace', pointer: formatPointer(pathB), before: a, after: b });
}

function diffById(a: unknown[], b: unknown[], pathA: Path, pathB: Path, out: DefinitionChange[]): void {
  const idOf = (x: unknown) => (x as { id: string }).id;
  const inB = new Map(b.map((x, i) => [idOf(x), i]));
  const inA = new Map(a.map((x, i) => [idOf(x), i]));
  a.forEach((x, i) => {
    if (!inB.has(idOf(x))) out.push({ op: 'remove', pointer: formatPointer([...pathA, i]), before: x });
  });
  b.forEach((x, j) => {
    const i = inA.get(idOf(x));
    if (i === undefined) out.push({ op: 'add', pointer: formatPointer([...pathB, j]), after: x });
    else diff(a[i], x, [...pathA, i], [...pathB, j], out);
  });
}

/** Lists whose every item is an object with a distinct string id. */
function byId(list: unknown[]): boolean {
  const ids = new Set<string>();
  for (const x of list) {
    if (!isPlainObject(x) || typeof x.id !== 'string' || ids.has(x.id)) return false;
    ids.add(x.id);
  }
  return list.length > 0;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}
