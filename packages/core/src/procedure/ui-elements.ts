import type { JsonSchema, UISchemaElement } from '../model/procedure.ts';
import type { Message } from '../i18n/text.ts';
import { splitDoc } from '../model/doc.ts';
import { isObject, uiChildren } from './ui-schema.ts';
import { resolveScope } from './form-schema.ts';

export interface UiElementRef {
  /** Where the element is, e.g. "/form/uischema/elements/2". */
  pointer: string;
  type: string;
  label: Message;
  /** The effect of its display rule, if it has one. */
  rule?: string;
}

/**
 * The form's pages, groups and fields a display rule can be put on (outside array detail
 * layouts, whose rules see one element's data), labelled as the applicant sees them.
 */
export function uiElements(form: { schema: JsonSchema; uischema: UISchemaElement }): UiElementRef[] {
  const out: UiElementRef[] = [];
  const walk = (el: unknown, pointer: string) => {
    if (!isObject(el) || typeof el.type !== 'string') return;
    if (pointer !== '/form/uischema' && el.type !== 'VerticalLayout' && el.type !== 'HorizontalLayout') {
      const rule = isObject(el.rule) && typeof el.rule.effect === 'string' ? el.rule.effect : undefined;
      out.push({
        pointer,
        type: el.type,
        label: labelOf(form.schema, el as UISchemaElement),
        ...(rule ? { rule } : {}),
      });
    }
    for (const c of uiChildren(el, pointer)) if (!c.detail) walk(c.element, c.pointer);
  };
  walk(form.uischema, '/form/uischema');
  return out;
}

function labelOf(schema: JsonSchema, el: UISchemaElement): Message {
  if (typeof el.label === 'string' && el.label) return splitDoc({ title: el.label }).title;
  if (typeof el.scope === 'string') {
    const field = resolveScope(schema, schema, el.scope).find((s) => typeof s.title === 'string');
    if (field) return splitDoc({ title: field.title as string }).title;
    return { vi: el.scope, en: el.scope };
  }
  if (typeof el.text === 'string') return { vi: el.text, en: el.text };
  return { vi: el.type, en: el.type };
}

/** A display rule from a condition on the whole data (scope "#"), the form the UI schema checks accept. */
export function ruleFromCondition(
  when: JsonSchema,
  effect: 'SHOW' | 'HIDE' = 'SHOW',
): NonNullable<UISchemaElement['rule']> {
  return { effect, condition: { scope: '#', schema: when } };
}
