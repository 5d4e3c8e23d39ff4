import {
  isObjectArrayControl,
  isPrimitiveArrayControl,
  rankWith,
  Resolve,
  type ControlElement,
  type JsonSchema,
  type UISchemaElement,
} from '@jsonforms/core';
import type { RendererEntry } from '../../jsonforms/context.ts';
import { lazy } from '../../lazy.ts';
import { lazyRenderer } from '../lazy-renderer.ts';

/** Arrays (rows with add, remove, reorder) and checkbox groups (array-views.ts): a chunk of their own, loaded by forms that have them. */
export const arrayViews = lazy(() => import('./array-views.ts'));

const isMultiEnum = (uischema: UISchemaElement, schema: JsonSchema, context: { rootSchema: JsonSchema }): boolean => {
  if (uischema.type !== 'Control') return false;
  const s = Resolve.schema(schema, (uischema as ControlElement).scope, context.rootSchema) as
    Record<string, unknown> | undefined;
  const items = s?.items as Record<string, unknown> | undefined;
  if (!s || s.uniqueItems !== true || !items || Array.isArray(items)) return false;
  const alts = (items.oneOf ?? items.anyOf) as Record<string, unknown>[] | undefined;
  return Array.isArray(items.enum) || (Array.isArray(alts) && alts.every((a) => a && 'const' in a));
};

export const arrayRenderers: RendererEntry[] = [
  {
    name: 'object-array',
    tester: rankWith(3, isObjectArrayControl),
    renderer: lazyRenderer(
      arrayViews,
      (m) => (p, c) => m.arrayControl(p, c, false),
      (m) => m.styles,
    ),
  },
  {
    name: 'primitive-array',
    tester: rankWith(3, isPrimitiveArrayControl),
    renderer: lazyRenderer(
      arrayViews,
      (m) => (p, c) => m.arrayControl(p, c, true),
      (m) => m.styles,
    ),
  },
  {
    name: 'multi-enum',
    tester: rankWith(5, isMultiEnum),
    renderer: lazyRenderer(
      arrayViews,
      (m) => m.multiEnumControl,
      (m) => m.styles,
    ),
  },
];
