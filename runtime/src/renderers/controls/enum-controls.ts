import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { EnumOption } from '@jsonforms/core';
import type { DispatchProps, FormContext, RenderersByName } from '../../jsonforms/context.ts';
import {
  ariaLabel,
  controlView,
  errorText,
  fieldClass,
  hint,
  requiredMark,
  type ControlView,
} from '../control-shell.ts';
import { pathToPointer } from '../../jsonforms/paths.ts';

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** A <select>; option values are indexes so that numbers, booleans and null survive the DOM. */
function selectControl(props: DispatchProps, ctx: FormContext, oneOf: boolean) {
  const v = controlView(props, ctx, oneOf ? 'oneOfEnum' : 'enum');
  if (!v) return nothing;
  const options = v.choices;
  const selected = options.findIndex((o) => same(o.value, v.data));
  // The field's layout written out here (see field() in control-shell.ts): one template per control.
  return html`<div class=${fieldClass(v, 'select')} part="field" data-pointer=${pathToPointer(v.path)}><label class="label" part="label" for=${v.inputId} ?hidden=${!v.label}>${v.label}${requiredMark(v, ctx)}</label>${hint(v)}<select
    id=${v.inputId}
    part="input select"
    ?disabled=${v.disabled}
    aria-required=${v.required ? 'true' : 'false'}
    aria-invalid=${v.invalid ? 'true' : 'false'}
    aria-describedby=${ifDefined(v.describedBy)}
    aria-label=${ariaLabel(v)}
    @change=${(e: Event) => {
      const i = Number((e.target as HTMLSelectElement).value);
      ctx.change(v.path, i < 0 ? undefined : options[i]?.value);
      ctx.touch(v.path);
    }}
  >
    <option value="-1" ?selected=${selected < 0}>${ctx.text('selectPlaceholder')}</option>
    ${options.map((o, i) => html`<option value=${String(i)} ?selected=${i === selected}>${o.label}</option>`)}
  </select>${errorText(v, ctx)}</div>`;
}

/** Radio buttons in a fieldset whose legend is the label (options.format = "radio"). */
function radioControl(props: DispatchProps, ctx: FormContext, oneOf: boolean) {
  const v = controlView(props, ctx, oneOf ? 'oneOfEnum' : 'enum');
  if (!v) return nothing;
  return radioGroup(v, ctx, v.choices);
}

export function radioGroup(v: ControlView, ctx: FormContext, options: EnumOption[]) {
  return html`<fieldset
    class="field radio ${v.invalid ? 'invalid' : ''}"
    part="field radio-group"
    role="radiogroup"
    id=${v.inputId}
    tabindex="-1"
    data-pointer=${pathToPointer(v.path)}
    aria-required=${v.required ? 'true' : 'false'}
    aria-invalid=${v.invalid ? 'true' : 'false'}
    aria-describedby=${ifDefined(v.describedBy)}
    aria-label=${ariaLabel(v)}
    ?disabled=${v.disabled}
  >
    ${v.label ? html`<legend class="label" part="label">${v.label}${requiredMark(v, ctx)}</legend>` : nothing} ${hint(v)}
    <div class="choices ${options.length <= 3 ? 'inline' : ''}">
      ${options.map(
        (o, i) => html`<label class="choice" part="choice">
          <input
            type="radio"
            part="input radio"
            name=${v.inputId}
            value=${String(i)}
            .checked=${same(o.value, v.data)}
            @change=${() => {
              ctx.change(v.path, o.value);
              ctx.touch(v.path);
            }}
          />
          <span>${o.label}</span>
        </label>`,
      )}
    </div>
    ${errorText(v, ctx)}
  </fieldset>`;
}

export const enumRenderers = {
  enum: (p, c) => selectControl(p, c, false),
  'oneof-enum': (p, c) => selectControl(p, c, true),
  'enum-radio': (p, c) => radioControl(p, c, false),
  'oneof-enum-radio': (p, c) => radioControl(p, c, true),
} satisfies RenderersByName;
