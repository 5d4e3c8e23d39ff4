/**
 * @motcua/core — the procedure model and its pure engines. Isomorphic: no IO, no DOM, no
 * Node-only API. Server, runtime and designer all execute procedures through this package.
 */
export * from './i18n/text.ts';
export * from './i18n/day-month-year.ts';
export * from './conditions/validation-messages.ts';
export * from './model/doc.ts';
export * from './model/issue.ts';
export * from './model/json-pointer.ts';
export type * from './model/procedure.ts';
export * from './conditions/canonical-json.ts';
export * from './conditions/schema-key.ts';
export * from './conditions/evaluator.ts';
export * from './conditions/precompiled-evaluator.ts';
export * from './conditions/interpreted-evaluator.ts';
export * from './conditions/condition-sentence.ts';
export * from './vocabulary/statuses.ts';
export * from './vocabulary/status-meaning.ts';
export * from './vocabulary/roles.ts';
export * from './vocabulary/channels.ts';
export * from './vocabulary/actions.ts';
export * from './vocabulary/service-levels.ts';
export * from './vocabulary/agency-kinds.ts';
export * from './working-time/index.ts';
export * from './dossier-code/index.ts';
export * from './agencies/index.ts';
export * from './procedure/index.ts';
export * from './form/index.ts';
export * from './workflow/index.ts';
export * from './report/index.ts';
export * from './satisfaction/index.ts';
export * from './search/fold-text.ts';
export * from './notifications/index.ts';
export * from './search/search-keys.ts';
export * from './scenarios/index.ts';
