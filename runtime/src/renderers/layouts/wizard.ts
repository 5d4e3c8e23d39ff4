import type { RenderersByName } from '../../jsonforms/context.ts';
import { lazy } from '../../lazy.ts';
import { lazyRenderer } from '../lazy-renderer.ts';

/** The key under which the form keeps the current step of the wizard at `path`. */
export const wizardKey = (path: string) => `wizard:${path}`;

/** The wizard itself (wizard-view.ts): a chunk of its own, loaded by forms that have one. */
export const wizardView = lazy(() => import('./wizard-view.ts'));

export const wizardRenderers = {
  wizard: lazyRenderer(
    wizardView,
    (m) => m.wizard,
    (m) => m.styles,
  ),
} satisfies RenderersByName;
