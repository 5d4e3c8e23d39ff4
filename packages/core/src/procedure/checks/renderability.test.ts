import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minimalProcedure } from '../../testing/procedures.ts';
import { checkRenderability } from './renderability.ts';

type Properties = Record<string, Record<string, unknown>>;
const propertiesOf = (p: ReturnType<typeof minimalProcedure>) =>
  (p.form.schema as { properties: Properties }).properties;

test('a control is checked again when it or its schema changes, remembered or not', () => {
  const p = minimalProcedure();
  assert.deepEqual(checkRenderability(p), []);
  assert.deepEqual(checkRenderability(structuredClone(p)), [], 'the same answer from memory');
  // The same control, its schema now one no renderer takes (a type JSON Forms has no control for).
  const broken = structuredClone(p);
  propertiesOf(broken).fullName = { type: 'null', title: 'Họ và tên' };
  assert.deepEqual(
    checkRenderability(broken).map((i) => [i.pointer, i.code]),
    [['/form/uischema/elements/0', 'no-renderer']],
  );
  // Only the title differs from the first: a new key, the same answer.
  const relabelled = structuredClone(p);
  propertiesOf(relabelled).fullName!.title = 'Tên đầy đủ';
  assert.deepEqual(checkRenderability(relabelled), []);
  // A reference is resolved against the root each time, not remembered.
  const viaRef = structuredClone(p);
  const schema = viaRef.form.schema as { definitions?: Record<string, unknown>; properties: Record<string, unknown> };
  schema.definitions = { name: { type: 'string' } };
  schema.properties.fullName = { $ref: '#/definitions/name' };
  assert.deepEqual(checkRenderability(viaRef), []);
  schema.definitions.name = { type: 'null' };
  assert.equal(checkRenderability(viaRef).length, 1);
});
