import type { RenderersByName } from '../../jsonforms/context.ts';
import { lazy } from '../../lazy.ts';
import { lazyRenderer } from '../lazy-renderer.ts';

/** The wizard itself (wizard-view.ts): a chunk of its own, loaded by forms that have one. */
export const wizardView = lazy(() => import('./wizard-view.ts'));

export const wizardRenderers = {
  wizard: lazyRenderer(
    wizardView,
    (m) => m.wizard,
    (m) => m.styles,
  ),
} satisfies RenderersByName;
