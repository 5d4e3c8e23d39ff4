import type { JsonSchema, JsonSchemaObject } from '../model/procedure.ts';
import { formatPointer } from '../model/json-pointer.ts';
import { splitDoc } from '../model/doc.ts';
import type { Message } from '../i18n/text.ts';

export interface FormField {
  /** Data pointer, e.g. "/birth/place". */
  pointer: string;
  label: Message;
  /** The JSON type ("string", "integer", "boolean", …), or "" when the schema does not say. */
  type: string;
  /** The values a choice allows (enum, or oneOf of consts), with their labels. */
  options?: { value: unknown; label: Message }[];
}

/**
 * The answer fields of a form schema, depth first in declaration order: what a condition, a fee's
 * quantity or a scenario's sample answers can refer to. Objects are walked into; array items are
 * not (a condition on one element of a repeated group is not a sentence).
 */
export function formFields(schema: JsonSchema): FormField[] {
  const out: FormField[] = [];
  const walk = (node: JsonSchemaObject, path: string[]) => {
    for (const [name, sub] of Object.entries(node.properties ?? {})) {
      if (typeof sub !== 'object' || sub === null) continue;
      const here = [...path, name];
      const type = Array.isArray(sub.type) ? (sub.type.find((t) => t !== 'null') ?? '') : (sub.type ?? '');
      if (type === 'object' || (!type && sub.properties)) {
        walk(sub, here);
        continue;
      }
      const title = typeof sub.title === 'string' ? splitDoc({ title: sub.title }).title : { vi: name, en: name };
      const field: FormField = { pointer: formatPointer(here), label: title, type };
      const options = optionsOf(sub);
      if (options) field.options = options;
      out.push(field);
    }
  };
  if (typeof schema === 'object' && schema !== null) walk(schema, []);
  return out;
}

function optionsOf(s: JsonSchemaObject): FormField['options'] | undefined {
  if (Array.isArray(s.enum)) return s.enum.map((v) => ({ value: v, label: { vi: String(v), en: String(v) } }));
  const oneOf = s.oneOf;
  if (Array.isArray(oneOf) && oneOf.every((o) => typeof o === 'object' && o !== null && 'const' in o)) {
    return (oneOf as JsonSchemaObject[]).map((o) => ({
      value: o.const,
      label:
        typeof o.title === 'string' ? splitDoc({ title: o.title }).title : { vi: String(o.const), en: String(o.const) },
    }));
  }
  return undefined;
}
