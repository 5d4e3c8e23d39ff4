/**
 * `@motcua/core/validate`: validates a procedure definition — against its JSON Schema, then the
 * rules a schema cannot express. Compiles schemas with ajv, so it is a separate entry from the
 * main one (browser bundles of the citizen runtime stay free of ajv); hosts that may compile at
 * run time use it: the server (drafts, publishing), the CLI, the designer.
 */
import type { ValidateFunction } from 'ajv';
import procedureSchema from '../../schema/procedure.schema.json' with { type: 'json' };
import type { JsonSchema, Procedure } from '../model/procedure.ts';
import type { Issue } from '../model/issue.ts';
import type { SchemaEvaluator, SchemaError } from '../conditions/evaluator.ts';
import { createAjv } from '../conditions/ajv-evaluator.ts';
import { formatPointer } from '../model/json-pointer.ts';
import { conditionSchemas } from './condition-schemas.ts';
import { schemaIssues } from './schema-issues.ts';
import { compileError, metaErrors } from './checks/condition-compiler.ts';
import { checkUniqueIds } from './checks/ids.ts';
import { checkIdentity } from './checks/identity.ts';
import { checkDocumentLimits } from './checks/documents.ts';
import { checkDeadline } from './checks/deadline.ts';
import { checkFieldReferences } from './checks/field-references.ts';
import { checkDerived } from './checks/derived.ts';
import { checkUiSchema } from './checks/ui-schema.ts';
import { checkRenderability } from './checks/renderability.ts';
import { checkWorkflow } from './checks/workflow.ts';
import { checkScenarios } from './checks/scenarios.ts';
import { issue } from './checks/issue.ts';

export interface ValidateProcedureOptions {
  /**
   * The evaluator the host will run this definition's conditions with. When given, every
   * condition is also run through it once, so that a schema it cannot handle (e.g. a precompiled
   * evaluator built for another version) is reported now rather than at submission.
   */
  evaluator?: SchemaEvaluator;
}

export interface ProcedureValidation {
  valid: boolean;
  issues: Issue[];
}

export { NATIONAL_CODE } from './checks/identity.ts';

let compiledProcedureSchema: ValidateFunction | undefined;

/**
 * Validates `definition` (parsed JSON). First the procedure schema (draft-07); when that passes,
 * the semantic checks — unique ids, the national code shape, effective dates, document limits,
 * deadline sanity, references to form fields, the UI schema and whether the runtime's renderers
 * can show each of its elements, every condition compiled as a
 * draft-07 schema (unknown keywords are errors: a misspelt "required" would make a condition
 * silently true), and the workflow graph. The semantic checks need a well-formed definition, so
 * schema errors are reported alone; fix them and validate again.
 */
export function validateProcedure(definition: unknown, options: ValidateProcedureOptions = {}): ProcedureValidation {
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    return invalid([
      issue(
        '',
        'type',
        'Định nghĩa thủ tục phải là một đối tượng JSON',
        'A procedure definition must be a JSON object',
      ),
    ]);
  }
  compiledProcedureSchema ??= createAjv().compile(procedureSchema as object);
  if (!compiledProcedureSchema(definition)) {
    return invalid(schemaIssues((compiledProcedureSchema.errors ?? []) as SchemaError[]));
  }
  const p = definition as Procedure;
  const ui = checkUiSchema(p);
  const issues = [
    ...checkIdentity(p),
    ...checkUniqueIds(p),
    ...checkFormSchemaRoot(p),
    ...checkFieldReferences(p),
    ...checkDerived(p),
    ...ui,
    // Whether the runtime can show each element presumes a well-formed UI schema.
    ...(ui.length ? [] : checkRenderability(p)),
    ...checkConditions(p, options.evaluator),
    ...checkDocumentLimits(p),
    ...checkDeadline(p),
    ...checkWorkflow(p),
    ...checkScenarios(p),
  ];
  return issues.length ? invalid(issues) : { valid: true, issues: [] };
}

function invalid(issues: Issue[]): ProcedureValidation {
  return { valid: false, issues };
}

function checkFormSchemaRoot(p: Procedure): Issue[] {
  const s = p.form.schema;
  if (typeof s === 'object' && s !== null && s.type === 'object') return [];
  return [
    issue(
      '/form/schema/type',
      'invalid-form-schema',
      'Lược đồ tờ khai phải có "type": "object" (dữ liệu tờ khai là một đối tượng)',
      'The form schema must have "type": "object" (the applicant\u2019s data is an object)',
    ),
  ];
}

/**
 * Each schema of `conditionSchemas` must be a valid draft-07 schema that compiles. The procedure
 * schema already checked every condition against the draft-07 meta-schema except UI rule
 * conditions (the UI schema is loosely typed), which are meta-validated here.
 */
function checkConditions(p: Procedure, evaluator: SchemaEvaluator | undefined): Issue[] {
  const issues: Issue[] = [];
  // Named conditions are not evaluated on dossiers (their copies are), but must compile the same.
  const library = (p.conditions ?? []).map((c, i) => ({ pointer: `/conditions/${i}/when`, schema: c.when }));
  for (const { pointer, schema } of [...conditionSchemas(p), ...library]) {
    const isForm = pointer === '/form/schema';
    const metaInvalid = pointer.startsWith('/form/uischema/') ? metaErrors(schema) : [];
    if (metaInvalid.length) {
      issues.push(...schemaIssues(metaInvalid, pointer));
      continue;
    }
    const failed = compileError(schema);
    if (failed) {
      issues.push(compileIssue(pointer, schema, failed.error, isForm));
      continue;
    }
    if (evaluator) {
      try {
        evaluator.validate(schema, {});
      } catch (err) {
        issues.push(
          issue(
            pointer,
            'condition-evaluator',
            `Bộ đánh giá điều kiện không chạy được lược đồ này: ${messageOf(err)}`,
            `The condition evaluator cannot run this schema: ${messageOf(err)}`,
          ),
        );
      }
    }
  }
  return issues;
}

function compileIssue(pointer: string, schema: JsonSchema, err: unknown, isForm: boolean): Issue {
  const message = messageOf(err);
  const what = isForm
    ? { vi: 'Lược đồ tờ khai', en: 'The form schema' }
    : { vi: 'Lược đồ điều kiện', en: 'The condition schema' };
  const code = isForm ? 'invalid-form-schema' : 'invalid-condition';
  const unknown = /unknown keyword: "([^"]+)"/.exec(message);
  if (unknown) {
    const keyword = unknown[1]!;
    const at = findKeyword(schema, keyword);
    return issue(
      at === null ? pointer : pointer + at,
      code,
      `${what.vi} có từ khóa không thuộc JSON Schema draft-07: "${keyword}" (viết sai chính tả?)`,
      `${what.en} has a keyword that is not JSON Schema draft-07: "${keyword}" (misspelt?)`,
    );
  }
  const regex = /Invalid regular expression: \/(.*)\/[a-z]*:/.exec(message);
  if (regex) {
    const at = findKeyword(schema, 'pattern', (v) => v === regex[1]);
    return issue(
      at === null ? pointer : pointer + at,
      code,
      `${what.vi} có biểu thức chính quy không hợp lệ: ${message}`,
      `${what.en} has an invalid regular expression: ${message}`,
    );
  }
  const format = /unknown format "([^"]+)"/.exec(message);
  if (format) {
    return issue(
      pointer,
      code,
      `${what.vi} dùng định dạng không được hỗ trợ "${format[1]}"`,
      `${what.en} uses an unsupported format "${format[1]}"`,
    );
  }
  return issue(
    pointer,
    code,
    `${what.vi} không biên dịch được: ${message}`,
    `${what.en} cannot be compiled: ${message}`,
  );
}

/** Keywords whose values are maps of names to schemas (the names are not keywords). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);
/** Keywords whose values are data, not schemas. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples', 'required']);

/** The pointer (inside `schema`) of the first object that uses `keyword` as a keyword (with a matching value). */
function findKeyword(schema: unknown, keyword: string, value: (v: unknown) => boolean = () => true): string | null {
  const search = (node: unknown, path: (string | number)[]): (string | number)[] | null => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const r = search(node[i], [...path, i]);
        if (r) return r;
      }
      return null;
    }
    if (typeof node !== 'object' || node === null) return null;
    const obj = node as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(obj, keyword) && value(obj[keyword])) return [...path, keyword];
    for (const [k, v] of Object.entries(obj)) {
      if (DATA_KEYWORDS.has(k)) continue;
      if (SCHEMA_MAPS.has(k) && typeof v === 'object' && v !== null) {
        for (const [name, sub] of Object.entries(v as Record<string, unknown>)) {
          const r = search(sub, [...path, k, name]);
          if (r) return r;
        }
        continue;
      }
      const r = search(v, [...path, k]);
      if (r) return r;
    }
    return null;
  };
  const found = search(schema, []);
  return found ? formatPointer(found) : null;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
