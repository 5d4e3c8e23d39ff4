/**
 * The structure of a JSON Forms UI schema: which elements are nested where. A layout's children
 * are in `elements`; an array control may carry its own layout for one item in `options.detail`,
 * whose scopes are relative to the item schema.
 */

/** The UI schema element types of JSON Forms that the runtime renders. */
export const UI_ELEMENT_TYPES = [
  'Control',
  'VerticalLayout',
  'HorizontalLayout',
  'Group',
  'Label',
  'Categorization',
  'Category',
  'ListWithDetail',
] as const;
export type UiElementType = (typeof UI_ELEMENT_TYPES)[number];

export const RULE_EFFECTS = ['SHOW', 'HIDE', 'ENABLE', 'DISABLE'] as const;

export interface UiChild {
  element: unknown;
  /** The child's JSON pointer in the procedure definition. */
  pointer: string;
  /** True for the item layout of an array control (`options.detail`). */
  detail: boolean;
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The direct children of a UI schema element. */
export function uiChildren(element: unknown, pointer: string): UiChild[] {
  if (!isObject(element)) return [];
  const out: UiChild[] = [];
  if (Array.isArray(element.elements)) {
    element.elements.forEach((child, i) =>
      out.push({ element: child, pointer: `${pointer}/elements/${i}`, detail: false }),
    );
  }
  if (isObject(element.options) && isObject(element.options.detail)) {
    out.push({ element: element.options.detail, pointer: `${pointer}/options/detail`, detail: true });
  }
  return out;
}
