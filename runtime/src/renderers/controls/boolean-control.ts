import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { DispatchProps, FormContext, RenderersByName } from '../../jsonforms/context.ts';
import { ariaLabel, controlView, errorText, hint, requiredMark } from '../control-shell.ts';
import { pathToPointer } from '../../jsonforms/paths.ts';

/** A checkbox (or a switch with `options.toggle`), its label beside it. */
function booleanControl(props: DispatchProps, ctx: FormContext) {
  const v = controlView(props, ctx);
  if (!v) return nothing;
  const toggle = v.options.toggle === true;
  // Unticked is an answer ("no"): only a box that must be ticked (a declaration) is marked required.
  const mustTick = v.required && v.schema.const === true;
  return html`<div class="field boolean ${v.invalid ? 'invalid' : ''}" part="field" data-pointer=${pathToPointer(v.path)}>
    <div class="check">
      <input
        id=${v.inputId}
        part="input checkbox"
        type="checkbox"
        role=${ifDefined(toggle ? 'switch' : undefined)}
        .checked=${live(v.data === true)}
        ?disabled=${v.disabled}
        aria-invalid=${v.invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(v.describedBy)}
        aria-label=${ariaLabel(v)}
        @change=${(e: Event) => {
          ctx.change(v.path, (e.target as HTMLInputElement).checked);
          ctx.touch(v.path);
        }}
      />
      ${v.label ? html`<label part="label" for=${v.inputId}>${v.label}${mustTick ? requiredMark(v, ctx) : nothing}</label>` : nothing}
    </div>
    ${hint(v)} ${errorText(v, ctx)}
  </div>`;
}

export const booleanRenderers = { boolean: booleanControl } satisfies RenderersByName;
