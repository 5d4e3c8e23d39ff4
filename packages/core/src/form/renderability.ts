/**
 * The renderer set of motcua's applicant form as a table: each renderer's name and its ranked
 * tester, in the order the runtime tries them (the first of equal ranks wins). The runtime pairs
 * each entry with its Lit renderer by name; the publishing checks ask the same table whether some
 * renderer renders an element, so a form the browser could only show as "unsupported" is refused
 * before it reaches a citizen.
 */
import {
  and,
  categorizationHasCategory,
  formatIs,
  isAllOfControl,
  isAnyOfControl,
  isBooleanControl,
  isDateControl,
  isDateTimeControl,
  isEnumControl,
  isIntegerControl,
  isListWithDetail,
  isMultiEnumControl,
  isMultiLineControl,
  isNumberControl,
  isObjectArrayControl,
  isObjectControl,
  isOneOfControl,
  isOneOfEnumControl,
  isPrimitiveArrayControl,
  isRangeControl,
  isStringControl,
  isTimeControl,
  isUntypedArrayControl,
  NOT_APPLICABLE,
  optionIs,
  rankWith,
  uiTypeIs,
  type RankedTester,
  type TesterContext,
} from './testers.ts';

const radio = optionIs('format', 'radio');

export const RENDERABILITY = [
  { name: 'text', tester: rankWith(1, isStringControl) },
  { name: 'email', tester: rankWith(2, and(isStringControl, formatIs('email'))) },
  { name: 'multiline', tester: rankWith(2, and(isStringControl, isMultiLineControl)) },
  { name: 'number', tester: rankWith(2, isNumberControl) },
  { name: 'integer', tester: rankWith(2, isIntegerControl) },
  { name: 'range', tester: rankWith(4, isRangeControl) },
  { name: 'boolean', tester: rankWith(2, isBooleanControl) },
  { name: 'enum', tester: rankWith(2, isEnumControl) },
  { name: 'oneof-enum', tester: rankWith(2, isOneOfEnumControl) },
  { name: 'enum-radio', tester: rankWith(3, and(isEnumControl, radio)) },
  { name: 'oneof-enum-radio', tester: rankWith(3, and(isOneOfEnumControl, radio)) },
  { name: 'date', tester: rankWith(3, isDateControl) },
  { name: 'time', tester: rankWith(3, isTimeControl) },
  { name: 'date-time', tester: rankWith(3, isDateTimeControl) },
  { name: 'object', tester: rankWith(2, isObjectControl) },
  { name: 'object-array', tester: rankWith(3, isObjectArrayControl) },
  { name: 'primitive-array', tester: rankWith(3, isPrimitiveArrayControl) },
  { name: 'multi-enum', tester: rankWith(5, isMultiEnumControl) },
  { name: 'untyped-array', tester: rankWith(3, isUntypedArrayControl) },
  { name: 'one-of', tester: rankWith(3, isOneOfControl) },
  { name: 'any-of', tester: rankWith(3, isAnyOfControl) },
  { name: 'all-of', tester: rankWith(3, isAllOfControl) },
  { name: 'list-with-detail', tester: rankWith(4, isListWithDetail) },
  { name: 'vertical', tester: rankWith(1, uiTypeIs('VerticalLayout')) },
  { name: 'horizontal', tester: rankWith(1, uiTypeIs('HorizontalLayout')) },
  { name: 'group', tester: rankWith(1, uiTypeIs('Group')) },
  { name: 'category', tester: rankWith(1, uiTypeIs('Category')) },
  { name: 'label', tester: rankWith(1, uiTypeIs('Label')) },
  { name: 'wizard', tester: rankWith(1, and(uiTypeIs('Categorization'), categorizationHasCategory)) },
] as const satisfies readonly { name: string; tester: RankedTester }[];

export type RendererName = (typeof RENDERABILITY)[number]['name'];

/**
 * The renderer the runtime uses for `uischema` (with `schema`, the schema its scope is relative
 * to): the highest rank, the first of equals; null when none applies.
 */
export function rendererFor(uischema: unknown, schema: unknown, context: TesterContext): RendererName | null {
  let best: RendererName | null = null;
  let rank = NOT_APPLICABLE;
  for (const entry of RENDERABILITY) {
    const r = entry.tester(uischema, schema, context);
    if (r > rank) {
      rank = r;
      best = entry.name;
    }
  }
  return rank > 0 ? best : null;
}
