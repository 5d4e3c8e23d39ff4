import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { procedureSchemaText } from './model/procedure-schema-json.ts';
import {
  canonicalJson,
  schemaKey,
  getAt,
  formatPointer,
  parsePointer,
  scopeToPointer,
  pointerToScope,
  createPrecompiledEvaluator,
  MissingValidatorError,
  holds,
} from './index.ts';
import { createAjvEvaluator } from './conditions/ajv-evaluator.ts';
import { TITLE_SEPARATOR, DESCRIPTION_SEPARATOR } from './model/doc.ts';

test('schema/procedure.schema.json is the one written from the TypeBox source (npm run schema)', () => {
  const committed = readFileSync(new URL('../schema/procedure.schema.json', import.meta.url), 'utf8');
  assert.equal(committed, procedureSchemaText(), 'run `npm run schema -w @motcua/core` and commit the result');
});

test('every property of the procedure schema has a title and a description in Vietnamese and English', () => {
  const schema = JSON.parse(procedureSchemaText());
  const missing: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') {
      for (const [name, prop] of Object.entries(o.properties as Record<string, Record<string, unknown>>)) {
        const t = String(prop.title ?? '');
        const d = String(prop.description ?? '');
        const [tvi, ten] = t.split(TITLE_SEPARATOR);
        const [dvi, den] = d.split(DESCRIPTION_SEPARATOR);
        if (!tvi || !ten || !dvi || !den) missing.push(`${path}/properties/${name}`);
      }
    }
    for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`);
  };
  walk(schema, '#');
  assert.deepEqual(missing, []);
});

function fnv64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

test('schemaKey is FNV-1a 64 of the canonical JSON, independent of key order', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (v) => {
      assert.equal(schemaKey(v as never), fnv64(canonicalJson(v)));
    }),
    { numRuns: 1000 },
  );
  assert.equal(schemaKey({ a: 1, b: [true, 'x'] }), schemaKey({ b: [true, 'x'], a: 1 }));
  assert.notEqual(schemaKey({ a: 1 }), schemaKey({ a: 2 }));
});

test('canonicalJson sorts keys, drops undefined members and round-trips', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: undefined, c: 'é' } }), '{"a":{"c":"é"},"b":1}');
  assert.equal(canonicalJson([1e21, 0.1, -0]), '[1e+21,0.1,0]');
  fc.assert(
    fc.property(fc.jsonValue(), (v) => assert.deepEqual(JSON.parse(canonicalJson(v)), JSON.parse(JSON.stringify(v)))),
    { numRuns: 1000 },
  );
});

test('JSON pointers: parse, format, get, scopes', () => {
  const data = { a: { 'b/c': [10, { '~x': 2 }] } };
  assert.equal(getAt(data, '/a/b~1c/1/~0x'), 2);
  assert.equal(getAt(data, '/a/missing'), undefined);
  assert.equal(getAt(data, ''), data);
  assert.deepEqual(parsePointer(formatPointer(['a/b', '~', 3])), ['a/b', '~', '3']);
  assert.equal(scopeToPointer('#/properties/applicant/properties/fullName'), '/applicant/fullName');
  assert.equal(pointerToScope('/applicant/fullName'), '#/properties/applicant/properties/fullName');
});

test('the precompiled evaluator answers only for schemas it was built with', () => {
  const ajv = createAjvEvaluator();
  const schema = { properties: { age: { minimum: 18 } } };
  const fn = ajv.compile(schema);
  const ev = createPrecompiledEvaluator({ [schemaKey(schema)]: fn as never });
  assert.equal(holds(ev, schema, { age: 20 }), true);
  assert.equal(holds(ev, schema, { age: 2 }), false);
  assert.equal(holds(ev, undefined, {}), true);
  assert.throws(() => ev.validate({ required: ['x'] }, {}), MissingValidatorError);
});
