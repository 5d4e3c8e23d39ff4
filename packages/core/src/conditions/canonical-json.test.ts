import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.ts';

/** The straightforward definition, kept as the reference for the faster implementation. */
function reference(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => reference(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(obj[k])}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
}

test('the same text as the reference definition for any JSON value, undefined members and array items included', () => {
  const withUndefined = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.jsonValue({ maxDepth: 2 }),
      fc.constant(undefined),
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(fc.string({ unit: 'binary' }), tie('value'), { maxKeys: 6 }),
    ),
  })).value;
  fc.assert(
    fc.property(
      fc.oneof(fc.jsonValue(), fc.array(withUndefined), fc.dictionary(fc.string({ unit: 'binary' }), withUndefined)),
      (v) => {
        assert.equal(canonicalJson(v), reference(v));
        assert.deepEqual(JSON.parse(canonicalJson(v)), JSON.parse(JSON.stringify(v, (_k, x) => x)) ?? null);
      },
    ),
    { numRuns: 2000, seed: 20261129 },
  );
});

test('keys in UTF-16 code-unit order; non-finite numbers and values without JSON are refused', () => {
  assert.equal(
    canonicalJson({ b: 1, a: [1, 'x', null, true], é: { z: undefined, y: -0 }, '\u{1F600}': 2, '\uFFFF': 3 }),
    '{"a":[1,"x",null,true],"b":1,"é":{"y":0},"\u{1F600}":2,"\uFFFF":3}',
  );
  assert.throws(() => canonicalJson(Number.NaN), TypeError);
  assert.throws(() => canonicalJson({ a: Infinity }), TypeError);
  assert.throws(() => canonicalJson(undefined), TypeError);
  assert.throws(() => canonicalJson({ f: () => 1 }), TypeError);
  assert.throws(() => canonicalJson(1n), TypeError);
});
