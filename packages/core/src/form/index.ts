/**
 * The applicant form as the runtime renders it: the renderer set's testers as a pure table (which
 * renderer takes a UI schema element), and the UI schema JSON Forms generates where there is none.
 */
export { RENDERABILITY, rendererFor, type RendererName } from './renderability.ts';
export { deriveTypes, hasType, resolveSchema } from './resolve-schema.ts';
export { NOT_APPLICABLE, type RankedTester, type Tester, type TesterContext } from './testers.ts';
export { generateUiSchema, type GeneratedElement } from './generate-ui-schema.ts';
export { generateJsonSchema } from './generate-json-schema.ts';
export { alternativesOf, mergeAllOf } from './combinators.ts';
