import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionUses, replaceConditionUses } from './condition-uses.ts';
import { formFields } from './form-fields.ts';
import { exampleProcedure } from '../testing/procedures.ts';

const birth = exampleProcedure('1.001193');

test('conditionUses finds every copy of a condition whatever its name', () => {
  const when = birth.documents.find((d) => d.id === 'giay-chung-sinh')!.when!;
  const { title: _t, ...logic } = when as Record<string, unknown>;
  const uses = conditionUses(birth, { ...logic, title: 'khác / other' });
  assert.ok(uses.some((u) => u.pointer.startsWith('/documents/') && u.label.vi === 'Giấy tờ: Giấy chứng sinh'));
  const replaced = replaceConditionUses(birth, when, { properties: { x: { const: 1 } }, required: ['x'] });
  assert.deepEqual(conditionUses(replaced, when), []);
  assert.equal(conditionUses(replaced, { properties: { x: { const: 1 } }, required: ['x'] }).length, uses.length);
  assert.notEqual(conditionUses(birth, when).length, 0, 'the input is not modified');
});

test('formFields lists answer fields with labels, types and choices', () => {
  const fields = formFields({
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Họ tên / Name' },
      child: { type: 'object', properties: { sex: { type: 'string', enum: ['nam', 'nu'] } } },
      kind: { type: 'string', oneOf: [{ const: 'a', title: 'A vi / A en' }] },
      list: { type: 'array', items: { type: 'object', properties: { x: { type: 'string' } } } },
    },
  });
  assert.deepEqual(
    fields.map((f) => [f.pointer, f.label.en, f.type, f.options?.length ?? 0]),
    [
      ['/name', 'Name', 'string', 0],
      ['/child/sex', 'sex', 'string', 2],
      ['/kind', 'kind', 'string', 1],
      ['/list', 'list', 'array', 0],
    ],
  );
});
