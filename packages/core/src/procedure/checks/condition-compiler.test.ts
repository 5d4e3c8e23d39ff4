import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileError, metaErrors } from './condition-compiler.ts';

test('a schema that compiles, asked again in another key order, answers the same from memory', () => {
  assert.equal(compileError({ type: 'object', required: ['a'], properties: { a: { const: 1 } } }), null);
  assert.equal(compileError({ properties: { a: { const: 1 } }, required: ['a'], type: 'object' }), null);
});

test('a misspelt keyword is refused every time, not only on the first call', () => {
  const schema = { properties: { a: { constt: 1 } } };
  const first = compileError(schema);
  const again = compileError(structuredClone(schema));
  assert.match(String((first?.error as Error).message), /unknown keyword: "constt"/);
  assert.equal(again, first);
});

test('schemas with an $id compile more than once without clashing in the registry', () => {
  assert.equal(compileError({ $id: 'x', type: 'string' }), null);
  assert.equal(compileError({ $id: 'x', type: 'string', minLength: 1 }), null);
});

test('meta-schema errors are reported for a malformed schema and none for a valid one', () => {
  assert.deepEqual(metaErrors({ type: 'string' }), []);
  assert.ok(metaErrors({ type: 12 } as never).length > 0);
  assert.ok(metaErrors({ type: 12 } as never).length > 0);
});

test('relabelling does not change the answer; a misspelt keyword is still caught beside a title', () => {
  const form = (title: string) => ({ type: 'object', properties: { title: { type: 'string', title } } });
  assert.equal(compileError(form('Họ và tên')), null);
  assert.equal(compileError(form('Họ và tên đầy đủ')), null);
  const bad = compileError({ properties: { title: { title: 'x', typ: 'string' } } });
  assert.match(String((bad?.error as Error).message), /unknown keyword: "typ"/);
  assert.ok(compileError({ title: 12 } as never), 'a title that is not a string is not an annotation to skip');
});
