import { RENDERABILITY, type RendererName } from '@motcua/core';
import type { Renderer, RendererEntry } from '../jsonforms/context.ts';
import { textRenderers } from './controls/text-controls.ts';
import { numberRenderers } from './controls/number-controls.ts';
import { booleanRenderers } from './controls/boolean-control.ts';
import { enumRenderers } from './controls/enum-controls.ts';
import { dateRenderers } from './controls/date-controls.ts';
import { objectRenderers } from './controls/object-control.ts';
import { arrayRenderers } from './controls/array-controls.ts';
import { combinatorRenderers } from './controls/combinator-controls.ts';
import { layoutRenderers } from './layouts/layouts.ts';
import { wizardRenderers } from './layouts/wizard.ts';

/** Every renderer of core's renderability table, by name: a name without its renderer does not compile. */
const RENDERERS: Record<RendererName, Renderer> = {
  ...textRenderers,
  ...numberRenderers,
  ...booleanRenderers,
  ...enumRenderers,
  ...dateRenderers,
  ...objectRenderers,
  ...arrayRenderers,
  ...combinatorRenderers,
  ...layoutRenderers,
  ...wizardRenderers,
};

/**
 * motcua's JSON Forms renderer set, in Lit: core's testers (RENDERABILITY, in its order — which
 * the publishing checks use too) each paired with its renderer.
 */
export const motcuaRenderers: readonly RendererEntry[] = RENDERABILITY.map(({ name, tester }) => ({
  name,
  tester,
  renderer: RENDERERS[name],
}));
