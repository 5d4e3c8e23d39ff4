/**
 * A SchemaEvaluator that compiles with ajv (draft-07, with formats). For hosts that may compile
 * code at run time: the server, the CLI, the designer. The citizen runtime uses precompiled
 * validators instead (see precompiled-evaluator.ts). Kept out of the package's main entry so that
 * browser bundles never pull ajv in.
 */
import AjvModule, { type ValidateFunction, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from '../model/procedure.ts';
import type { SchemaEvaluator, SchemaError } from './evaluator.ts';
import { schemaKey } from './schema-key.ts';

// ajv and ajv-formats are CommonJS; under ESM their default export may be nested.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

/** The ajv options every host uses, so that compiled-ahead and run-time validators agree. */
export const AJV_OPTIONS: Options = {
  allErrors: true,
  strict: false,
  allowUnionTypes: true,
  validateFormats: true,
};

export function createAjv(options: Options = {}): InstanceType<typeof Ajv> {
  const ajv = new Ajv({ ...AJV_OPTIONS, ...options });
  addFormats(ajv);
  return ajv;
}

export function createAjvEvaluator(
  ajv = createAjv(),
): SchemaEvaluator & { compile(schema: JsonSchema): ValidateFunction } {
  const cache = new Map<string, ValidateFunction>();
  // Conditions usually come from cached procedure objects: finding them by identity first spares
  // a canonical JSON of the schema on every call (the content key stays the source of truth).
  // The price: a schema object must not be changed in place once evaluated — published versions
  // are immutable, and editors hand over new objects.
  const byObject = new WeakMap<object, ValidateFunction>();
  const compileByKey = (schema: JsonSchema): ValidateFunction => {
    const key = schemaKey(schema);
    let fn = cache.get(key);
    if (!fn) {
      // Schemas with an $id would clash in ajv's registry when compiled twice; strip it for conditions.
      const s =
        typeof schema === 'object' && schema !== null && '$id' in schema ? { ...schema, $id: undefined } : schema;
      fn = ajv.compile(s as object);
      cache.set(key, fn);
    }
    return fn;
  };
  const compile = (schema: JsonSchema): ValidateFunction => {
    if (typeof schema !== 'object' || schema === null) return compileByKey(schema);
    let fn = byObject.get(schema);
    if (!fn) byObject.set(schema, (fn = compileByKey(schema)));
    return fn;
  };
  return {
    compile,
    validate(schema: JsonSchema, data: unknown): SchemaError[] {
      if (schema === true) return [];
      if (schema === false) return [{ instancePath: '', keyword: 'false schema', params: {} }];
      const fn = compile(schema);
      return fn(data) ? [] : ((fn.errors ?? []) as SchemaError[]).map((e) => ({ ...e }));
    },
  };
}
