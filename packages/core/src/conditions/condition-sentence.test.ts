import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createAjvEvaluator } from './ajv-evaluator.ts';
import { holds } from './evaluator.ts';
import { createInterpretedEvaluator } from './interpreted-evaluator.ts';
import {
  CONDITION_OPERATORS,
  compileCondition,
  parseCondition,
  type ConditionClause,
  type ConditionSentence,
} from './condition-sentence.ts';
import { exampleProcedures } from '../testing/procedures.ts';
import { conditionSchemas } from '../procedure/condition-schemas.ts';

const ajv = createAjvEvaluator();

test('a sentence compiles to the schema shape the example procedures use', () => {
  const schema = compileCondition({
    combine: 'all',
    clauses: [{ field: '/birthEvidence', operator: 'equals', value: 'giay-chung-sinh' }],
    title: { vi: 'trẻ sinh tại cơ sở y tế', en: 'born at a medical facility' },
  });
  assert.deepEqual(schema, {
    title: 'trẻ sinh tại cơ sở y tế / born at a medical facility',
    properties: { birthEvidence: { const: 'giay-chung-sinh' } },
    required: ['birthEvidence'],
  });
});

test('nested fields, and/or, and each operator mean what the sentence says', () => {
  const married = compileCondition({
    combine: 'any',
    clauses: [
      { field: '/person/status', operator: 'equals', value: 'married' },
      { field: '/copies', operator: 'at-least', value: 2 },
    ],
  });
  assert.ok(holds(ajv, married, { person: { status: 'married' } }));
  assert.ok(holds(ajv, married, { copies: 2 }));
  assert.ok(!holds(ajv, married, { copies: 1, person: {} }));
  const cases: [ConditionClause, unknown, boolean][] = [
    [{ field: '/a', operator: 'not-equals', value: 'x' }, {}, true],
    [{ field: '/a', operator: 'not-equals', value: 'x' }, { a: 'x' }, false],
    [{ field: '/a', operator: 'one-of', value: ['x', 'y'] }, { a: 'y' }, true],
    [{ field: '/a', operator: 'filled' }, { a: '' }, false],
    [{ field: '/a', operator: 'filled' }, { a: 'z' }, true],
    [{ field: '/a', operator: 'empty' }, {}, true],
    [{ field: '/a', operator: 'empty' }, { a: 'z' }, false],
    [{ field: '/a', operator: 'greater-than', value: 3 }, { a: 3 }, false],
    [{ field: '/a', operator: 'less-than', value: 3 }, { a: 2 }, true],
    [{ field: '/a', operator: 'at-most', value: 3 }, { a: 3 }, true],
    [{ field: '/a', operator: 'is-true' }, { a: true }, true],
    [{ field: '/a', operator: 'is-false' }, { a: true }, false],
  ];
  for (const [clause, data, expected] of cases) {
    const schema = compileCondition({ combine: 'all', clauses: [clause] });
    assert.equal(holds(ajv, schema, data), expected, `${clause.operator} on ${JSON.stringify(data)}`);
  }
});

test('an empty sentence always holds; a comparison without a number is refused', () => {
  assert.equal(compileCondition({ combine: 'all', clauses: [] }), true);
  assert.throws(
    () => compileCondition({ combine: 'all', clauses: [{ field: '/a', operator: 'at-least', value: 'x' }] }),
    /number/,
  );
});

test('parseCondition reads the conditions of the example procedures that a sentence can say', () => {
  let read = 0;
  for (const p of exampleProcedures().values()) {
    for (const { pointer, schema } of conditionSchemas(p)) {
      if (pointer === '/form/schema' || pointer.startsWith('/form/uischema')) continue;
      const sentence = parseCondition(schema);
      if (!sentence) continue;
      read++;
      assert.deepEqual(compileCondition(sentence), schema, pointer);
    }
  }
  assert.ok(read > 5, `only ${read} conditions read`);
});

test('parseCondition returns null for what a sentence cannot say', () => {
  assert.equal(parseCondition({ properties: { a: { pattern: '^x' } }, required: ['a'] }), null);
  assert.equal(parseCondition({ properties: { a: { const: 1 } } }), null); // equality without presence
  assert.equal(parseCondition(false), null);
});

const scalar = fc.oneof(
  fc.constantFrom('x', 'y', ''),
  fc.integer({ min: -3, max: 3 }),
  fc.boolean(),
  fc.constant(null),
);
const fieldName = fc.constantFrom('a', 'b', 'c~d', 'e/f');
const field = fc
  .array(fieldName, { minLength: 1, maxLength: 2 })
  .map((s) => '/' + s.map((x) => x.replace(/~/g, '~0').replace(/\//g, '~1')).join('/'));
const clause: fc.Arbitrary<ConditionClause> = fc
  .record({
    field,
    operator: fc.constantFrom(...CONDITION_OPERATORS),
    n: fc.integer({ min: -3, max: 3 }),
    v: scalar,
    list: fc.array(scalar, { minLength: 1, maxLength: 3 }),
  })
  .map(({ field, operator, n, v, list }) => {
    if (['at-least', 'at-most', 'greater-than', 'less-than'].includes(operator)) return { field, operator, value: n };
    if (operator === 'one-of') return { field, operator, value: list };
    if (['filled', 'empty', 'is-true', 'is-false'].includes(operator)) return { field, operator };
    return { field, operator, value: v };
  });
const sentence: fc.Arbitrary<ConditionSentence> = fc.record({
  combine: fc.constantFrom('all' as const, 'any' as const),
  clauses: fc.array(clause, { minLength: 1, maxLength: 3 }),
});
const data = fc.dictionary(fieldName, fc.oneof(scalar, fc.dictionary(fieldName, scalar, { maxKeys: 3 })), {
  maxKeys: 4,
});

test('property: every sentence reads back as itself', () => {
  fc.assert(
    fc.property(sentence, (s) => {
      const schema = compileCondition(s);
      const back = parseCondition(schema);
      assert.ok(back, JSON.stringify(schema));
      assert.deepEqual(compileCondition(back), schema);
    }),
    { numRuns: 300 },
  );
});

test('property: the interpreted evaluator agrees with ajv on every sentence and data', () => {
  const interpreted = createInterpretedEvaluator();
  fc.assert(
    fc.property(sentence, data, (s, d) => {
      const schema = compileCondition(s);
      assert.equal(holds(interpreted, schema, d), holds(ajv, schema, d), JSON.stringify({ schema, d }));
    }),
    { numRuns: 500 },
  );
});
