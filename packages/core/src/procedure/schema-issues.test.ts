import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { schemaIssues, getAt, type SchemaError } from '../index.ts';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import { exampleProcedures } from '../testing/procedures.ts';
import procedureSchema from '../../schema/procedure.schema.json' with { type: 'json' };

const ajv = createAjvEvaluator();

test('if/then: the "then" error is kept, the "if" error dropped', () => {
  const schema = { if: { properties: { a: { const: true } }, required: ['a'] }, then: { required: ['b'] } };
  const errors = ajv.validate(schema, { a: true });
  assert.deepEqual(
    errors.map((e) => e.keyword),
    ['required', 'if'],
  );
  assert.deepEqual(
    schemaIssues(errors).map((i) => [i.pointer, i.code]),
    [['/b', 'required']],
  );
});

test('a oneOf that matched twice is reported as such', () => {
  const errors = ajv.validate({ oneOf: [{ type: 'integer' }, { type: 'number' }] }, 3);
  assert.deepEqual(
    schemaIssues(errors).map((i) => i.code),
    ['oneOf'],
  );
});

test('nothing is lost: invalid data always gets at least one issue, each pointing into the data', () => {
  const schemas = [procedureSchema as object, ...[...exampleProcedures().values()].map((p) => p.form.schema as object)];
  for (const schema of schemas) {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (data) => {
        const errors = ajv.validate(schema as never, data) as SchemaError[];
        const issues = schemaIssues(errors);
        assert.equal(issues.length > 0, errors.length > 0);
        for (const i of issues) {
          assert.ok(i.message.vi && i.message.en && i.code);
          // the pointer names a place in the data or a missing member of an existing object
          const parent = i.pointer.slice(0, i.pointer.lastIndexOf('/'));
          assert.ok(
            getAt(data, i.pointer) !== undefined || getAt(data, parent) !== undefined || i.pointer === '',
            i.pointer,
          );
        }
      }),
      { numRuns: 300 },
    );
  }
});
