import { createInterpretedEvaluator } from '@motcua/core';

/**
 * Core's interpreted evaluator (it walks the schema, no `eval`): what a form given no evaluator
 * evaluates its rule conditions with. A chunk of its own, loaded by such a form only when its UI
 * schema has rules.
 */
export const evaluator = createInterpretedEvaluator();
