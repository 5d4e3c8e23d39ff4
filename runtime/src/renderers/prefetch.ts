import { arrayViews, listDetailView } from './controls/array-controls.ts';
import { wizardView } from './layouts/wizard.ts';

/**
 * Starts loading the lazily loaded renderers a form will need — the wizard for a Categorization,
 * the array views for an array, the list with detail — so that a host that knows the form before it renders it (the
 * procedure arrives before its validator module) fetches them alongside, and the form renders whole
 * at once. A false alarm only loads a chunk early; a miss is caught when the form renders.
 */
export function prefetchRenderers(schema: unknown, uischema: unknown): Promise<unknown> {
  const parts: Promise<unknown>[] = [];
  const ui = JSON.stringify(uischema ?? null);
  if (/"type":\s*"Categorization"/.test(ui)) parts.push(wizardView.load());
  if (/"type":\s*"ListWithDetail"/.test(ui)) parts.push(listDetailView.load());
  if (/"type":\s*(\[[^\]]*)?"array"/.test(JSON.stringify(schema ?? null))) parts.push(arrayViews.load());
  return Promise.allSettled(parts);
}
