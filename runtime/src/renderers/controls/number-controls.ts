import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { DispatchProps, FormContext, RenderersByName } from '../../jsonforms/context.ts';
import { ariaLabel, controlView, errorText, field, fieldClass, hint, requiredMark } from '../control-shell.ts';
import { pathToPointer } from '../../jsonforms/paths.ts';
import { numberValue } from '../number-value.ts';
import { STRINGS } from '../../i18n/strings.ts';

function numberControl(props: DispatchProps, ctx: FormContext, integer: boolean) {
  const v = controlView(props, ctx);
  if (!v) return nothing;
  const value = typeof v.data === 'number' ? v.data : undefined;
  const onInput = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.validity.badInput) {
      // The text is not a number yet: keep the data empty and say why, rather than guess.
      ctx.setLocalIssue(v.path, { pointer: '', code: 'type', message: STRINGS.notANumber });
      ctx.change(v.path, undefined);
      return;
    }
    ctx.setLocalIssue(v.path, undefined);
    ctx.change(v.path, input.value === '' ? undefined : Number(input.value));
  };
  const min = typeof v.schema.minimum === 'number' ? v.schema.minimum : undefined;
  const max = typeof v.schema.maximum === 'number' ? v.schema.maximum : undefined;
  // The field's layout written out here (see field() in control-shell.ts): one template per control.
  return html`<div class=${fieldClass(v, integer ? 'integer' : 'number')} part="field" data-pointer=${pathToPointer(v.path)}><label class="label" part="label" for=${v.inputId} ?hidden=${!v.label}>${v.label}${requiredMark(v, ctx)}</label>${hint(v)}<input
    id=${v.inputId}
    part="input"
    type="number"
    inputmode=${integer ? 'numeric' : 'decimal'}
    step=${integer ? String(typeof v.schema.multipleOf === 'number' ? v.schema.multipleOf : 1) : 'any'}
    min=${ifDefined(min)}
    max=${ifDefined(max)}
    ${numberValue(value)}
    ?disabled=${v.disabled}
    aria-required=${v.required ? 'true' : 'false'}
    aria-invalid=${v.invalid ? 'true' : 'false'}
    aria-describedby=${ifDefined(v.describedBy)}
    aria-label=${ariaLabel(v)}
    @input=${onInput}
    @blur=${() => ctx.touch(v.path)}
  />${errorText(v, ctx)}</div>`;
}

function rangeControl(props: DispatchProps, ctx: FormContext) {
  const v = controlView(props, ctx);
  if (!v) return nothing;
  const s = v.schema;
  const value = typeof v.data === 'number' ? v.data : (s.default as number);
  const input = html`<div class="range">
    <input
      id=${v.inputId}
      part="input range"
      type="range"
      min=${String(s.minimum)}
      max=${String(s.maximum)}
      step=${String(s.multipleOf ?? (s.type === 'integer' ? 1 : 'any'))}
      .value=${String(value)}
      ?disabled=${v.disabled}
      aria-describedby=${ifDefined(v.describedBy)}
      aria-label=${ariaLabel(v)}
      @input=${(e: Event) => ctx.change(v.path, Number((e.target as HTMLInputElement).value))}
      @blur=${() => ctx.touch(v.path)}
    />
    <output for=${v.inputId} aria-hidden="true">${value}</output>
  </div>`;
  return field(v, ctx, input, 'range');
}

export const numberRenderers = {
  number: (p, c) => numberControl(p, c, false),
  integer: (p, c) => numberControl(p, c, true),
  range: rangeControl,
} satisfies RenderersByName;
