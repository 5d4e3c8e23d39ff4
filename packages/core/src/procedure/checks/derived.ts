import type { JsonSchema, Procedure } from '../../model/procedure.ts';
import type { Issue } from '../../model/issue.ts';
import { parsePointer } from '../../model/json-pointer.ts';
import { conditionSchemas } from '../condition-schemas.ts';
import { declaredTypes, resolveDataPointer } from '../form-schema.ts';
import { DERIVED_KEY } from '../derived.ts';
import { issue } from './issue.ts';

/**
 * Derived values read fields the form declares (dates as text, counts of lists), and every
 * condition or fee quantity that reads `/$derived/<name>` names a declared value: a misspelt
 * name would otherwise be silently absent, and its condition silently false.
 */
export function checkDerived(p: Procedure): Issue[] {
  const issues: Issue[] = [];
  const declared = new Set(Object.keys(p.derived ?? {}));
  const schema = p.form.schema;
  if (typeof schema === 'object' && schema.properties && DERIVED_KEY in schema.properties) {
    issues.push(
      issue(
        `/form/schema/properties/${DERIVED_KEY}`,
        'reserved-field',
        `Tên trường "${DERIVED_KEY}" dành cho giá trị suy ra; hãy đổi tên trường`,
        `The field name "${DERIVED_KEY}" is reserved for derived values; rename the field`,
      ),
    );
  }
  const needs = (at: string, pointer: string, type: 'string' | 'array') => {
    const found = resolveDataPointer(schema, pointer);
    if (found.length === 0) {
      issues.push(
        issue(
          at,
          'unknown-field',
          `Trường "${pointer}" không có trong lược đồ tờ khai (form.schema)`,
          `Field "${pointer}" is not declared in the form schema (form.schema)`,
        ),
      );
      return;
    }
    const types = declaredTypes(found);
    if (types.size > 0 && !types.has(type)) {
      issues.push(
        type === 'string'
          ? issue(
              at,
              'field-type',
              `Trường "${pointer}" phải là ngày (kiểu string, định dạng date)`,
              `Field "${pointer}" must be a date (type string, format date)`,
            )
          : issue(
              at,
              'field-type',
              `Trường "${pointer}" phải là danh sách (kiểu array)`,
              `Field "${pointer}" must be a list (type array)`,
            ),
      );
    }
  };
  for (const [name, value] of Object.entries(p.derived ?? {})) {
    const at = `/derived/${name}`;
    if (value.kind === 'daysBetween') {
      for (const side of ['from', 'to'] as const) {
        if (value[side] !== '$submittedAt') needs(`${at}/${side}`, value[side], 'string');
      }
    } else {
      needs(`${at}/of`, value.of, value.kind === 'count' ? 'array' : 'string');
    }
  }
  const unknown = (at: string, name: string) =>
    issues.push(
      issue(
        at,
        'unknown-derived',
        `Giá trị suy ra "${name}" chưa được khai báo trong "derived"`,
        `The derived value "${name}" is not declared in "derived"`,
      ),
    );
  const library = (p.conditions ?? []).map((c, i) => ({ pointer: `/conditions/${i}/when`, schema: c.when }));
  for (const { pointer, schema: condition } of [...conditionSchemas(p), ...library]) {
    if (pointer === '/form/schema') continue;
    for (const name of derivedNames(condition)) if (!declared.has(name)) unknown(pointer, name);
  }
  p.fees.items.forEach((item, i) => {
    const segments = item.per ? parsePointer(item.per.field) : [];
    if (segments[0] === DERIVED_KEY && !(segments.length === 2 && declared.has(segments[1]!))) {
      unknown(`/fees/items/${i}/per/field`, segments.slice(1).join('/'));
    }
  });
  return issues;
}

/** The names a condition reads under `$derived` (from `properties` and `required` of its sub-schemas). */
export function derivedNames(condition: JsonSchema): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const props = (node as { properties?: unknown }).properties;
    if (typeof props === 'object' && props !== null && DERIVED_KEY in props) {
      const sub = (props as Record<string, unknown>)[DERIVED_KEY];
      if (typeof sub === 'object' && sub !== null) {
        const s = sub as { properties?: object; required?: unknown };
        for (const n of Object.keys(s.properties ?? {})) names.add(n);
        if (Array.isArray(s.required)) for (const n of s.required) if (typeof n === 'string') names.add(n);
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(condition);
  return names;
}
