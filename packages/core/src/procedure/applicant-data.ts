import type { Procedure } from '../model/procedure.ts';
import type { Issue } from '../model/issue.ts';
import type { SchemaEvaluator } from '../conditions/evaluator.ts';
import { holds } from '../conditions/evaluator.ts';
import { getAt } from '../model/json-pointer.ts';
import { schemaIssues } from './schema-issues.ts';
import { feeIssues } from './fees.ts';
import { applicantKind } from './identity.ts';
import { resolveDataPointer, undeclaredProperties } from './form-schema.ts';
import { splitDoc } from '../model/doc.ts';

/**
 * Validates applicant data against the procedure: the form schema (errors collapsed to what a
 * person can act on), then what the engines need from the data — a name for the applicant (and
 * for the submitter when someone files on their behalf), so that the logbook never holds a
 * nameless dossier, and fee quantities that are non-negative integers, so that `computeFees`
 * cannot fail on data that passed here. Pointers are prefixed with "/data".
 */
export function validateApplicantData(procedure: Procedure, data: unknown, evaluator: SchemaEvaluator): Issue[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [
      {
        pointer: '/data',
        code: 'type',
        message: { vi: 'Dữ liệu tờ khai phải là một đối tượng JSON', en: 'The form data must be a JSON object' },
      },
    ];
  }
  const issues = schemaIssues(evaluator.validate(procedure.form.schema, data), '/data').map((i) =>
    withFieldLabel(procedure, i),
  );
  const flagged = (pointer: string) => issues.some((i) => i.pointer === pointer || pointer.startsWith(i.pointer + '/'));
  const add = (issue: Issue) => {
    if (!flagged(issue.pointer)) issues.push(issue);
  };

  const kind = applicantKind(procedure, data, evaluator);
  const namePointer =
    kind === 'organization' ? procedure.applicant.organization?.name : procedure.applicant.person?.fullName;
  if (namePointer !== undefined && !isText(getAt(data, namePointer))) {
    add({
      pointer: `/data${namePointer}`,
      code: 'required',
      message:
        kind === 'organization'
          ? { vi: 'Phải nhập tên tổ chức chủ hồ sơ', en: 'The applicant organisation\u2019s name is required' }
          : { vi: 'Phải nhập họ và tên chủ hồ sơ', en: 'The applicant\u2019s full name is required' },
    });
  }
  const s = procedure.submitter;
  if (s && s.when !== undefined && holds(evaluator, s.when, data) && !isText(getAt(data, s.fullName))) {
    add({
      pointer: `/data${s.fullName}`,
      code: 'required',
      message: {
        vi: 'Phải nhập họ và tên người nộp thay',
        en: 'The full name of the person filing on the applicant\u2019s behalf is required',
      },
    });
  }
  for (const issue of feeIssues(procedure, data, evaluator)) add(issue);
  // Data the form does not declare would be stored (and shown to staff) as sent: refused, named.
  for (const at of undeclaredProperties(procedure.form.schema, data)) {
    const name = decodeSegment(at.slice(at.lastIndexOf('/') + 1));
    add({
      pointer: `/data${at}`,
      code: 'additionalProperties',
      message: { vi: `Tờ khai không có trường "${name}"`, en: `The form has no field "${name}"` },
    });
  }
  return issues;
}

function decodeSegment(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function isText(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Names the field in the message with its label from the form schema ("Tiếng Việt / English"
 * titles), so that a list of errors reads "Chưa nhập "Họ và tên"" rather than a property key;
 * a pattern or format error also quotes the field's description (e.g. "12 chữ số").
 */
function withFieldLabel(procedure: Procedure, issue: Issue): Issue {
  const field = resolveDataPointer(procedure.form.schema, issue.pointer.slice('/data'.length)).find(
    (s) => typeof s.title === 'string' && s.title.trim(),
  );
  if (!field || issue.pointer === '/data') return issue;
  const { title, description } = splitDoc({
    title: field.title,
    description: typeof field.description === 'string' ? field.description : '',
  });
  if (issue.code === 'required') {
    return { ...issue, message: { vi: `Chưa nhập "${title.vi}"`, en: `"${title.en}" is required` } };
  }
  const hint = (issue.code === 'pattern' || issue.code === 'format') && description.vi ? description : null;
  return {
    ...issue,
    message: {
      vi: `${title.vi}: ${issue.message.vi}${hint ? ` (${hint.vi.replace(/\.$/, '')})` : ''}`,
      en: `${title.en}: ${issue.message.en}${hint ? ` (${hint.en.replace(/\.$/, '')})` : ''}`,
    },
  };
}
