import type { RendererEntry } from '../jsonforms/context.ts';
import { textRenderers } from './controls/text-controls.ts';
import { numberRenderers } from './controls/number-controls.ts';
import { booleanRenderers } from './controls/boolean-control.ts';
import { enumRenderers } from './controls/enum-controls.ts';
import { dateRenderers } from './controls/date-controls.ts';
import { objectRenderers } from './controls/object-control.ts';
import { arrayRenderers } from './controls/array-controls.ts';
import { layoutRenderers } from './layouts/layouts.ts';
import { wizardRenderers } from './layouts/wizard.ts';

/** motcua's JSON Forms renderer set, in Lit. */
export const motcuaRenderers: readonly RendererEntry[] = [
  ...textRenderers,
  ...numberRenderers,
  ...booleanRenderers,
  ...enumRenderers,
  ...dateRenderers,
  ...objectRenderers,
  ...arrayRenderers,
  ...layoutRenderers,
  ...wizardRenderers,
];
