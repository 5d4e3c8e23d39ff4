import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getAt, rendererFor, type UISchemaElement } from '@motcua/core';
import { validateProcedure } from '@motcua/core/validate';
import { minimalProcedure } from '../../../packages/core/src/testing/procedures.ts';
import { FIELD_TYPES, searchFieldTypes } from './field-types.ts';
import {
  addField,
  dataPointerOf,
  deleteElement,
  duplicateElement,
  elementLabel,
  isRequired,
  moveElement,
  referencesToElement,
  schemaPointerOf,
  setRequired,
  typeOfControl,
  type Definition,
} from './form-ops.ts';

const start = () => minimalProcedure() as unknown as Definition;

test('every palette type adds an element that its renderer renders, and the definition stays valid', () => {
  for (const type of FIELD_TYPES) {
    const { definition, pointer } = addField(start(), type.id, null);
    const el = getAt(definition, pointer) as UISchemaElement;
    const form = definition.form as { schema: unknown };
    assert.equal(rendererFor(el, form.schema, { rootSchema: form.schema }), type.renderer, type.id);
    const v = validateProcedure(definition);
    assert.deepEqual(v.issues, [], type.id);
    if (el.type === 'Control')
      assert.equal(typeOfControl(definition, pointer), type.id.replace(/^(phone|id-number)$/, 'text'));
  }
});

test('fields go inside a selected group, a page or a repeatable group, after a selected field', () => {
  let d = start();
  const group = addField(d, 'group', null);
  const inGroup = addField(group.definition, 'text', group.pointer);
  assert.equal(inGroup.pointer, `${group.pointer}/elements/1`, 'a new group starts with one field');
  const after = addField(inGroup.definition, 'date', inGroup.pointer);
  assert.equal(after.pointer, `${group.pointer}/elements/2`);
  const list = addField(after.definition, 'array', null);
  const row = addField(list.definition, 'text', list.pointer);
  assert.equal(row.pointer, `${list.pointer}/options/detail/elements/1`);
  assert.equal(schemaPointerOf(row.definition, row.pointer), '/form/schema/properties/field4/items/properties/field2');
  assert.equal(dataPointerOf(row.definition, row.pointer), '/field4/*/field2');
  d = row.definition;
  assert.deepEqual(validateProcedure(d).issues, []);
  const page = addField(d, 'page', null);
  const root = getAt(page.definition, '/form/uischema') as UISchemaElement;
  assert.equal(root.type, 'Categorization');
  assert.equal(root.elements!.length, 2);
  assert.equal(page.pointer, '/form/uischema/elements/1');
  const onPage = addField(page.definition, 'email', null);
  assert.equal(onPage.pointer, '/form/uischema/elements/1/elements/1');
  assert.deepEqual(validateProcedure(onPage.definition).issues, []);
});

test('move, duplicate, required, delete with references shown first', () => {
  let d = start();
  const moved = moveElement(d, '/form/uischema/elements/1', -1);
  assert.equal(
    (getAt(moved.definition, '/form/uischema/elements/0') as UISchemaElement).scope,
    '#/properties/idNumber',
  );
  assert.equal(moveElement(d, '/form/uischema/elements/0', -1).definition, d, 'nothing above the first');
  const dup = duplicateElement(d, '/form/uischema/elements/1');
  assert.equal((getAt(dup.definition, dup.pointer) as UISchemaElement).scope, '#/properties/idNumber1');
  assert.deepEqual(elementLabel(dup.definition, dup.pointer), { vi: 'Số định danh', en: 'ID number' });
  d = setRequired(dup.definition, dup.pointer, true);
  assert.ok(isRequired(d, dup.pointer));
  assert.deepEqual(validateProcedure(d).issues, []);
  // The applicant's identity points at fullName: deleting it shows that first.
  const refs = referencesToElement(d, '/form/uischema/elements/0');
  assert.deepEqual(
    refs.map((r) => r.pointer),
    ['/applicant/person/fullName'],
  );
  assert.deepEqual(referencesToElement(d, dup.pointer), []);
  const gone = deleteElement(d, dup.pointer);
  assert.equal(getAt(gone, '/form/schema/properties/idNumber1'), undefined);
  assert.deepEqual((getAt(gone, '/form/schema') as { required: string[] }).required, ['fullName']);
  assert.deepEqual(validateProcedure(gone).issues, []);
});

test('the palette search folds accents and matches both languages', () => {
  assert.deepEqual(
    searchFieldTypes('ngay').map((t) => t.id),
    ['date', 'date-time'],
  );
  assert.ok(searchFieldTypes('Ngày').some((t) => t.id === 'date'));
  assert.ok(searchFieldTypes('phone').some((t) => t.id === 'phone'));
  assert.equal(searchFieldTypes('').length, FIELD_TYPES.length);
});
