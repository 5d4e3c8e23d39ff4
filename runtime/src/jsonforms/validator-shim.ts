import type Ajv from 'ajv';
import { holds, type JsonSchema, type SchemaEvaluator } from '@motcua/core';

/**
 * The object handed to @jsonforms/core where it expects an ajv instance. JSON Forms only calls
 * `validate(schema, data)` on it, to evaluate schema-based rule conditions (SHOW/HIDE/ENABLE/
 * DISABLE); we answer through core's evaluator, i.e. the version's precompiled validators.
 * A schema the validator module lacks raises core's MissingValidatorError: never a silent guess.
 */
export function createValidatorShim(evaluator: SchemaEvaluator | undefined): Ajv {
  const shim = {
    validate(schema: JsonSchema, data: unknown): boolean {
      if (!evaluator) {
        if (schema === true || schema === false) return schema;
        throw new NoEvaluatorError();
      }
      return holds(evaluator, schema, data);
    },
    compile(): never {
      throw new Error('motcua: JSON Forms asked to compile a schema; the runtime only uses precompiled validators');
    },
  };
  return shim as unknown as Ajv;
}

/** Raised when a rule needs a condition evaluated but the form was given no evaluator. */
export class NoEvaluatorError extends Error {
  constructor() {
    super('motcua: this form has rule conditions but no evaluator (set the `evaluator` property)');
    this.name = 'NoEvaluatorError';
  }
}
