/**
 * Where a definition refers to one field of the applicant's data: conditions (documents, fees and
 * their exemptions, receiving cases, workflow agency cases and branches, the submitter, the
 * applicant's organisation test, UI rules), identity pointers, the receiving field, fee quantities
 * and the form's controls. The designer lists these before a field is deleted or renamed, so that
 * nothing silently stops working.
 */
import type { JsonSchema, Procedure } from '../model/procedure.ts';
import { parsePointer, scopeToPointer } from '../model/json-pointer.ts';
import { conditionSchemas } from './condition-schemas.ts';
import { isObject, uiChildren } from './ui-schema.ts';

export type ReferenceKind =
  'form' | 'receiving' | 'applicant' | 'submitter' | 'document' | 'fee' | 'step' | 'report' | 'other';

export interface FieldReference {
  /** Where the reference is in the definition (a JSON pointer). */
  pointer: string;
  kind: ReferenceKind;
  /** 'condition' for a JSON Schema condition, 'pointer' for a data pointer, 'control' for a form control. */
  via: 'condition' | 'pointer' | 'control';
}

const KINDS: [string, ReferenceKind][] = [
  ['/form/', 'form'],
  ['/receiving', 'receiving'],
  ['/applicant', 'applicant'],
  ['/submitter', 'submitter'],
  ['/documents/', 'document'],
  ['/fees/', 'fee'],
  ['/workflow/', 'step'],
  ['/report', 'report'],
];

const kindOf = (pointer: string): ReferenceKind => KINDS.find(([p]) => pointer.startsWith(p))?.[1] ?? 'other';

/** True when `a` is `b` or lies inside it (segment-wise). */
const within = (a: readonly string[], b: readonly string[]) => b.length <= a.length && b.every((s, i) => a[i] === s);

const SUBSCHEMAS = ['allOf', 'anyOf', 'oneOf'] as const;
const SINGLE = ['not', 'if', 'then', 'else'] as const;

/**
 * Whether the condition `schema`, checked against data at some object, constrains the value at
 * `path` below it (or something inside that value).
 */
export function conditionMentions(schema: JsonSchema | undefined, path: readonly string[]): boolean {
  if (!isObject(schema)) return false;
  if (path.length === 0) return Object.keys(schema).some((k) => k !== 'title' && k !== 'description');
  const [head, ...rest] = path as [string, ...string[]];
  const props = schema.properties;
  if (isObject(props) && head in props && conditionMentions(props[head] as JsonSchema, rest)) return true;
  if (Array.isArray(schema.required) && rest.length === 0 && schema.required.includes(head)) return true;
  for (const k of SUBSCHEMAS) {
    const list = schema[k];
    if (Array.isArray(list) && list.some((s) => conditionMentions(s as JsonSchema, path))) return true;
  }
  return SINGLE.some((k) => conditionMentions(schema[k] as JsonSchema | undefined, path));
}

/** Every place of `procedure` that refers to the field at data pointer `field` ("/owner/fullName") or inside it. */
export function referencesTo(procedure: Procedure, field: string): FieldReference[] {
  const target = parsePointer(field);
  const out: FieldReference[] = [];
  const add = (pointer: string, via: FieldReference['via']) => out.push({ pointer, kind: kindOf(pointer), via });

  for (const { pointer, schema } of conditionSchemas(procedure)) {
    if (pointer === '/form/schema' || pointer.startsWith('/form/uischema/')) continue;
    if (conditionMentions(schema, target)) add(pointer, 'condition');
  }

  const pointerAt = (at: string, value: unknown) => {
    if (typeof value !== 'string' || !value.startsWith('/')) return;
    if (within(parsePointer(value), target)) add(at, 'pointer');
  };
  for (const [base, group] of [
    ['/applicant/person', procedure.applicant.person],
    ['/applicant/organization', procedure.applicant.organization],
    ['/submitter', procedure.submitter],
  ] as const) {
    for (const [key, value] of Object.entries(group ?? {})) if (key !== 'when') pointerAt(`${base}/${key}`, value);
  }
  if (procedure.receiving.mode === 'field') pointerAt('/receiving/field', procedure.receiving.field);
  procedure.fees.items.forEach((item, i) => pointerAt(`/fees/items/${i}/per/field`, item.per?.field));

  uiReferences(procedure.form.uischema, '/form/uischema', [], target, add);
  return out;
}

/** Controls showing the field, and UI rules whose condition reads it; `base` is the data path of a detail layout. */
function uiReferences(
  element: unknown,
  pointer: string,
  base: readonly string[],
  target: readonly string[],
  add: (pointer: string, via: FieldReference['via']) => void,
): void {
  if (!isObject(element)) return;
  const scopePath = (scope: unknown): string[] | null => {
    if (typeof scope !== 'string') return null;
    try {
      return [...base, ...parsePointer(scopeToPointer(scope))];
    } catch {
      return null;
    }
  };
  const own = element.type === 'Control' ? scopePath(element.scope) : null;
  if (own && within(own, target)) add(pointer, 'control');
  const rule = element.rule;
  if (isObject(rule) && isObject(rule.condition)) {
    const at = scopePath(rule.condition.scope ?? '#');
    if (at) {
      const mentions = within(at, target)
        ? true
        : within(target, at) && conditionMentions(rule.condition.schema as JsonSchema, target.slice(at.length));
      if (mentions) add(`${pointer}/rule`, 'condition');
    }
  }
  for (const child of uiChildren(element, pointer)) {
    // An array control's detail layout has scopes relative to one item of the array.
    uiReferences(child.element, child.pointer, child.detail && own ? [...own, '*'] : base, target, add);
  }
}
