import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAjvEvaluator } from './ajv-evaluator.ts';
import { holds } from './evaluator.ts';
import { createInterpretedEvaluator, UnsupportedKeywordError } from './interpreted-evaluator.ts';
import { exampleProcedures } from '../testing/procedures.ts';
import { conditionSchemas } from '../procedure/condition-schemas.ts';

const interpreted = createInterpretedEvaluator();
const ajv = createAjvEvaluator();

test('agrees with ajv on every condition of the example procedures, on sample data', () => {
  const samples: unknown[] = [
    {},
    { birthEvidence: 'giay-chung-sinh' },
    { extractCopies: 2 },
    { site: { commune: 'bac-thanh' } },
    { feeExemptionGroup: 'ho-ngheo', $derived: { daysSinceBirth: 61 } },
    { $derived: { daysSinceBirth: 60 } },
  ];
  let compared = 0;
  for (const p of exampleProcedures().values()) {
    for (const { pointer, schema } of conditionSchemas(p)) {
      if (pointer === '/form/schema') continue;
      for (const d of samples) {
        let mine: boolean;
        try {
          mine = holds(interpreted, schema, d);
        } catch (e) {
          assert.ok(e instanceof UnsupportedKeywordError, String(e));
          continue;
        }
        assert.equal(mine, holds(ajv, schema, d), `${pointer} on ${JSON.stringify(d)}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 50);
});

test('keywords beyond what it knows throw instead of being ignored', () => {
  assert.throws(() => interpreted.validate({ format: 'hostname' }, 'x'), UnsupportedKeywordError);
  assert.throws(() => interpreted.validate({ $ref: '#/definitions/a' }, 'x'), UnsupportedKeywordError);
});

test('type, lengths, pattern, items, if/then/else', () => {
  const s = {
    type: 'object',
    properties: {
      n: { type: 'integer', multipleOf: 2 },
      s: { minLength: 2, pattern: '^a' },
      l: { items: { type: 'string' }, minItems: 1 },
    },
    if: { required: ['n'] },
    then: { required: ['s'] },
    else: { required: ['l'] },
  };
  assert.deepEqual(interpreted.validate(s, { n: 2, s: 'ab' }), []);
  assert.ok(
    interpreted.validate(s, { n: 3, s: 'ab' }).some((e) => e.keyword === 'multipleOf' && e.instancePath === '/n'),
  );
  assert.ok(interpreted.validate(s, { n: 2 }).some((e) => e.keyword === 'required'));
  assert.ok(interpreted.validate(s, { l: [1] }).some((e) => e.instancePath === '/l/0'));
  assert.ok(interpreted.validate(s, { l: [] }).some((e) => e.keyword === 'minItems'));
  assert.ok(interpreted.validate(s, { s: 'ba', l: ['x'] }).some((e) => e.keyword === 'pattern'));
  assert.deepEqual(interpreted.validate(true, 1), []);
  assert.equal(interpreted.validate(false, 1).length, 1);
});

test('the form builder\u2019s string formats agree with ajv-formats, valid and not', () => {
  const cases: Record<string, string[]> = {
    date: ['2026-02-28', '2024-02-29', '2026-02-29', '2026-13-01', '26-01-01', ''],
    time: ['09:30:00+07:00', '09:30:00Z', '09:30:00', '24:00:00Z', '23:59:60Z', '09:30'],
    'date-time': ['2026-03-02T09:00:00+07:00', '2026-03-02 09:00:00Z', '2026-03-02T09:00:00', '2026-03-02'],
    email: ['a.b@example.vn', 'a@b', 'x', 'a@@b.vn', 'nguyen+1@so-tu-phap.gov.vn'],
  };
  for (const [format, values] of Object.entries(cases)) {
    for (const v of values) {
      const schema = { type: 'string', format };
      assert.equal(holds(interpreted, schema, v), holds(ajv, schema, v), `${format}: ${JSON.stringify(v)}`);
    }
  }
  assert.equal(holds(interpreted, { format: 'date' }, 12), true, 'a format only applies to strings');
});

test('validates a whole form schema (the designer\u2019s preview) as ajv does', () => {
  let errors = 0;
  for (const p of exampleProcedures().values()) {
    for (const data of [{}, { requester: { email: 'x' } }, { child: { birthDate: '2026-02-30' } }]) {
      const mine = interpreted.validate(p.form.schema, data).map((e) => `${e.instancePath} ${e.keyword}`);
      const theirs = ajv.validate(p.form.schema, data).map((e) => `${e.instancePath} ${e.keyword}`);
      assert.deepEqual(new Set(mine), new Set(theirs), `${p.code} on ${JSON.stringify(data)}`);
      errors += mine.length;
    }
  }
  assert.ok(errors > 10, 'the samples are invalid in many ways');
});

test('a value that is not there (a rule on a field left empty) is checked as ajv checks it', () => {
  for (const schema of [{ const: true }, { enum: ['a', null] }, {}, { type: 'string' }, { not: { const: 1 } }]) {
    assert.equal(holds(interpreted, schema, undefined), holds(ajv, schema, undefined), JSON.stringify(schema));
  }
});
