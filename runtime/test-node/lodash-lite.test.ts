import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import * as lite from '../src/jsonforms/lodash/lite.ts';
import { LITE, LITE_PREFIX, lodashReplacement } from '../lodash-compat.ts';

// The small functions that stand for lodash inside @jsonforms/core (src/jsonforms/lodash/lite.ts)
// must answer as lodash does for what JSON Forms passes them; and JSON Forms must still call them
// only that way (an upgrade that starts using a shorthand fails here, not in a citizen's browser).

const require = createRequire(import.meta.url);
const lodash = require('lodash') as Record<string, (...args: unknown[]) => unknown>;
const fn = lite as unknown as Record<string, (...args: unknown[]) => unknown>;

const json = fc.jsonValue({ maxDepth: 3 });
const jsonArray = fc.array(json, { maxLength: 8 });
const jsonObject = fc.dictionary(fc.string({ maxLength: 4 }), json, { maxKeys: 6 });
const collection = fc.oneof(jsonArray, jsonObject, fc.constant(null), fc.constant(undefined));
const predicates = [
  (v: unknown) => typeof v === 'string',
  (v: unknown) => Array.isArray(v),
  (_: unknown, i: unknown) => i === 1 || i === '1',
  () => false,
];

test('every function of LITE is exported by lite.ts and stands for its lodash import', () => {
  for (const name of LITE) {
    assert.equal(typeof fn[name], 'function', name);
    assert.equal(lodashReplacement(`lodash/${name}`), LITE_PREFIX + name);
  }
  assert.equal(lodashReplacement('lodash/merge'), 'es-toolkit/compat/merge');
  assert.equal(lodashReplacement('lit'), undefined);
});

test('find, filter, includes, reduce, keys, toPairs agree with lodash on JSON collections', () => {
  fc.assert(
    fc.property(collection, json, (c, value) => {
      for (const p of predicates.slice(0, 2)) {
        assert.deepEqual(lite.find(c as never, p), lodash.find!(c, p));
        assert.deepEqual(lite.filter(c as never, p), lodash.filter!(c, p));
      }
      assert.equal(lite.includes(c as never, value), lodash.includes!(c, value));
      if (Array.isArray(c) && c.length) assert.equal(lite.includes(c as never, c[0]), lodash.includes!(c, c[0]));
      const step = (acc: unknown[], v: unknown, k: unknown) => [...acc, [k, v]];
      assert.deepEqual(lite.reduce(c as never, step, []), lodash.reduce!(c, step, []));
      assert.deepEqual(lite.keys(c), lodash.keys!(c));
      if (!Array.isArray(c)) assert.deepEqual(lite.toPairs(c), lodash.toPairs!(c));
    }),
  );
  assert.equal(lite.includes('integer', 'teg'), lodash.includes!('integer', 'teg'));
});

test('last, endsWith, isUndefined, isFunction, range agree with lodash', () => {
  fc.assert(
    fc.property(fc.oneof(jsonArray, fc.constant(null), fc.constant(undefined)), fc.string(), fc.string(), (a, s, t) => {
      assert.deepEqual(lite.last(a as never), lodash.last!(a));
      assert.equal(lite.endsWith(s + t, t), lodash.endsWith!(s + t, t));
      assert.equal(lite.endsWith(s, t), lodash.endsWith!(s, t));
    }),
  );
  assert.equal(lite.endsWith(undefined, 'x'), lodash.endsWith!(undefined, 'x'));
  for (const v of [undefined, null, 0, '', () => 1, {}]) {
    assert.equal(lite.isUndefined(v), lodash.isUndefined!(v));
    assert.equal(lite.isFunction(v), lodash.isFunction!(v));
  }
  fc.assert(
    fc.property(
      fc.integer({ min: -20, max: 20 }),
      fc.integer({ min: -20, max: 20 }),
      fc.constantFrom(undefined, 1, 2, 3, -1, -2),
      (a, b, step) => {
        assert.deepEqual(lite.range(a, b, step), lodash.range!(a, b, step));
        assert.deepEqual(lite.range(a, b), lodash.range!(a, b));
      },
    ),
  );
  assert.deepEqual(lite.range(5), lodash.range!(5));
});

test('maxBy and remove agree with lodash (ties, NaN, undefined; removal in place)', () => {
  const score = fc.oneof(
    fc.integer({ min: -3, max: 3 }),
    fc.constant(Number.NaN),
    fc.constant(undefined),
    fc.constant(null),
  );
  fc.assert(
    fc.property(fc.array(fc.record({ id: fc.nat(), s: score }), { maxLength: 8 }), (items) => {
      assert.equal(
        lite.maxBy(items, (x) => x.s),
        lodash.maxBy!(items, (x: { s: unknown }) => x.s),
      );
      const a = items.map((x) => x.id);
      const b = [...a];
      const odd = (x: number) => x % 2 === 1;
      assert.deepEqual(lite.remove(a, odd), lodash.remove!(b, odd));
      assert.deepEqual(a, b);
    }),
  );
  assert.equal(
    lite.maxBy([], () => 1),
    lodash.maxBy!([], () => 1),
  );
  assert.equal(
    lite.maxBy(undefined, () => 1),
    lodash.maxBy!(undefined, () => 1),
  );
});

test('cloneDeep and isEqual agree with lodash on JSON values', () => {
  fc.assert(
    fc.property(json, json, (a, b) => {
      const copy = lite.cloneDeep(a);
      assert.deepEqual(copy, a);
      if (a !== null && typeof a === 'object') assert.notEqual(copy, a);
      assert.equal(lite.isEqual(a, b), lodash.isEqual!(a, b));
      assert.equal(lite.isEqual(a, lodash.cloneDeep!(a)), true);
    }),
  );
  assert.equal(lite.isEqual({ a: undefined }, { b: undefined }), lodash.isEqual!({ a: undefined }, { b: undefined }));
  assert.equal(lite.isEqual([1], { 0: 1 }), lodash.isEqual!([1], { 0: 1 }));
  assert.equal(lite.isEqual(Number.NaN, Number.NaN), lodash.isEqual!(Number.NaN, Number.NaN));
});

test('startCase agrees with lodash on ASCII property names and keeps Vietnamese letters whole', () => {
  const identifier = fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$-]{0,14}$/);
  fc.assert(
    fc.property(identifier, (name) => assert.equal(lite.startCase(name), lodash.startCase!(name), name)),
    { numRuns: 5000 },
  );
  for (const name of [
    'dateOfBirth',
    'HTMLParser',
    'userID',
    'address_line_2',
    'v2Api',
    "it's",
    'birth-date',
    '_0TH',
    '21st_floor',
    'floor2ND',
    'the4th',
  ]) {
    assert.equal(lite.startCase(name), lodash.startCase!(name), name);
  }
  // lodash deburrs Latin-1 letters only, which garbles Vietnamese ("Họ Ten"); ours does not.
  assert.equal(lite.startCase('họTên'), 'Họ Tên');
  assert.equal(lite.startCase('ngàySinh'), 'Ngày Sinh');
  assert.equal(lite.startCase('số_nhà'), 'Số Nhà');
});

test('get, has and toPath read paths as lodash does (dots, brackets, quotes, keys that contain dots)', () => {
  const key = fc.oneof(
    fc.constantFrom('a', 'b', '0', '1', 'a.b', 'x y', '', '-0', 'constructor'),
    fc.string({ maxLength: 3 }),
  );
  const tree = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.jsonValue({ maxDepth: 0 }),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    ),
  })).node;
  const segment = fc.oneof(key, fc.nat({ max: 3 }).map(String));
  const path = fc.oneof(
    fc.array(segment, { maxLength: 4 }),
    fc.array(segment, { maxLength: 4 }).map((ks) => ks.join('.')),
    fc
      .array(segment, { minLength: 1, maxLength: 4 })
      .map((ks) => ks.map((k, i) => (/^\d+$/.test(k) ? `[${k}]` : i ? `.${k}` : k)).join('')),
    fc
      .array(segment, { minLength: 1, maxLength: 3 })
      .map((ks) => ks.map((k) => `["${k.replace(/["\\]/g, '\\$&')}"]`).join('')),
    fc.string({ maxLength: 8 }),
  );
  fc.assert(
    fc.property(tree, path, (object, p) => {
      assert.deepEqual(lite.get(object, p), lodash.get!(object, p), `get ${JSON.stringify(p)}`);
      assert.deepEqual(lite.get(object, p, 'fallback'), lodash.get!(object, p, 'fallback'));
      assert.equal(lite.has(object, p), lodash.has!(object, p), `has ${JSON.stringify(p)}`);
      if (typeof p === 'string' || Array.isArray(p))
        assert.deepEqual(lite.toPath(p), lodash.toPath!(p), `toPath ${JSON.stringify(p)}`);
    }),
    { numRuns: 3000 },
  );
  const state = { jsonforms: { core: { data: { 'a.b': 1, a: { b: 2 } } } } };
  assert.equal(lite.get(state, 'jsonforms.core'), state.jsonforms.core);
  assert.equal(lite.get(state.jsonforms.core.data, 'a.b'), 1, 'a whole key first, as lodash');
  assert.equal(lite.get(null, 'a', 3), 3);
});

/** The top-level arguments of the call whose "(" is at `open` in `code` (brackets and strings balanced). */
function callArgs(code: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  let quote = '';
  for (let i = open; i < code.length; i++) {
    const c = code[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        args.push(code.slice(start, i).trim());
        return args;
      }
    } else if (c === ',' && depth === 1) {
      args.push(code.slice(start, i).trim());
      start = i + 1;
    }
  }
  throw new Error('unbalanced call');
}

test('@jsonforms/core calls the replaced functions only in the ways lite.ts answers for', () => {
  const code = readFileSync(require.resolve('@jsonforms/core/lib/jsonforms-core.esm.js'), 'utf8');
  const imported = [...code.matchAll(/^import (\w+) from 'lodash\/(\w+)';$/gm)].map((m) => ({
    local: m[1]!,
    name: m[2]!,
  }));
  assert.ok(imported.length > 10, 'JSON Forms still imports lodash per function');
  const predicateArg: Record<string, number> = { find: 1, filter: 1, maxBy: 1, remove: 1, reduce: 1 };
  const arrow = /^(async\s+)?(\([^)]*\)|\w+)\s*=>/;
  for (const { local, name } of imported.filter((i) => (LITE as readonly string[]).includes(i.name))) {
    for (const m of code.matchAll(new RegExp(`(?<![.\\w])${local}\\(`, 'g'))) {
      const args = callArgs(code, m.index! + local.length);
      const where = `${name}(${args.join(', ').slice(0, 80)})`;
      if (name in predicateArg) assert.match(args[predicateArg[name]!] ?? '', arrow, `${where}: a function predicate`);
      if (name === 'range') assert.ok(args.length >= 1 && args.length <= 3, where);
      if (
        name === 'startCase' ||
        name === 'endsWith' ||
        name === 'last' ||
        name === 'keys' ||
        name === 'toPairs' ||
        name === 'cloneDeep'
      ) {
        assert.ok(args.length <= 2, where);
      }
    }
  }
});
