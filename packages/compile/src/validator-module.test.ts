import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createPrecompiledEvaluator,
  schemaKey,
  type CompiledValidator,
  type JsonSchema,
  type SchemaError,
} from '@motcua/core';
import { createAjvEvaluator } from '@motcua/core/ajv';
import { compileValidatorModule, distinctSchemas, SchemaCompileError } from './index.ts';

type Validators = Record<string, CompiledValidator>;

/** Imports module source through a data: URL, where any import of another module would fail. */
async function load(source: string): Promise<{ validators: Validators; default: Validators }> {
  return import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}

/** Hand-picked schemas covering the keywords and formats procedures use. */
const HANDPICKED: JsonSchema[] = [
  {
    type: 'object',
    required: ['fullName', 'email'],
    properties: {
      fullName: { type: 'string', minLength: 2, maxLength: 20, pattern: '^[\\p{L} ]+$' },
      email: { type: 'string', format: 'email' },
      birthDate: { type: 'string', format: 'date' },
      at: { type: 'string', format: 'date-time' },
      time: { type: 'string', format: 'time' },
      site: { type: 'string', format: 'uri' },
      id: { type: 'string', format: 'uuid' },
      age: { type: 'integer', minimum: 0, exclusiveMaximum: 150 },
      ratio: { type: 'number', multipleOf: 0.5 },
      kind: { enum: ['a', 'b', 1, null, { x: 1 }] },
      fixed: { const: [1, 2] },
      tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3, uniqueItems: true },
      tuple: { type: 'array', items: [{ type: 'string' }, { type: 'number' }], additionalItems: false },
      nested: {
        type: 'object',
        properties: { a: { type: ['string', 'null'] }, b: { type: 'boolean' } },
        additionalProperties: false,
        required: ['a'],
      },
    },
  },
  { properties: { birth: { properties: { late: { const: true } }, required: ['late'] } }, required: ['birth'] },
  {
    if: { properties: { proxy: { const: true } } },
    then: { required: ['proxyName'] },
    else: { not: { required: ['proxyName'] } },
  },
  { anyOf: [{ type: 'string' }, { type: 'number', minimum: 3 }] },
  { oneOf: [{ type: 'integer' }, { type: 'number', maximum: 10 }] },
  {
    type: 'object',
    dependencies: { a: ['b'], c: { required: ['d'] } },
    propertyNames: { maxLength: 3 },
    minProperties: 1,
    maxProperties: 4,
  },
  { type: 'array', contains: { type: 'number', minimum: 5 } },
  {
    definitions: { pos: { type: 'number', exclusiveMinimum: 0 } },
    type: 'object',
    properties: { x: { $ref: '#/definitions/pos' }, y: { $ref: '#/definitions/pos' } },
  },
  { $id: 'https://example.org/with-id.json', type: 'object', required: ['q'] },
  { type: 'object', patternProperties: { '^n_': { type: 'number' } }, additionalProperties: { type: 'string' } },
];

/** Random schemas from a small grammar of draft-07 keywords. */
const leafSchema: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'null', 'object', 'array') }),
  fc.record(
    {
      type: fc.constant('string'),
      minLength: fc.nat(4),
      format: fc.constantFrom('email', 'date', 'time', 'date-time', 'uri', 'uuid'),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({ type: fc.constant('string'), pattern: fc.constantFrom('^[0-9]+$', '^\\p{Lu}', 'ạ', '^.{2}$') }),
  fc.record(
    {
      minimum: fc.integer({ min: -5, max: 5 }),
      maximum: fc.integer({ min: 5, max: 50 }),
      multipleOf: fc.constantFrom(1, 2, 0.5),
    },
    { requiredKeys: [] },
  ),
  fc.record({
    enum: fc.uniqueArray(fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 3 }), fc.boolean()), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({ const: fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 3 }), fc.constant(null)) }),
);
const NAMES = ['a', 'b', 'c', 'tên'];
const schemaArb: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ s: Record<string, unknown> }>((tie) => ({
  s: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafSchema,
    fc.record(
      {
        type: fc.constant('object'),
        properties: fc.dictionary(fc.constantFrom(...NAMES), tie('s'), { maxKeys: 3 }),
        required: fc.subarray(NAMES, { maxLength: 2 }),
        additionalProperties: fc.boolean(),
      },
      { requiredKeys: ['properties'] },
    ),
    fc.record(
      { type: fc.constant('array'), items: tie('s'), minItems: fc.nat(2), uniqueItems: fc.boolean() },
      { requiredKeys: ['items'] },
    ),
    fc.record({ anyOf: fc.array(tie('s'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ allOf: fc.array(tie('s'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ not: tie('s') }),
    fc.record({ if: tie('s'), then: tie('s'), else: tie('s') }, { requiredKeys: ['if'] }),
  ),
})).s;

// Annotations sprinkled over the random schemas, including a property *named* "title" (kept).
const annotate = (s: unknown, i: number): unknown => {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return s;
  const o: Record<string, unknown> = { ...(s as Record<string, unknown>) };
  for (const [k, v] of Object.entries(o))
    if (typeof v === 'object')
      o[k] = Array.isArray(v)
        ? v.map((x, j) => annotate(x, i + j))
        : k === 'properties'
          ? Object.fromEntries(Object.entries(v as object).map(([n, x]) => [n, annotate(x, i + 1)]))
          : annotate(v, i + 1);
  if (i % 2 === 0) Object.assign(o, { title: `Tiêu đề ${i} / Title ${i}`, description: 'Mô tả\n\nDescription' });
  if (i % 3 === 0) o.default = i;
  return o;
};
const RANDOM: JsonSchema[] = (fc.sample(schemaArb, { numRuns: 150, seed: 20261129 }) as JsonSchema[]).map(
  (s, i) => annotate(s, i) as JsonSchema,
);
RANDOM.push({
  type: 'object',
  title: 'T',
  properties: {
    title: { type: 'string', title: 'Tên', minLength: 3 },
    kind: { enum: [{ title: 'x' }, 'y'], description: 'd' },
  },
  required: ['title'],
});

/** Data that exercises the schemas: their property names with tricky values, or anything at all. */
const interesting = fc.constantFrom<unknown>(
  '',
  'a',
  'ạ',
  'Nguyễn Văn A',
  'x@y.vn',
  'not an email',
  '2026-02-29',
  '2024-02-29',
  '2026-13-01',
  '07:30:00Z',
  '25:00:00Z',
  '2026-03-02T08:00:00+07:00',
  '2026-03-02 08:00',
  'https://motcua.vn/a?b',
  'relative/path',
  '123',
  'AB',
  'ab',
  '4a5bc2f0-1d2e-4f3a-9b8c-0d1e2f3a4b5c',
  0,
  -1,
  1,
  2,
  3.5,
  5,
  18,
  150,
  1e21,
  true,
  false,
  null,
  [],
  ['x', 'x'],
  [1, 'x'],
  {},
  { x: 1 },
);
// Applicants' data always arrives as JSON: plain objects (fast-check may build null-prototype ones).
const dataArb: fc.Arbitrary<unknown> = fc
  .oneof(
    fc.jsonValue({ maxDepth: 3 }),
    interesting,
    fc.letrec<{ d: unknown }>((tie) => ({
      d: fc.oneof(
        { depthSize: 'small' },
        interesting,
        fc.dictionary(
          fc.constantFrom(
            ...NAMES,
            'fullName',
            'email',
            'birthDate',
            'at',
            'time',
            'site',
            'id',
            'age',
            'ratio',
            'kind',
            'fixed',
            'tags',
            'tuple',
            'nested',
            'birth',
            'late',
            'proxy',
            'proxyName',
            'x',
            'y',
            'q',
            'n_1',
            'd',
            'long-name',
          ),
          tie('d'),
          { maxKeys: 6 },
        ),
        fc.array(tie('d'), { maxLength: 4 }),
      ),
    })).d,
  )
  .map((d) => (d === undefined ? d : JSON.parse(JSON.stringify(d))));

const ALL = [...HANDPICKED, ...RANDOM];
const source = await compileValidatorModule(ALL);
const mod = await load(source);
const precompiled = createPrecompiledEvaluator(mod.validators);
const reference = createAjvEvaluator();
// Modules carry no English messages (ajv `messages: false`): every host localises errors from
// keyword + params through core's vi/en table. Everything else must be identical.
const withoutMessages = (errors: SchemaError[]): SchemaError[] => errors.map(({ message: _m, ...rest }) => rest);

test("the precompiled module gives exactly the errors of core's ajv evaluator, for random data and schemas", () => {
  fc.assert(
    fc.property(fc.nat(ALL.length - 1), dataArb, (i, data) => {
      const schema = ALL[i]!;
      assert.deepEqual(precompiled.validate(schema, data), withoutMessages(reference.validate(schema, data)));
    }),
    { numRuns: 20000, seed: 42 },
  );
});

test('each hand-picked schema rejects and accepts something (the comparison is not vacuous)', () => {
  const samples = fc.sample(dataArb, { numRuns: 3000, seed: 7 });
  for (const schema of HANDPICKED) {
    const results = samples.map((d) => precompiled.validate(schema, d).length === 0);
    assert.ok(results.includes(false), `never invalid: ${JSON.stringify(schema)}`);
  }
  assert.deepEqual(
    precompiled.validate(HANDPICKED[0]!, {
      fullName: 'Trần Thị Bình',
      email: 'binh@example.vn',
      birthDate: '2024-02-29',
    }),
    [],
  );
});

test('validators set .errors like ajv and are keyed by schemaKey, in both named and default exports', () => {
  const schema = HANDPICKED[1]!;
  const fn = mod.validators[schemaKey(schema)]!;
  assert.equal(typeof fn, 'function');
  assert.equal(mod.default, mod.validators);
  assert.equal(fn({ birth: { late: true } }), true);
  assert.equal(fn.errors, null);
  assert.equal(fn({ birth: {} }), false);
  assert.deepEqual(
    (fn.errors as SchemaError[] | null | undefined)?.map((e) => [e.instancePath, e.keyword, e.params]),
    [['/birth', 'required', { missingProperty: 'late' }]],
  );
});

test('the module is self-contained and CSP-safe: no imports, no require, no eval, no new Function', () => {
  assert.doesNotMatch(source, /\bnew Function\b|\beval\(|\bFunction\(/);
  assert.doesNotMatch(source, /\brequire\(/);
  assert.doesNotMatch(source, /(^|[;}\s])import\s*[\s{*"'(]/);
  // load() goes through a data: URL, which cannot resolve any import: loading at all proves it.
  assert.equal(Object.keys(mod.validators).length, distinctSchemas(ALL).size);
});

test('ajv runtime helpers and formats are bundled once, whatever the number of schemas using them, and unused formats not at all', async () => {
  const many = Array.from({ length: 20 }, (_, i) => ({
    properties: { [`d${i}`]: { type: 'string', format: 'date', minLength: 1 }, e: { enum: [{ i }] } },
  }));
  const src = await compileValidatorModule(many);
  assert.equal(src.split(String.raw`/^(\d\d\d\d)-(\d\d)-(\d\d)$/`).length - 1, 1, 'one copy of the date format');
  assert.doesNotMatch(src, /urn:uuid|25\[0-5\]|\\d\\d:\[0-5\]/, 'no format the schemas do not use');
  assert.doesNotMatch(src, /must be|must have/, 'no English messages');
  assert.equal(src.match(/charCodeAt/g)?.length, 2, 'one ucs2length helper (it calls charCodeAt twice)');
  assert.doesNotMatch(
    src,
    /2020-01-01T|getTime|\bexports\b|__esModule/,
    'no helper of an unused format (time), no CommonJS loader',
  );
  const eq = await compileValidatorModule([{ type: 'array', uniqueItems: true }, { enum: [{ a: 1 }] }]);
  assert.match(eq, /constructor===RegExp/, 'equal (fast-deep-equal) is bundled');
  assert.doesNotMatch(eq, /\bexports\b|__esModule/, 'as an ES module, without a CommonJS loader');
  const one = await compileValidatorModule(many.slice(0, 1));
  // 19 more schemas may cost a few hundred bytes each, never another copy of the helpers.
  assert.ok(src.length - one.length < 19 * 1200, `${src.length} vs ${one.length}`);
});

test('equal schemas share one validator; boolean schemas need none; no schemas gives an empty map', async () => {
  const a = { type: 'object', required: ['x', 'y'], properties: { x: { type: 'string' } } };
  const b = { properties: { x: { type: 'string' } }, required: ['x', 'y'], type: 'object' };
  const m = await load(await compileValidatorModule([a, b, true, false]));
  assert.deepEqual(Object.keys(m.validators), [schemaKey(a)]);
  const ev = createPrecompiledEvaluator(m.validators);
  assert.deepEqual(ev.validate(true, 1), []);
  assert.equal(ev.validate(false, 1).length, 1);
  const empty = await load(await compileValidatorModule([]));
  assert.deepEqual(empty.validators, {});
});

test('a schema that cannot be compiled is reported with its key', async () => {
  const bad = { properties: { x: { $ref: 'https://elsewhere.example/missing.json' } } };
  await assert.rejects(compileValidatorModule([{ type: 'string' }, bad]), (err: unknown) => {
    assert.ok(err instanceof SchemaCompileError);
    assert.equal(err.key, schemaKey(bad));
    return true;
  });
});

test('annotations are left out of the module, but never values or property names', async () => {
  const schema = {
    type: 'object',
    title: 'Hồ sơ / Dossier',
    description: 'Một mô tả rất dài\n\nA very long description',
    properties: { title: { const: 'Tiêu đề giữ nguyên', title: 'Bỏ / Dropped' } },
    required: ['title'],
  };
  const src = await compileValidatorModule([schema]);
  assert.doesNotMatch(src, /Dossier|Một mô tả|Dropped/);
  assert.match(src, /Tiêu đề giữ nguyên/);
  const ev = createPrecompiledEvaluator((await load(src)).validators);
  assert.deepEqual(
    ev.validate(schema, { title: 'khác' }),
    withoutMessages(reference.validate(schema, { title: 'khác' })),
  );
  assert.equal(ev.validate(schema, { title: 'Tiêu đề giữ nguyên' }).length, 0);
});
