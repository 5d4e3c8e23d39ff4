import { html, nothing } from 'lit';
import type { ControlElement } from '@jsonforms/core';
import { detailUiSchema } from '../../jsonforms/detail.ts';
import type { DispatchProps, FormContext, RenderersByName } from '../../jsonforms/context.ts';
import { controlView, errorText, hint, requiredMark } from '../control-shell.ts';
import { pathToPointer } from '../../jsonforms/paths.ts';
import { expandable, openButton } from '../expandable.ts';

/** A nested object: a fieldset named by the control's label, its properties laid out inside. */
function objectControl(props: DispatchProps, ctx: FormContext) {
  const v = controlView(props, ctx);
  if (!v) return nothing;
  const rootSchema = ctx.state.jsonforms.core!.schema;
  const uischema = props.uischema as ControlElement;
  // Generated once per control and schema: a new UI schema every render would defeat every cache below it.
  const detail = ctx.memo(uischema, `detail:${v.path}`, [v.schema], () =>
    detailUiSchema(uischema, v.schema, rootSchema),
  );
  const body =
    expandable(v.schema, v.data, () =>
      ctx.render({ uischema: detail, schema: v.schema, path: v.path, enabled: !v.disabled }),
    ) ?? openButton(v.path, v.label || v.accessibleName, v.schema, ctx);
  return html`<fieldset
    class="object ${v.invalid ? 'invalid' : ''}"
    part="group object"
    id=${v.inputId}
    tabindex="-1"
    data-pointer=${pathToPointer(v.path)}
    aria-describedby=${v.describedBy ?? nothing}
  >
    ${v.label ? html`<legend part="group-label">${v.label}${requiredMark(v, ctx)}</legend>` : nothing} ${hint(v)} ${errorText(v, ctx)} ${body}
  </fieldset>`;
}

export const objectRenderers = { object: objectControl } satisfies RenderersByName;
