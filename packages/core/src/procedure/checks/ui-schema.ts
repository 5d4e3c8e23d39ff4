import type { JsonSchema, JsonSchemaObject, Procedure } from '../../model/procedure.ts';
import type { Issue } from '../../model/issue.ts';
import { resolveScope } from '../form-schema.ts';
import { RULE_EFFECTS, UI_ELEMENT_TYPES, isObject, uiChildren } from '../ui-schema.ts';
import { issue } from './issue.ts';
import { DERIVED_KEY } from '../derived.ts';

const LAYOUTS = new Set(['VerticalLayout', 'HorizontalLayout', 'Group', 'Categorization', 'Category']);

/**
 * The UI schema is only typed loosely by the procedure schema (JSON Forms allows extra keys), so
 * its structure is checked here: known element types, Categories only inside a Categorization,
 * layouts with elements, Controls whose scope names a declared field, Labels with text, and rules
 * with a known effect and a schema-based condition whose scope resolves — to a field, or at the
 * top level to a declared derived value (`#/properties/$derived/properties/<name>`, which rules read
 * as conditions do). (Rule condition schemas are checked as JSON Schemas with the other conditions.)
 */
export function checkUiSchema(p: Procedure): Issue[] {
  const issues: Issue[] = [];
  const derived = new Set(Object.keys(p.derived ?? {}));
  visit(p.form.schema, p.form.schema, p.form.uischema, '/form/uischema', null, issues, derived);
  return issues;
}

function visit(
  root: JsonSchema,
  base: JsonSchema,
  el: unknown,
  at: string,
  parentType: string | null,
  issues: Issue[],
  derived: ReadonlySet<string>,
): void {
  if (!isObject(el)) {
    issues.push(
      issue(
        at,
        'ui-structure',
        'Phần tử bố cục phải là một đối tượng có "type"',
        'A UI schema element must be an object with a "type"',
      ),
    );
    return;
  }
  const type = el.type;
  if (typeof type !== 'string' || !(UI_ELEMENT_TYPES as readonly string[]).includes(type)) {
    issues.push(
      issue(
        `${at}/type`,
        'unknown-ui-element',
        `Loại phần tử bố cục "${String(type)}" không được hỗ trợ; dùng một trong: ${UI_ELEMENT_TYPES.join(', ')}`,
        `Unknown UI schema element type "${String(type)}"; use one of: ${UI_ELEMENT_TYPES.join(', ')}`,
      ),
    );
    return;
  }
  if (type === 'Category' && parentType !== 'Categorization') {
    issues.push(
      issue(
        `${at}/type`,
        'ui-structure',
        'Phần tử "Category" chỉ được đặt trong "Categorization"',
        'A "Category" may only appear inside a "Categorization"',
      ),
    );
  }
  if (parentType === 'Categorization' && type !== 'Category' && type !== 'Categorization') {
    issues.push(
      issue(
        `${at}/type`,
        'ui-structure',
        `"Categorization" chỉ chứa "Category" (đang có "${type}")`,
        `A "Categorization" may only contain "Category" elements (found "${type}")`,
      ),
    );
  }
  if (LAYOUTS.has(type) && !(Array.isArray(el.elements) && el.elements.length > 0)) {
    issues.push(
      issue(
        `${at}/elements`,
        'ui-structure',
        `Phần tử "${type}" phải có danh sách "elements" không rỗng`,
        `A "${type}" must have a non-empty "elements" list`,
      ),
    );
  }
  if (type === 'Label' && (typeof el.text !== 'string' || el.text === '')) {
    issues.push(issue(`${at}/text`, 'ui-structure', 'Phần tử "Label" phải có "text"', 'A "Label" must have a "text"'));
  }
  let controlled: JsonSchemaObject[] = [];
  // A ListWithDetail is a list control laid out as a master list and the chosen row's form.
  const isControl = type === 'Control' || type === 'ListWithDetail';
  if (isControl) {
    controlled = scope(root, base, el.scope, `${at}/scope`, issues);
  }
  if (el.rule !== undefined) checkRule(root, base, el.rule, `${at}/rule`, issues, derived);

  for (const child of uiChildren(el, at)) {
    if (!child.detail) {
      visit(root, base, child.element, child.pointer, type, issues, derived);
      continue;
    }
    // An array control's item layout: its scopes are relative to the item schema.
    const items = controlled.map((s) => s.items).filter((s): s is JsonSchema => s !== undefined && !Array.isArray(s));
    if (!isControl || items.length === 0) {
      issues.push(
        issue(
          child.pointer,
          'ui-structure',
          'Bố cục chi tiết (options.detail) chỉ dùng cho trường danh sách',
          'A detail layout (options.detail) is only for list (array) fields',
        ),
      );
      continue;
    }
    visit(root, items[0]!, child.element, child.pointer, null, issues, derived);
  }
}

function scope(root: JsonSchema, base: JsonSchema, value: unknown, at: string, issues: Issue[]): JsonSchemaObject[] {
  if (typeof value !== 'string') {
    issues.push(
      issue(
        at,
        'unknown-scope',
        'Thiếu phạm vi "scope" (ví dụ "#/properties/hoTen")',
        'Missing "scope" (e.g. "#/properties/fullName")',
      ),
    );
    return [];
  }
  const found = resolveScope(root, base, value);
  if (found.length === 0) {
    issues.push(
      issue(
        at,
        'unknown-scope',
        `Phạm vi "${value}" không trỏ tới trường nào trong lược đồ tờ khai`,
        `Scope "${value}" does not name a field of the form schema`,
      ),
    );
  }
  return found;
}

function checkRule(
  root: JsonSchema,
  base: JsonSchema,
  rule: unknown,
  at: string,
  issues: Issue[],
  derived: ReadonlySet<string>,
): void {
  if (!isObject(rule)) {
    issues.push(
      issue(
        at,
        'ui-rule',
        'Quy tắc hiển thị phải là một đối tượng { effect, condition }',
        'A rule must be an object { effect, condition }',
      ),
    );
    return;
  }
  if (typeof rule.effect !== 'string' || !(RULE_EFFECTS as readonly string[]).includes(rule.effect)) {
    issues.push(
      issue(
        `${at}/effect`,
        'ui-rule',
        `Hiệu ứng phải là một trong: ${RULE_EFFECTS.join(', ')}`,
        `The effect must be one of: ${RULE_EFFECTS.join(', ')}`,
      ),
    );
  }
  const c = rule.condition;
  if (!isObject(c) || !('schema' in c) || c.type !== undefined) {
    issues.push(
      issue(
        `${at}/condition`,
        'ui-rule',
        'Chỉ hỗ trợ điều kiện theo lược đồ { scope, schema }; điều kiện ghép viết bằng scope "#" và một lược đồ trên toàn bộ dữ liệu',
        'Only schema-based conditions { scope, schema } are supported; express combined conditions with scope "#" and a schema over the whole data',
      ),
    );
    return;
  }
  const name = base === root && typeof c.scope === 'string' ? DERIVED_SCOPE.exec(c.scope)?.[1] : undefined;
  if (name === undefined) scope(root, base, c.scope, `${at}/condition/scope`, issues);
  else if (!derived.has(name))
    issues.push(
      issue(
        `${at}/condition/scope`,
        'unknown-derived',
        `Giá trị suy ra "${name}" chưa được khai báo trong "derived" của thủ tục`,
        `The derived value "${name}" is not declared in the procedure's "derived"`,
      ),
    );
}

/** A rule's scope on a derived value, which core computes into the data (derived.ts). */
const DERIVED_SCOPE = new RegExp(`^#/properties/\\${DERIVED_KEY}/properties/([^/]+)$`);
