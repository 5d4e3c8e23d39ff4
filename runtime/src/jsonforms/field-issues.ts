import { resolveDataPointer, type Issue, type JsonSchema, type Message } from '@motcua/core';
import { STRINGS } from '../i18n/strings.ts';

/**
 * The validator's issues as a person meets them, one per field: a missing required object (a
 * whole section left blank) becomes one issue per required field inside it, and "required"
 * never names the schema key — the field's label does that, beside the message; a date that
 * does not parse asks for dd/mm/yyyy (the way the form takes it). Objects are
 * expanded to a bounded depth: a recursive schema stops there.
 */
export function fieldIssues(issues: readonly Issue[], schema: JsonSchema | undefined): Issue[] {
  if (!schema || !issues.some((i) => i.code === 'required' || i.code === 'format')) return issues as Issue[];
  const out: Issue[] = [];
  for (const issue of issues) {
    if (issue.code === 'required') expand(schema, issue.pointer, out, 0);
    else if (issue.code === 'format' && isDate(schema, issue.pointer))
      out.push({ ...issue, message: STRINGS.dateFormat });
    else out.push(issue);
  }
  return out;
}

const MAX_DEPTH = 8;
const REQUIRED: Message = STRINGS.fieldRequired;

function expand(root: JsonSchema, pointer: string, out: Issue[], depth: number): void {
  const names = depth < MAX_DEPTH ? requiredMembers(root, pointer) : [];
  if (!names.length) {
    out.push({ pointer, code: 'required', message: REQUIRED });
    return;
  }
  for (const name of names) expand(root, `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, out, depth + 1);
}

/** True when the field at `pointer` is a date: people type those as dd/mm/yyyy. */
function isDate(root: JsonSchema, pointer: string): boolean {
  try {
    return resolveDataPointer(root, pointer).some((s) => s.format === 'date');
  } catch {
    return false;
  }
}

/** The required members of the object at `pointer`, when it is an object with properties. */
function requiredMembers(root: JsonSchema, pointer: string): string[] {
  let found;
  try {
    found = resolveDataPointer(root, pointer);
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const s of found) {
    if (s.type !== 'object' && !s.properties) continue;
    for (const n of Array.isArray(s.required) ? s.required : []) if (!names.includes(n)) names.push(n);
  }
  return names;
}
