import type { JsonSchema } from '../model/procedure.ts';
import { type CompiledValidator, type SchemaEvaluator, type SchemaError, MissingValidatorError } from './evaluator.ts';
import { schemaKey } from './schema-key.ts';

/**
 * An evaluator over validators compiled ahead of time, keyed by `schemaKey(schema)`. It never
 * compiles anything: a schema it does not know is an error, never silently true or false.
 */
export function createPrecompiledEvaluator(validators: Readonly<Record<string, CompiledValidator>>): SchemaEvaluator {
  const keys = new WeakMap<object, string>();
  const keyOf = (schema: JsonSchema): string => {
    if (typeof schema !== 'object' || schema === null) return schemaKey(schema);
    let key = keys.get(schema);
    if (key === undefined) {
      key = schemaKey(schema);
      keys.set(schema, key);
    }
    return key;
  };
  return {
    validate(schema: JsonSchema, data: unknown): SchemaError[] {
      if (schema === true) return [];
      if (schema === false) return [{ instancePath: '', keyword: 'false schema', params: {} }];
      const key = keyOf(schema);
      const fn = validators[key];
      if (!fn) throw new MissingValidatorError(key);
      return fn(data) ? [] : [...(fn.errors ?? [{ instancePath: '', keyword: 'unknown', params: {} }])];
    },
  };
}
