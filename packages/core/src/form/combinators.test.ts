import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alternativesOf, mergeAllOf } from './combinators.ts';
import { generateJsonSchema } from './generate-json-schema.ts';

const root = {
  definitions: {
    person: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
  },
};

test('allOf merges the parts: properties and required of each, references followed', () => {
  const schema = {
    title: 'Người khai',
    allOf: [
      { $ref: '#/definitions/person' },
      { properties: { phone: { type: 'string' } }, required: ['phone'] },
      { if: { properties: { phone: { const: '1' } } }, then: { required: ['name'] } },
    ],
  };
  assert.deepEqual(mergeAllOf(schema, root), {
    title: 'Người khai',
    type: 'object',
    properties: { name: { type: 'string' }, phone: { type: 'string' } },
    required: ['name', 'phone'],
  });
});

test('allOf of itself ends: each part is merged once', () => {
  const self: Record<string, unknown> = { properties: { a: { type: 'string' } } };
  self.allOf = [{ $ref: '#' }, self];
  assert.deepEqual(mergeAllOf(self, self), { type: 'object', properties: { a: { type: 'string' } } });
});

test('alternatives carry what the schema says beside them', () => {
  const schema = {
    type: 'object',
    title: 'Giấy tờ',
    properties: { note: { type: 'string' } },
    required: ['note'],
    oneOf: [
      { title: 'CCCD', properties: { id: { type: 'string' } }, required: ['id'] },
      { title: 'Hộ chiếu', allOf: [{ properties: { passport: { type: 'string' } } }] },
    ],
  };
  assert.deepEqual(alternativesOf(schema, 'oneOf', root), [
    {
      type: 'object',
      title: 'CCCD',
      properties: { note: { type: 'string' }, id: { type: 'string' } },
      required: ['note', 'id'],
    },
    {
      type: 'object',
      title: 'Hộ chiếu',
      properties: { note: { type: 'string' }, passport: { type: 'string' } },
      required: ['note'],
    },
  ]);
  assert.deepEqual(alternativesOf({ anyOf: [{ type: 'string' }, { type: 'number' }] }, 'anyOf', root), [
    { type: 'string' },
    { type: 'number' },
  ]);
  assert.deepEqual(alternativesOf({}, 'anyOf', root), []);
});

test('a schema read off data: types, properties, lists by their first item, nothing required', () => {
  assert.deepEqual(
    generateJsonSchema({ name: 'An', age: 3, height: 1.2, ok: true, tags: ['x'], rows: [{ a: 1 }], none: null, e: [] }),
    {
      type: 'object',
      properties: {
        name: { type: 'string' },
        age: { type: 'integer' },
        height: { type: 'number' },
        ok: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string' } },
        rows: { type: 'array', items: { type: 'object', properties: { a: { type: 'integer' } } } },
        none: {},
        e: { type: 'array' },
      },
    },
  );
  assert.deepEqual(generateJsonSchema(undefined), {});
});
