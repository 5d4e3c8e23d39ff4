import type { RenderersByName } from '../../jsonforms/context.ts';
import { lazy } from '../../lazy.ts';
import { lazyRenderer } from '../lazy-renderer.ts';

/** Arrays (rows with add, remove, reorder) and checkbox groups (array-views.ts): a chunk of their own, loaded by forms that have them. */
export const arrayViews = lazy(() => import('./array-views.ts'));

/** ListWithDetail (list-detail-view.ts, which uses the array views): a chunk of its own. */
export const listDetailView = lazy(() => import('./list-detail-view.ts'));

export const arrayRenderers = {
  'object-array': lazyRenderer(
    arrayViews,
    (m) => (p, c) => m.arrayControl(p, c, false),
    (m) => m.styles,
  ),
  'primitive-array': lazyRenderer(
    arrayViews,
    (m) => (p, c) => m.arrayControl(p, c, true),
    (m) => m.styles,
  ),
  'untyped-array': lazyRenderer(
    arrayViews,
    (m) => (p, c) => m.arrayControl(p, c, true),
    (m) => m.styles,
  ),
  'list-with-detail': lazyRenderer(
    listDetailView,
    (m) => m.listWithDetail,
    (m) => m.styles,
  ),
  'multi-enum': lazyRenderer(
    arrayViews,
    (m) => m.multiEnumControl,
    (m) => m.styles,
  ),
} satisfies RenderersByName;
