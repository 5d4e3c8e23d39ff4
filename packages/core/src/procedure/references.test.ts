import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minimalProcedure, exampleProcedure } from '../testing/procedures.ts';
import { conditionMentions, referencesTo } from './references.ts';

test('a condition mentions a field through properties, required and combinators', () => {
  assert.equal(conditionMentions({ properties: { a: { const: 1 } }, required: ['a'] }, ['a']), true);
  assert.equal(conditionMentions({ required: ['a'] }, ['a']), true);
  assert.equal(conditionMentions({ required: ['a'] }, ['a', 'b']), false);
  assert.equal(conditionMentions({ properties: { a: { properties: { b: { const: 1 } } } } }, ['a', 'b']), true);
  assert.equal(conditionMentions({ properties: { a: { properties: { b: { const: 1 } } } } }, ['a']), true);
  assert.equal(conditionMentions({ properties: { a: { properties: { b: { const: 1 } } } } }, ['a', 'c']), false);
  assert.equal(conditionMentions({ anyOf: [{ properties: { x: { const: 1 } } }] }, ['x']), true);
  assert.equal(conditionMentions({ not: { required: ['x'] } }, ['x']), true);
  assert.equal(conditionMentions({ properties: { a: { title: 'only a title' } } }, ['a']), false);
  assert.equal(conditionMentions(true, ['a']), false);
});

test('referencesTo lists conditions, identity pointers, fee quantities, controls and UI rules', () => {
  const p = minimalProcedure();
  p.documents[0]!.when = { properties: { copies: { minimum: 1 } }, required: ['copies'] };
  p.fees.items[0]!.per = { field: '/copies', unit: { vi: 'bản', en: 'copy' } } as never;
  p.form.uischema.elements!.push({
    type: 'Control',
    scope: '#/properties/copies',
    rule: { effect: 'SHOW', condition: { scope: '#/properties/fullName', schema: { minLength: 3 } } },
  });
  const refs = referencesTo(p, '/copies');
  assert.deepEqual(
    refs.map((r) => [r.pointer, r.kind, r.via]),
    [
      ['/documents/0/when', 'document', 'condition'],
      ['/fees/items/0/per/field', 'fee', 'pointer'],
      ['/form/uischema/elements/2', 'form', 'control'],
    ],
  );
  assert.deepEqual(
    referencesTo(p, '/fullName').map((r) => r.pointer),
    ['/applicant/person/fullName', '/form/uischema/elements/0', '/form/uischema/elements/2/rule'],
  );
  assert.deepEqual(referencesTo(p, '/address/street'), []);
});

test('a group is referred to by what refers to its fields', () => {
  const p = exampleProcedure('1.001612');
  const refs = referencesTo(p, '/owner');
  assert.ok(refs.some((r) => r.pointer === '/applicant/person/fullName'));
  assert.ok(refs.some((r) => r.kind === 'form' && r.via === 'control'));
  const proxy = referencesTo(p, '/filedByProxy');
  assert.ok(proxy.some((r) => r.kind === 'document' && r.via === 'condition'));
});
