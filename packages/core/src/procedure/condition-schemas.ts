import type { AgencyRef, JsonSchema, Procedure } from '../model/procedure.ts';
import { isObject, uiChildren } from './ui-schema.ts';

export interface ConditionSchema {
  /** Where the schema is in the definition. */
  pointer: string;
  schema: JsonSchema;
}

/**
 * Every JSON Schema of a definition that is evaluated against applicant data: the form schema
 * first, then every condition — receiving cases, applicant.isOrganization, submitter.when,
 * documents, fee items and their exemptions, each workflow step's agency cases and branches, the
 * report's responsible agency cases, and every UI schema rule (also inside array detail layouts).
 * The server compiles exactly this list into the browser's validator module, so a schema missing
 * here would fail in the browser (the precompiled evaluator refuses unknown schemas).
 * Every occurrence is listed, duplicates included (deduplicate by `schemaKey` when compiling).
 */
export function conditionSchemas(procedure: Procedure): ConditionSchema[] {
  const out: ConditionSchema[] = [];
  const add = (pointer: string, schema: JsonSchema | undefined) => {
    if (schema !== undefined) out.push({ pointer, schema });
  };
  add('/form/schema', procedure.form.schema);

  const r = procedure.receiving;
  if (r.mode === 'condition') r.cases.forEach((c, i) => add(`/receiving/cases/${i}/when`, c.when));

  add('/applicant/isOrganization', procedure.applicant.isOrganization);
  add('/submitter/when', procedure.submitter?.when);

  procedure.documents.forEach((d, i) => add(`/documents/${i}/when`, d.when));
  procedure.fees.items.forEach((item, i) => {
    add(`/fees/items/${i}/when`, item.when);
    item.exemptions?.forEach((x, j) => add(`/fees/items/${i}/exemptions/${j}/when`, x.when));
  });

  procedure.workflow.steps.forEach((step, i) => {
    agencyRefConditions(step.agency, `/workflow/steps/${i}/agency`, add);
    step.next?.forEach((t, j) => add(`/workflow/steps/${i}/next/${j}/when`, t.when));
  });
  if (procedure.report?.responsibleAgency)
    agencyRefConditions(procedure.report.responsibleAgency, '/report/responsibleAgency', add);

  uiRuleConditions(procedure.form.uischema, '/form/uischema', add);
  return out;
}

function agencyRefConditions(
  ref: AgencyRef,
  pointer: string,
  add: (pointer: string, schema: JsonSchema | undefined) => void,
): void {
  if ('cases' in ref) ref.cases.forEach((c, i) => add(`${pointer}/cases/${i}/when`, c.when));
}

function uiRuleConditions(
  element: unknown,
  pointer: string,
  add: (pointer: string, schema: JsonSchema | undefined) => void,
): void {
  if (!isObject(element)) return;
  const rule = element.rule;
  if (isObject(rule) && isObject(rule.condition) && 'schema' in rule.condition) {
    add(`${pointer}/rule/condition/schema`, rule.condition.schema as JsonSchema);
  }
  for (const child of uiChildren(element, pointer)) uiRuleConditions(child.element, child.pointer, add);
}
