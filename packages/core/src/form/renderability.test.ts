import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { exampleProcedures } from '../testing/procedures.ts';
import { generateUiSchema } from './generate-ui-schema.ts';
import { RENDERABILITY, rendererFor } from './renderability.ts';
import { resolveSchema } from './resolve-schema.ts';

const ROOT = {
  type: 'object',
  definitions: {
    address: { type: 'object', properties: { street: { type: 'string' } } },
    choice: { type: 'string', enum: ['a', 'b'] },
  },
  properties: {
    name: { type: 'string' },
    mail: { type: 'string', format: 'email' },
    age: { type: 'integer' },
    height: { type: 'number' },
    rating: { type: 'integer', minimum: 1, maximum: 5, default: 3 },
    agree: { type: 'boolean' },
    kind: { type: 'string', enum: ['a', 'b'] },
    titled: {
      oneOf: [
        { const: 'a', title: 'A' },
        { const: 'b', title: 'B' },
      ],
    },
    born: { type: 'string', format: 'date' },
    at: { type: 'string', format: 'time' },
    meeting: { type: 'string', format: 'date-time' },
    text: { type: 'string' },
    address: { $ref: '#/definitions/address' },
    members: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
    phones: { type: 'array', items: { type: 'string' } },
    languages: { type: 'array', uniqueItems: true, items: { enum: ['vi', 'en'] } },
    referenced: { $ref: '#/definitions/choice' },
    either: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    one: { oneOf: [{ title: 'A', properties: { a: { type: 'string' } } }, { type: 'number' }] },
    both: { allOf: [{ $ref: '#/definitions/address' }, { properties: { zip: { type: 'string' } } }] },
    notes: { type: 'array' },
    nothing: { type: 'null' },
    tuple: { type: 'array', items: [{ type: 'string' }, { type: 'number' }] },
    untyped: {},
  },
};
const control = (name: string, options?: Record<string, unknown>) => ({
  type: 'Control',
  scope: `#/properties/${name}`,
  ...(options ? { options } : {}),
});
const pick = (el: unknown, schema: unknown = ROOT) => rendererFor(el, schema, { rootSchema: ROOT });

describe('the renderability table', () => {
  test('names each renderer once, every tester a function', () => {
    assert.equal(new Set(RENDERABILITY.map((e) => e.name)).size, RENDERABILITY.length);
    for (const e of RENDERABILITY) assert.equal(typeof e.tester, 'function', e.name);
  });

  test('picks the renderer of every kind of control, by schema and options', () => {
    const cases: [unknown, string][] = [
      [control('name'), 'text'],
      [control('mail'), 'email'],
      [control('text', { multi: true }), 'multiline'],
      [control('age'), 'integer'],
      [control('height'), 'number'],
      [control('rating'), 'integer'],
      [control('rating', { slider: true }), 'range'],
      [control('agree'), 'boolean'],
      [control('kind'), 'enum'],
      [control('kind', { format: 'radio' }), 'enum-radio'],
      [control('titled'), 'oneof-enum'],
      [control('titled', { format: 'radio' }), 'oneof-enum-radio'],
      [control('born'), 'date'],
      [control('at'), 'time'],
      [control('meeting'), 'date-time'],
      [control('name', { format: 'date' }), 'date'],
      [control('address'), 'object'],
      [control('members'), 'object-array'],
      [control('phones'), 'primitive-array'],
      [control('languages'), 'multi-enum'],
      [control('referenced'), 'enum'],
      [control('either'), 'any-of'],
      [control('one'), 'one-of'],
      [control('both'), 'all-of'],
      [control('notes'), 'untyped-array'],
      [{ type: 'ListWithDetail', scope: '#/properties/members' }, 'list-with-detail'],
      [{ type: 'Control', scope: '#/properties/address/properties/street' }, 'text'],
      [{ type: 'VerticalLayout', elements: [] }, 'vertical'],
      [{ type: 'HorizontalLayout', elements: [] }, 'horizontal'],
      [{ type: 'Group', elements: [] }, 'group'],
      [{ type: 'Category', elements: [] }, 'category'],
      [{ type: 'Label', text: 'x' }, 'label'],
      [{ type: 'Categorization', elements: [{ type: 'Category', elements: [] }] }, 'wizard'],
    ];
    for (const [el, name] of cases) assert.equal(pick(el), name, JSON.stringify(el));
  });

  test('a scope is relative to the schema the element is dispatched with (an array row, an object)', () => {
    const items = ROOT.properties.members.items;
    assert.equal(pick(control('name'), items), 'text');
    // A primitive array's row is the item itself, scope "#".
    assert.equal(pick({ type: 'Control', scope: '#' }, ROOT.properties.phones.items), 'text');
  });

  test('nothing renders null, tuples, unknown elements, broken input', () => {
    const cases: unknown[] = [
      control('nothing'),
      control('tuple'),
      control('untyped'),
      control('missing'),
      { type: 'Control' },
      { type: 'ListWithDetail', scope: '#/properties/phones' },
      { type: 'Categorization', elements: [{ type: 'VerticalLayout', elements: [] }] },
      { type: 'Categorization', elements: [] },
      null,
      'Control',
      {},
    ];
    for (const el of cases) assert.equal(pick(el), null, JSON.stringify(el));
    assert.equal(pick(control('name'), true), null, 'a boolean schema');
  });

  test('every element of the example procedures has a renderer', () => {
    let n = 0;
    const visit = (el: unknown, schema: unknown, root: unknown, name: string) => {
      const renderer = rendererFor(el, schema, { rootSchema: root });
      assert.notEqual(renderer, null, `${name}: ${JSON.stringify(el)}`);
      n++;
      for (const child of (el as { elements?: unknown[] }).elements ?? []) visit(child, schema, root, name);
      const scope = (el as { scope?: string }).scope;
      if (renderer === 'object') {
        const inner = resolveSchema(schema, scope, root);
        visit(generateUiSchema(inner, root), inner, root, name);
      }
      if (renderer === 'object-array') {
        const inner = resolveSchema(resolveSchema(schema, scope, root), 'items', root);
        const detail = (el as { options?: { detail?: unknown } }).options?.detail;
        visit(detail ?? generateUiSchema(inner, root), inner, root, name);
      }
    };
    for (const [name, p] of exampleProcedures()) visit(p.form.uischema, p.form.schema, p.form.schema, name);
    assert.ok(n > 60, `${n} elements`);
  });
});

describe("JSON Forms' scope resolution", () => {
  test('through properties, items, references, and alternatives or branches holding the field', () => {
    const root = {
      definitions: { a: { type: 'string' }, loop: { $ref: '#/definitions/loop' } },
      properties: { x: { $ref: '#/definitions/a' }, list: { type: 'array', items: { $ref: '#/definitions/a' } } },
      oneOf: [{ properties: { y: { type: 'number' } } }],
      then: { properties: { z: { type: 'boolean' } } },
      allOf: [{ $ref: '#/definitions/extra' }],
    } as const;
    const withExtra = {
      ...root,
      definitions: { ...root.definitions, extra: { properties: { w: { type: 'integer' } } } },
    };
    assert.deepEqual(resolveSchema(root, '#/properties/x', root), { type: 'string' });
    assert.deepEqual(resolveSchema(root, '#/properties/list/items', root), { type: 'string' });
    assert.deepEqual(resolveSchema(root, '#/properties/y', root), { type: 'number' });
    assert.deepEqual(resolveSchema(root, '#/properties/z', root), { type: 'boolean' });
    assert.deepEqual(resolveSchema(withExtra, '#/properties/w', withExtra), { type: 'integer' });
    assert.equal(resolveSchema(root, '#/properties/nope', root), undefined);
    assert.equal(resolveSchema(root, '#/definitions/loop/properties/x', root), undefined, 'a loop resolves to nothing');
    assert.equal(resolveSchema(root, '#', root), root);
    assert.deepEqual(resolveSchema({ properties: { 'a/b': { type: 'string' } } }, '#/properties/a~1b', {}), {
      type: 'string',
    });
  });

  test('the UI schema generated for a nested object: one Control per typed property', () => {
    const root = { definitions: { s: { type: 'string' } } };
    assert.deepEqual(
      generateUiSchema(
        {
          type: 'object',
          properties: {
            a: { type: 'string' },
            b: { $ref: '#/definitions/s' },
            c: {},
            'd/e': { anyOf: [{ type: 'string' }] },
            f: { type: ['string', 'number'] },
          },
        },
        root,
      ),
      {
        type: 'VerticalLayout',
        elements: [
          { type: 'Control', scope: '#/properties/a' },
          { type: 'Control', scope: '#/properties/b' },
          { type: 'Control', scope: '#/properties/d~1e' },
          { type: 'Control', scope: '#/properties/f' },
        ],
      },
    );
    assert.deepEqual(generateUiSchema({ type: 'string' }, root), {
      type: 'VerticalLayout',
      elements: [{ type: 'Control', scope: '#' }],
    });
    assert.equal(generateUiSchema({}, root), null);
    assert.throws(() => generateUiSchema({ type: 'text' }, root), /Unknown type/);
  });
});

describe('recursive schemas', () => {
  const tree = {
    type: 'object',
    properties: {
      name: { type: 'string' },
      children: { type: 'array', items: { $ref: '#' } },
      more: { allOf: [{ $ref: '#' }] },
    },
    allOf: [{ $ref: '#' }],
  };

  test('a schema among its own parts resolves, and a missing field is not found, without overflowing', () => {
    assert.deepEqual(resolveSchema(tree, '#/properties/name', tree), { type: 'string' });
    assert.equal(resolveSchema(tree, '#/properties/missing', tree), undefined);
    assert.equal(resolveSchema(tree, '#/properties/more/properties/missing', tree), undefined);
    assert.equal(pick({ type: 'Control', scope: '#/properties/missing' }, tree), null);
    assert.equal(rendererFor(control('more'), tree, { rootSchema: tree }), 'all-of');
    assert.equal(rendererFor(control('children'), tree, { rootSchema: tree }), 'object-array');
  });
});
