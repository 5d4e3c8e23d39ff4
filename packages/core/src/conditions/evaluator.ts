import type { JsonSchema } from '../model/procedure.ts';

/**
 * One error found in data by a JSON Schema validator, in ajv's shape (which precompiled ajv
 * standalone validators also produce): `instancePath` is a JSON pointer into the data.
 */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  schemaPath?: string;
  message?: string;
}

/**
 * Evaluates JSON Schemas against data. Conditions everywhere in a procedure are JSON Schemas;
 * this interface lets each host choose how to run them: the server and the CLI compile with ajv,
 * the browser plugs in validators compiled ahead of time (no eval under a strict CSP).
 */
export interface SchemaEvaluator {
  /** All errors of `data` against `schema`; an empty array when valid. */
  validate(schema: JsonSchema, data: unknown): SchemaError[];
}

/** True when `data` satisfies the condition `schema` (absent condition = always true). */
export function holds(evaluator: SchemaEvaluator, schema: JsonSchema | undefined, data: unknown): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  return evaluator.validate(schema, data).length === 0;
}

/** A validation function compiled ahead of time (ajv standalone): sets `.errors` when invalid. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

/** Raised when a precompiled evaluator is asked for a schema it was not compiled with. */
export class MissingValidatorError extends Error {
  constructor(readonly key: string) {
    super(`No precompiled validator for schema ${key}: the validator module does not match this procedure version.`);
    this.name = 'MissingValidatorError';
  }
}
