import type { JsonSchema, Procedure } from '../../model/procedure.ts';
import type { Issue } from '../../model/issue.ts';
import { declaredTypes, resolveDataPointer } from '../form-schema.ts';
import { issue } from './issue.ts';

/**
 * Every pointer into the applicant's data must name a field the form declares: the applicant's
 * and submitter's identity fields (single values, not objects or lists), each fee's quantity
 * field (a number), the field that selects the receiving agency (text, the agency code).
 */
export function checkFieldReferences(p: Procedure): Issue[] {
  const issues: Issue[] = [];
  const schema = p.form.schema;
  if (!p.applicant.person && !p.applicant.organization) {
    issues.push(
      issue(
        '/applicant',
        'no-applicant',
        'Phải khai báo thông tin chủ hồ sơ là cá nhân (person) hoặc tổ chức (organization)',
        'The applicant must be declared as a person or an organisation',
      ),
    );
  }
  const scalar = (at: string, pointer: string) => {
    const found = field(schema, at, pointer, issues);
    if (!found) return;
    const types = declaredTypes(found);
    if (types.size > 0 && [...types].every((t) => t === 'object' || t === 'array' || t === 'null')) {
      issues.push(
        issue(
          at,
          'field-type',
          `Trường "${pointer}" phải là một giá trị đơn (chữ hoặc số), không phải đối tượng hay danh sách`,
          `Field "${pointer}" must hold a single value (text or number), not an object or a list`,
        ),
      );
    }
  };
  const groups: [string, Record<string, unknown> | undefined][] = [
    ['/applicant/person', p.applicant.person],
    ['/applicant/organization', p.applicant.organization],
    ['/submitter', p.submitter],
  ];
  for (const [base, pointers] of groups) {
    for (const [key, value] of Object.entries(pointers ?? {})) {
      if (key !== 'when' && typeof value === 'string') scalar(`${base}/${key}`, value);
    }
  }
  p.fees.items.forEach((item, i) => {
    // A derived value is a number computed by core; checkDerived checks that it is declared.
    if (!item.per || item.per.field.startsWith('/$derived/')) return;
    const at = `/fees/items/${i}/per/field`;
    const found = field(schema, at, item.per.field, issues);
    if (!found) return;
    const types = declaredTypes(found);
    if (!types.has('integer') && !types.has('number')) {
      issues.push(
        issue(
          at,
          'field-type',
          `Trường số lượng "${item.per.field}" phải có kiểu số nguyên (integer) hoặc số (number)`,
          `Quantity field "${item.per.field}" must be of type integer or number`,
        ),
      );
    }
  });
  if (p.receiving.mode === 'field') {
    const found = field(schema, '/receiving/field', p.receiving.field, issues);
    if (found) {
      const types = declaredTypes(found);
      if (!types.has('string')) {
        issues.push(
          issue(
            '/receiving/field',
            'field-type',
            `Trường "${p.receiving.field}" chứa mã cơ quan nên phải có kiểu chuỗi (string)`,
            `Field "${p.receiving.field}" holds an agency code and must be of type string`,
          ),
        );
      }
    }
  }
  return issues;
}

function field(schema: JsonSchema, at: string, pointer: string, issues: Issue[]) {
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
    return null;
  }
  return found;
}
