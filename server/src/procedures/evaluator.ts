import type { ValidateFunction } from 'ajv';
import type { SchemaError, SchemaEvaluator } from '@motcua/core';
import { createAjvEvaluator } from '@motcua/core/ajv';

/**
 * The server's condition evaluator: core's ajv evaluator (same ajv options as the browser's
 * precompiled validators), with compiled validators also remembered by schema object. Published
 * versions are cached objects, so a request's conditions are found without recomputing each
 * schema's canonical key (core keys by content, which costs a canonical JSON of the schema per call).
 */
export function createServerEvaluator(): SchemaEvaluator {
  const ajv = createAjvEvaluator();
  const byObject = new WeakMap<object, ValidateFunction>();
  return {
    validate(schema, data): SchemaError[] {
      if (typeof schema !== 'object' || schema === null) return ajv.validate(schema, data);
      let fn = byObject.get(schema);
      if (!fn) byObject.set(schema, (fn = ajv.compile(schema)));
      return fn(data) ? [] : ((fn.errors ?? []) as SchemaError[]).map((e) => ({ ...e }));
    },
  };
}
