import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minimalProcedure } from '../../../packages/core/src/testing/procedures.ts';
import type { Definition } from '../store/definition-store.ts';
import { elementFor } from './element-for.ts';

test('a problem selects the element it is about', () => {
  const d = minimalProcedure() as unknown as Definition;
  assert.equal(elementFor(d, '/form/uischema/elements/1/scope'), '/form/uischema/elements/1');
  assert.equal(elementFor(d, '/form/schema/properties/idNumber/pattern'), '/form/uischema/elements/1');
  assert.equal(elementFor(d, '/form/schema/properties/copies'), null, 'a field no control shows');
  assert.equal(elementFor(d, '/documents/0'), null);
});
