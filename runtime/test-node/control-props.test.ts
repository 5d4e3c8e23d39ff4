import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import {
  Generate,
  type ControlElement,
  mapStateToControlProps,
  mapStateToEnumControlProps,
  mapStateToOneOfEnumControlProps,
  type JsonFormsState,
  type JsonSchema,
  type Layout,
  type OwnPropsOfControl,
  type UISchemaElement,
} from '@jsonforms/core';
import { createAjvEvaluator } from '@motcua/core/ajv';
import { ControlPropsCache, type ControlMapper } from '../src/jsonforms/control-props.ts';
import { memoizeResolve } from '../src/jsonforms/resolve-memo.ts';
import { createValidatorShim } from '../src/jsonforms/validator-shim.ts';
import { translator } from '../src/i18n/localize.ts';

// The runtime memoises JSON Forms' control mappers (src/jsonforms/control-props.ts): the props it
// returns must be exactly JSON Forms' own, for every control of every fixture and example
// procedure, whatever the data, the rules, the readonly flag and the parents' enablement.

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const MAPPERS = {
  control: mapStateToControlProps,
  enum: mapStateToEnumControlProps,
  oneOfEnum: mapStateToOneOfEnumControlProps,
};

interface Form {
  name: string;
  schema: JsonSchema;
  uischema: UISchemaElement;
}

function forms(): Form[] {
  const out: Form[] = [];
  for (const f of readdirSync(here('../test/fixtures')).filter(
    (f) => f.endsWith('.json') && f !== 'birth-valid.json',
  )) {
    const j = JSON.parse(readFileSync(here(`../test/fixtures/${f}`), 'utf8'));
    out.push({ name: f, schema: j.schema, uischema: j.uischema ?? Generate.uiSchema(j.schema) });
  }
  for (const f of readdirSync(here('../../examples/procedures')).filter((f) => f.endsWith('.json'))) {
    const p = JSON.parse(readFileSync(here(`../../examples/procedures/${f}`), 'utf8'));
    out.push({ name: f, schema: p.form.schema, uischema: p.form.uischema ?? Generate.uiSchema(p.form.schema) });
  }
  return out;
}

/** Every Control of the UI schema, through its layouts. */
function controls(el: UISchemaElement, out: { uischema: ControlElement }[] = []) {
  if (el.type === 'Control') out.push({ uischema: el as ControlElement });
  for (const child of (el as Layout).elements ?? []) controls(child, out);
  return out;
}

function state(
  form: Form,
  data: unknown,
  readonly: boolean,
  ajv: ReturnType<typeof createValidatorShim>,
  config: object,
): JsonFormsState {
  return {
    jsonforms: {
      core: {
        data,
        schema: form.schema,
        uischema: form.uischema,
        errors: [],
        additionalErrors: [],
        validationMode: 'NoValidation',
        ajv,
      },
      config,
      renderers: [],
      uischemas: [],
      readonly,
      i18n: {
        locale: 'vi',
        translate: translator('vi', undefined) as never,
        translateError: (() => undefined) as never,
      },
    },
  };
}

/** Data shaped by the schema: what a person might have typed, or not, or something else entirely. */
const dataFor = (schema: JsonSchema): fc.Arbitrary<unknown> => {
  const s = schema as Record<string, unknown>;
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const keys = Object.keys(props);
  if (!keys.length) return fc.jsonValue({ maxDepth: 2 });
  return fc.record(
    Object.fromEntries(
      keys.map((k) => [
        k,
        fc.oneof(
          fc.jsonValue({ maxDepth: 2 }),
          fc.constantFrom(true, false, 'a', 'b', ...(((props[k] as Record<string, unknown>).enum as unknown[]) ?? [])),
        ),
      ]),
    ),
    { requiredKeys: [] },
  );
};

test("memoised control props equal JSON Forms' own for every control, data, rule outcome and readonly flag", () => {
  for (const form of forms()) {
    const evaluator = createAjvEvaluator();
    const ajv = createValidatorShim(evaluator);
    const config = {};
    const cache = new ControlPropsCache();
    const list = controls(form.uischema);
    assert.ok(list.length > 0, form.name);
    fc.assert(
      fc.property(
        dataFor(form.schema),
        fc.boolean(),
        fc.constantFrom(undefined, true, false),
        (data, readonly, parentEnabled) => {
          const st = state(form, data, readonly, ajv, config);
          for (const c of list) {
            const own: OwnPropsOfControl = {
              uischema: c.uischema,
              schema: form.schema,
              path: '',
              enabled: parentEnabled,
            };
            for (const mapper of ['control', 'enum', 'oneOfEnum'] as ControlMapper[]) {
              const expected = MAPPERS[mapper](st, own);
              assert.deepEqual(
                cache.props(st, own, mapper),
                expected,
                `${form.name} ${(c.uischema as { scope?: string }).scope} ${mapper}`,
              );
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  }
});

test('a cached control is recomputed when it is dispatched with another schema', () => {
  const form = forms()[0]!;
  const cache = new ControlPropsCache();
  const st = state(form, {}, false, createValidatorShim(createAjvEvaluator()), {});
  const c = controls(form.uischema)[0]!;
  const first = cache.props(st, { uischema: c.uischema, schema: form.schema, path: '' });
  const other = structuredClone(form.schema);
  const again = cache.props(st, { uischema: c.uischema, schema: other, path: '' });
  assert.notEqual(again.schema, first.schema, 'resolved in the other schema');
  assert.deepEqual(again, mapStateToControlProps(st, { uischema: c.uischema, schema: other, path: '' }));
});

test('memoizeResolve answers as the function it wraps, once per schema, path and root schema', () => {
  const calls: unknown[][] = [];
  const base = (schema: unknown, path: string, root: unknown) => {
    calls.push([schema, path, root]);
    return path === '#/missing' ? undefined : { of: schema, path, root };
  };
  const resolve = memoizeResolve(base);
  const s = { type: 'object' };
  const root = { r: 1 };
  const a = resolve(s, '#/properties/a', root);
  assert.equal(resolve(s, '#/properties/a', root), a);
  assert.equal(resolve(s, '#/missing', root), undefined);
  assert.equal(resolve(s, '#/missing', root), undefined);
  assert.notEqual(resolve(s, '#/properties/a', { r: 2 }), a, 'another root schema, another answer');
  assert.notEqual(resolve({ type: 'object' }, '#/properties/a', root), a, 'another schema object, another answer');
  assert.deepEqual(resolve(s, '#/properties/a', undefined), { of: s, path: '#/properties/a', root: undefined });
  assert.equal(calls.length, 5);
  resolve(true, '#', root);
  resolve(true, '#', root);
  assert.equal(calls.length, 7, 'a boolean schema is not cached (nothing to key it by)');
});

/** @jsonforms/core as the browser tests' server bundles it: with its reviewed patch (jsonforms-resolve.ts; the build applies the same). */
async function patchedJsonForms(): Promise<typeof import('@jsonforms/core')> {
  const { jsonFormsBundle } = await import('../test/support/wtr-plugins.mjs');
  const plugin = jsonFormsBundle();
  const { body } = (await plugin.serve({ path: '/__bundled__/jsonforms-core.js' }))!;
  const file = join(mkdtempSync(join(tmpdir(), 'motcua-jf-')), 'jsonforms-core.mjs');
  writeFileSync(file, body);
  return import(pathToFileURL(file).href);
}

test('the patched @jsonforms/core maps every control as JSON Forms does, and refuses a state with JSON Forms errors', async () => {
  const patched = await patchedJsonForms();
  const PATCHED = {
    control: patched.mapStateToControlProps,
    enum: patched.mapStateToEnumControlProps,
    oneOfEnum: patched.mapStateToOneOfEnumControlProps,
  };
  for (const form of forms()) {
    const ajv = createValidatorShim(createAjvEvaluator());
    const list = controls(form.uischema);
    assert.deepEqual(patched.Generate.uiSchema(form.schema), Generate.uiSchema(form.schema), form.name);
    fc.assert(
      fc.property(
        dataFor(form.schema),
        fc.boolean(),
        fc.constantFrom(undefined, true, false),
        (data, readonly, parentEnabled) => {
          const st = state(form, data, readonly, ajv, {});
          for (const c of list) {
            const own: OwnPropsOfControl = {
              uischema: c.uischema,
              schema: form.schema,
              path: '',
              enabled: parentEnabled,
            };
            for (const mapper of ['control', 'enum', 'oneOfEnum'] as ControlMapper[]) {
              assert.deepEqual(
                PATCHED[mapper](st, own),
                MAPPERS[mapper](st, own),
                `${form.name} ${(c.uischema as { scope?: string }).scope} ${mapper}`,
              );
            }
          }
        },
      ),
      { numRuns: 10 },
    );
  }
  const form = forms()[0]!;
  const st = state(form, {}, false, createValidatorShim(createAjvEvaluator()), {});
  st.jsonforms.core!.errors = [
    {
      instancePath: '',
      keyword: 'required',
      schemaPath: '#/required',
      params: { missingProperty: 'x' },
      message: 'must have required property x',
    },
  ];
  const own = { uischema: controls(form.uischema)[0]!.uischema, schema: form.schema, path: '' };
  assert.throws(() => patched.mapStateToControlProps(st, own), /JSON Forms errors in the state/);
});
