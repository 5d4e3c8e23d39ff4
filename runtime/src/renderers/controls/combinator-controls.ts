import type { RenderersByName } from '../../jsonforms/context.ts';
import { lazy } from '../../lazy.ts';
import { lazyRenderer } from '../lazy-renderer.ts';

/** Alternatives (oneOf / anyOf) and merged parts (allOf), combinator-views.ts: a chunk of their own, loaded by forms that have them. */
export const combinatorViews = lazy(() => import('./combinator-views.ts'));

export const combinatorRenderers = {
  'one-of': lazyRenderer(
    combinatorViews,
    (m) => (p, c) => m.combinatorControl(p, c, 'oneOf'),
    (m) => m.styles,
  ),
  'any-of': lazyRenderer(
    combinatorViews,
    (m) => (p, c) => m.combinatorControl(p, c, 'anyOf'),
    (m) => m.styles,
  ),
  'all-of': lazyRenderer(
    combinatorViews,
    (m) => m.allOfControl,
    (m) => m.styles,
  ),
} satisfies RenderersByName;
