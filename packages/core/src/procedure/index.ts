/**
 * What a procedure means for one applicant's data: validation, required documents, fees,
 * identity, and the list of every schema the browser must have precompiled. Pure; no ajv here
 * (`validateProcedure`, which compiles schemas, is the separate entry `@motcua/core/validate`).
 */
export * from './applicant-data.ts';
export * from './documents.ts';
export * from './documents-on-channel.ts';
export * from './fees.ts';
export * from './derived.ts';
export * from './submission-check.ts';
export * from './identity.ts';
export * from './condition-schemas.ts';
export {
  FeeLineSchema,
  FeeQuoteSchema,
  ApplicantIdentitySchema,
  SubmitterIdentitySchema,
  PaymentViewSchema,
  PaymentDueSchema,
} from './result-schemas.ts';
export * from './payment.ts';
export * from './schema-issues.ts';
export * from './form-schema.ts';
export * from './references.ts';
export { UI_ELEMENT_TYPES, RULE_EFFECTS, type UiElementType } from './ui-schema.ts';
export { formatVnd } from './reasons.ts';
export * from './definition-diff.ts';
export * from './change-summary.ts';
export * from './line-diff.ts';
export * from './form-fields.ts';
export * from './condition-uses.ts';
export * from './ui-elements.ts';
