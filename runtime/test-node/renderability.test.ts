import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  and,
  categorizationHasCategory,
  formatIs,
  Generate,
  hasType,
  isAllOfControl,
  isAnyOfControl,
  isBooleanControl,
  isDateControl,
  isDateTimeControl,
  isEnumControl,
  isIntegerControl,
  isMultiLineControl,
  isNumberControl,
  isObjectArray,
  isObjectArrayControl,
  isObjectControl,
  isOneOfControl,
  isOneOfEnumControl,
  isPrimitiveArrayControl,
  isRangeControl,
  isStringControl,
  isTimeControl,
  optionIs,
  not,
  rankWith,
  Resolve,
  schemaMatches,
  uiTypeIs,
  type ControlElement,
  type JsonSchema,
  type RankedTester,
  type UISchemaElement,
} from '@jsonforms/core';
import { generateUiSchema, RENDERABILITY, rendererFor } from '@motcua/core';
import { motcuaRenderers } from '../src/renderers/index.ts';

// The renderer set's testers live in core (RENDERABILITY), where the publishing checks use them
// too. They must pick what JSON Forms' own testers picked — the compositions below are the ones
// the runtime used before they moved — for every element of every fixture and example, and for
// generated schemas and UI schemas; and every entry of the table must have its renderer here.

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const isMultiEnum = (uischema: UISchemaElement, schema: JsonSchema, context: { rootSchema: JsonSchema }): boolean => {
  if (uischema.type !== 'Control') return false;
  const s = Resolve.schema(schema, (uischema as ControlElement).scope, context.rootSchema) as
    Record<string, unknown> | undefined;
  const items = s?.items as Record<string, unknown> | undefined;
  if (!s || s.uniqueItems !== true || !items || Array.isArray(items)) return false;
  const alts = (items.oneOf ?? items.anyOf) as Record<string, unknown>[] | undefined;
  return Array.isArray(items.enum) || (Array.isArray(alts) && alts.every((a) => a && 'const' in a));
};
const radio = optionIs('format', 'radio');

/** JSON Forms' testers, composed as the runtime's renderer modules composed them. */
const REFERENCE: Record<string, RankedTester> = {
  text: rankWith(1, isStringControl),
  email: rankWith(2, and(isStringControl, formatIs('email'))),
  multiline: rankWith(2, and(isStringControl, isMultiLineControl)),
  number: rankWith(2, isNumberControl),
  integer: rankWith(2, isIntegerControl),
  range: rankWith(4, isRangeControl),
  boolean: rankWith(2, isBooleanControl),
  enum: rankWith(2, isEnumControl),
  'oneof-enum': rankWith(2, isOneOfEnumControl),
  'enum-radio': rankWith(3, and(isEnumControl, radio)),
  'oneof-enum-radio': rankWith(3, and(isOneOfEnumControl, radio)),
  date: rankWith(3, isDateControl),
  time: rankWith(3, isTimeControl),
  'date-time': rankWith(3, isDateTimeControl),
  object: rankWith(2, isObjectControl),
  'object-array': rankWith(3, isObjectArrayControl),
  'primitive-array': rankWith(3, isPrimitiveArrayControl),
  'multi-enum': rankWith(5, isMultiEnum),
  'untyped-array': rankWith(
    3,
    and(
      uiTypeIs('Control'),
      schemaMatches((s) => hasType(s, 'array') && !Object.prototype.hasOwnProperty.call(s, 'items')),
    ),
  ),
  'one-of': rankWith(3, and(isOneOfControl, not(isOneOfEnumControl))),
  'any-of': rankWith(3, isAnyOfControl),
  'all-of': rankWith(3, isAllOfControl),
  'list-with-detail': rankWith(4, and(uiTypeIs('ListWithDetail'), isObjectArray)),
  vertical: rankWith(1, uiTypeIs('VerticalLayout')),
  horizontal: rankWith(1, uiTypeIs('HorizontalLayout')),
  group: rankWith(1, uiTypeIs('Group')),
  category: rankWith(1, uiTypeIs('Category')),
  label: rankWith(1, uiTypeIs('Label')),
  wizard: rankWith(1, and(uiTypeIs('Categorization'), categorizationHasCategory)),
};

/** Core's rank and JSON Forms' for every entry; the first difference fails with its inputs. */
function assertSameRanks(uischema: unknown, schema: unknown, rootSchema: unknown, where: string): void {
  const context = { rootSchema: rootSchema as JsonSchema, config: {} };
  for (const { name, tester } of RENDERABILITY) {
    let reference: number | string;
    try {
      reference = REFERENCE[name]!(uischema as UISchemaElement, schema as JsonSchema, context);
    } catch {
      // JSON Forms throws on some malformed input (the form then says "unsupported"): no renderer either way.
      reference = 'throws';
    }
    if (reference === 'throws') {
      // JSON Forms overflows the stack on a schema that is its own part; core's testers answer.
      assert.doesNotThrow(() => tester(uischema, schema, context), `${where}: ${name}`);
      continue;
    }
    const ours = tester(uischema, schema, context);
    assert.equal(ours, reference, `${where}: ${name} for ${JSON.stringify(uischema)} in ${JSON.stringify(schema)}`);
  }
}

/** The renderer the runtime chose with JSON Forms' testers: highest rank, first of equals, none at 0. */
function referenceChoice(uischema: unknown, schema: unknown, rootSchema: unknown): string | null {
  let best: string | null = null;
  let rank = -1;
  for (const { name } of RENDERABILITY) {
    const r = REFERENCE[name]!(uischema as UISchemaElement, schema as JsonSchema, {
      rootSchema: rootSchema as JsonSchema,
      config: {},
    });
    if (r > rank) [best, rank] = [name, r];
  }
  return rank > 0 ? best : null;
}

interface Form {
  name: string;
  schema: JsonSchema;
  uischema: UISchemaElement;
}

function forms(): Form[] {
  const out: Form[] = [];
  const fixtures = here('../test/fixtures/');
  for (const f of readdirSync(fixtures).filter((f) => f.endsWith('.json') && f !== 'birth-valid.json')) {
    const j = JSON.parse(readFileSync(fixtures + f, 'utf8'));
    out.push({ name: f, schema: j.schema, uischema: j.uischema ?? Generate.uiSchema(j.schema) });
  }
  const procedures = [
    ...readdirSync(here('../test/fixtures/procedures')).map((f) => here(`../test/fixtures/procedures/${f}`)),
    ...readdirSync(here('../../examples/procedures')).map((f) => here(`../../examples/procedures/${f}`)),
  ].filter((f) => f.endsWith('.json'));
  for (const f of procedures) {
    const p = JSON.parse(readFileSync(f, 'utf8'));
    out.push({ name: f, schema: p.form.schema, uischema: p.form.uischema });
  }
  return out;
}

/** Every element the form dispatches, with the schema it is dispatched with (nested layouts generated as the renderers do). */
function dispatched(
  el: UISchemaElement,
  schema: JsonSchema,
  root: JsonSchema,
  out: { el: UISchemaElement; schema: JsonSchema }[] = [],
  depth = 0,
) {
  out.push({ el, schema });
  for (const child of (el as { elements?: UISchemaElement[] }).elements ?? [])
    dispatched(child, schema, root, out, depth);
  if (el.type !== 'Control' || depth > 4) return out;
  const own = Resolve.schema(schema, (el as ControlElement).scope, root);
  const detail = (el as ControlElement).options?.detail as UISchemaElement | undefined;
  if (own?.type === 'object')
    dispatched(Generate.uiSchema(own, 'VerticalLayout', undefined, root), own, root, out, depth + 1);
  const items = own?.type === 'array' ? Resolve.schema(own, 'items', root) : undefined;
  if (items && !Array.isArray(items)) {
    dispatched(
      detail?.type ? detail : Generate.uiSchema(items, 'VerticalLayout', undefined, root),
      items,
      root,
      out,
      depth + 1,
    );
    dispatched({ type: 'Control', scope: '#' } as ControlElement, items, root, out, depth + 1);
  }
  return out;
}

test('every entry of core\u2019s renderability table has its renderer, in the table\u2019s order', () => {
  assert.deepEqual(
    motcuaRenderers.map((r) => r.name),
    RENDERABILITY.map((e) => e.name),
  );
  assert.equal(new Set(RENDERABILITY.map((e) => e.name)).size, RENDERABILITY.length, 'names are unique');
  for (const [i, r] of motcuaRenderers.entries()) {
    assert.equal(r.tester, RENDERABILITY[i]!.tester, `${r.name}: core's tester itself`);
    assert.equal(typeof r.renderer, 'function', r.name);
  }
});

test("core's testers rank every element of the fixtures and examples as JSON Forms' testers did", () => {
  let n = 0;
  for (const form of forms()) {
    for (const { el, schema } of dispatched(form.uischema, form.schema, form.schema)) {
      assertSameRanks(el, schema, form.schema, form.name);
      assert.notEqual(
        rendererFor(el, schema, { rootSchema: form.schema }),
        null,
        `${form.name}: ${JSON.stringify(el)}`,
      );
      n++;
    }
  }
  assert.ok(n > 150, `${n} elements`);
});

const NAMES = ['a', 'b', 'c~d', 'e/f'];
const FORMATS = ['date', 'time', 'date-time', 'email', 'uri', undefined];
const TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null', 'foo'];

/** Schemas of every shape the testers tell apart, with references into `definitions`. */
const schemaArb: fc.Arbitrary<unknown> = fc.letrec<{ schema: unknown }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(true, false, {}, null, { $ref: '#/definitions/a' }, { $ref: '#/definitions/missing' }),
    fc.record(
      {
        type: fc.oneof(fc.constantFrom(...TYPES), fc.subarray(TYPES, { minLength: 0, maxLength: 3 })),
        format: fc.constantFrom(...FORMATS),
        enum: fc.constantFrom([1, 2], ['x', 'y'], [null, 'x'], [{ a: 1 }], []),
        const: fc.constantFrom('x', 1, null),
        oneOf: fc.oneof(
          fc.constantFrom([{ const: 'a', title: 'A' }, { const: 'b' }], [{ const: 1 }, { type: 'string' }]),
          fc.array(tie('schema'), { maxLength: 2 }),
        ),
        anyOf: fc.array(tie('schema'), { maxLength: 2 }),
        allOf: fc.array(tie('schema'), { maxLength: 2 }),
        properties: fc.dictionary(fc.constantFrom(...NAMES), tie('schema'), { maxKeys: 3 }),
        additionalProperties: fc.constantFrom(true, false, { type: 'string' }),
        items: fc.oneof(tie('schema'), fc.array(tie('schema'), { maxLength: 2 })),
        uniqueItems: fc.boolean(),
        minimum: fc.constant(0),
        maximum: fc.constant(10),
        default: fc.constant(5),
        $ref: fc.constantFrom('#/definitions/a', '#/definitions/b', '#'),
        then: tie('schema'),
        else: tie('schema'),
      },
      { requiredKeys: [] },
    ),
  ),
})).schema;

const scopeArb = fc.oneof(
  fc.constantFrom('#', '#/', '', '#/items', '#/properties', 'properties/a', '#/definitions/a', '#/properties/zz'),
  fc
    .array(fc.constantFrom(...NAMES.map((n) => `properties/${n.replace(/~/g, '~0').replace(/\//g, '~1')}`), 'items'), {
      minLength: 1,
      maxLength: 3,
    })
    .map((segments) => `#/${segments.join('/')}`),
);

const uiArb: fc.Arbitrary<unknown> = fc.letrec<{ el: unknown }>((tie) => ({
  el: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, {}, { type: 'Control' }, { scope: '#/properties/a' }),
    fc.record(
      {
        type: fc.constantFrom(
          'Control',
          'VerticalLayout',
          'HorizontalLayout',
          'Group',
          'Label',
          'Category',
          'Categorization',
          'ListWithDetail',
        ),
        scope: scopeArb,
        elements: fc.array(tie('el'), { maxLength: 3 }),
        options: fc.oneof(
          fc.constantFrom({}, null, 'x'),
          fc.record(
            {
              multi: fc.boolean(),
              format: fc.constantFrom('radio', 'date', 'time', 'date-time', true),
              slider: fc.boolean(),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: ['type'] },
    ),
  ),
})).el;

test("core's testers rank generated elements and schemas as JSON Forms' testers do", () => {
  fc.assert(
    fc.property(uiArb, schemaArb, schemaArb, schemaArb, (el, schema, a, b) => {
      const root = { ...(typeof schema === 'object' && schema !== null ? schema : {}), definitions: { a, b } };
      assertSameRanks(el, root, root, 'root');
      assertSameRanks(el, schema, root, 'nested');
    }),
    { numRuns: 1000 },
  );
});

/** Form-like schemas: objects whose fields sit in `properties` or only in an alternative or branch. */
const leafArb = fc.record(
  {
    type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'array', 'null', ['string', 'null']),
    format: fc.constantFrom(...FORMATS),
    enum: fc.constantFrom(['x', 'y'], [1, 2]),
    oneOf: fc.constantFrom([{ const: 'a', title: 'A' }, { const: 'b' }], [{ type: 'string' }]),
    items: fc.constantFrom(
      { type: 'string' },
      { enum: ['x', 'y'] },
      { oneOf: [{ const: 1 }, { const: 2 }] },
      { type: 'object', properties: { a: { type: 'string' } } },
      { $ref: '#/definitions/a' },
      { $ref: '#/definitions/b' },
      [{ type: 'string' }],
    ),
    uniqueItems: fc.boolean(),
    minimum: fc.constant(0),
    maximum: fc.constant(10),
    default: fc.constant(5),
    $ref: fc.constantFrom('#/definitions/a', '#/definitions/b'),
  },
  { requiredKeys: [] },
);
const objectAt = (depth: number): fc.Arbitrary<Record<string, unknown>> => {
  const type = fc.constantFrom('object', ['object', 'null']);
  if (depth === 0)
    return fc.record(
      { type, properties: fc.dictionary(fc.constantFrom(...NAMES), leafArb, { maxKeys: 3 }) },
      { requiredKeys: ['properties'] },
    );
  const nested = objectAt(depth - 1);
  return fc.record(
    {
      type,
      properties: fc.dictionary(fc.constantFrom(...NAMES), fc.oneof(leafArb, nested), { maxKeys: 3 }),
      oneOf: fc.array(nested, { maxLength: 2 }),
      allOf: fc.array(nested, { maxLength: 2 }),
      anyOf: fc.array(nested, { maxLength: 2 }),
      then: nested,
      else: nested,
    },
    { requiredKeys: ['properties'] },
  );
};
const objectArb = objectAt(2);

test("core's testers rank the controls of form-like schemas as JSON Forms' testers do", () => {
  const controlArb = fc.record(
    {
      type: fc.constant('Control'),
      scope: scopeArb,
      options: fc.record(
        { multi: fc.boolean(), format: fc.constantFrom('radio', 'date', 'time', 'date-time'), slider: fc.boolean() },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['type', 'scope'] },
  );
  fc.assert(
    fc.property(controlArb, objectArb, leafArb, objectArb, (el, schema, a, b) => {
      const root = { ...schema, definitions: { a, b } };
      assertSameRanks(el, root, root, 'root');
      assert.equal(rendererFor(el, root, { rootSchema: root }), referenceChoice(el, root, root));
    }),
    { numRuns: 1500 },
  );
});

test("core's generated UI schema is JSON Forms' own", () => {
  const same = (schema: unknown, root: unknown) => {
    let reference: unknown;
    try {
      reference = Generate.uiSchema(schema as JsonSchema, 'VerticalLayout', undefined, root as JsonSchema);
    } catch (err) {
      // JSON Forms throws on a type JSON Schema does not have, as core does; other throws come
      // from reading a null where a schema belongs, which the procedure schema already refuses.
      if (err instanceof Error && err.message.startsWith('Unknown type'))
        assert.throws(() => generateUiSchema(schema, root), /Unknown type/);
      return;
    }
    assert.deepEqual(generateUiSchema(schema, root), reference);
  };
  for (const form of forms()) {
    same(form.schema, form.schema);
    for (const s of Object.values((form.schema as { properties?: object }).properties ?? {})) same(s, form.schema);
  }
  fc.assert(
    fc.property(schemaArb, schemaArb, (schema, a) => same(schema, { definitions: { a, b: a } })),
    { numRuns: 2000 },
  );
});
