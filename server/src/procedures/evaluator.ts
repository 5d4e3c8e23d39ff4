import type { SchemaEvaluator } from '@motcua/core';
import { createAjvEvaluator } from '@motcua/core/ajv';

/**
 * The server's condition evaluator: core's ajv evaluator, with the same ajv options as the
 * browser's precompiled validators (core also finds compiled validators by schema object, so cached
 * published versions cost no canonical JSON per condition).
 */
export function createServerEvaluator(): SchemaEvaluator {
  return createAjvEvaluator();
}
