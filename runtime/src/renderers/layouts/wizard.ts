import { and, categorizationHasCategory, rankWith, uiTypeIs } from '@jsonforms/core';
import type { RendererEntry } from '../../jsonforms/context.ts';
import { lazy } from '../../lazy.ts';
import { lazyRenderer } from '../lazy-renderer.ts';

/** The wizard itself (wizard-view.ts): a chunk of its own, loaded by forms that have one. */
export const wizardView = lazy(() => import('./wizard-view.ts'));

export const wizardRenderers: RendererEntry[] = [
  {
    name: 'wizard',
    tester: rankWith(1, and(uiTypeIs('Categorization'), categorizationHasCategory)),
    renderer: lazyRenderer(
      wizardView,
      (m) => m.wizard,
      (m) => m.styles,
    ),
  },
];
