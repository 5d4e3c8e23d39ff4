/**
 * @motcua/runtime — embeddable citizen web components. Importing this module defines the custom
 * elements (and nothing else global): <motcua-jsonforms>, <motcua-form>, <motcua-track>.
 */
import { MotcuaJsonForms } from './elements/form/motcua-jsonforms.ts';
import { MotcuaForm } from './elements/form/motcua-form.ts';
import { MotcuaTrack } from './elements/track/motcua-track.ts';
import { define } from './elements/define.ts';

define('motcua-jsonforms', MotcuaJsonForms);
define('motcua-form', MotcuaForm);
define('motcua-track', MotcuaTrack);

export { MotcuaJsonForms, MotcuaForm, MotcuaTrack };
export type { FormChangeDetail, FormTranslations, StepChangeDetail } from './elements/form/motcua-jsonforms.ts';
export type {
  SubmittedDetail,
  LoadedDetail,
  ErrorDetail,
  FormSubmission,
  SubmitHandler,
} from './elements/form/motcua-form.ts';
export type { DispatchProps, FormContext, Renderer, RendererEntry } from './jsonforms/context.ts';
export { motcuaRenderers } from './renderers/index.ts';
