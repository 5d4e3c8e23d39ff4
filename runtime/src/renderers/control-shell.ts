import { html, nothing, type TemplateResult } from 'lit';
import type { ControlElement, EnumOption, JsonSchema7, StatePropsOfControl } from '@jsonforms/core';
import { pick, type Issue } from '@motcua/core';
import type { DispatchProps, FormContext, RenderResult } from '../jsonforms/context.ts';
import type { ControlMapper } from '../jsonforms/control-props.ts';
import { pathToPointer } from '../jsonforms/paths.ts';
import { localTitle } from '../i18n/localize.ts';

/** The control's JSON Forms props plus what every motcua control needs to be accessible. */
export interface ControlView extends StatePropsOfControl {
  schema: JsonSchema7;
  /** DOM id of the input. */
  inputId: string;
  /** Space-separated ids for aria-describedby (hint and errors), or undefined. */
  describedBy: string | undefined;
  issues: Issue[];
  invalid: boolean;
  disabled: boolean;
  /** The label to read out even when the visible label is hidden (label: false). */
  accessibleName: string;
  options: Record<string, unknown>;
  /** The choices of an enum or oneOf-enum control (mapper 'enum' / 'oneOfEnum'). */
  choices: EnumOption[];
}

export function controlView(
  props: DispatchProps,
  ctx: FormContext,
  mapper: ControlMapper = 'control',
): ControlView | null {
  const p = ctx.props(props, mapper) as StatePropsOfControl & { schema: JsonSchema7; options?: EnumOption[] };
  if (!p.visible) return null;
  const uischema = props.uischema as ControlElement;
  const accessibleName = p.label || fallbackName(uischema, p.schema, ctx);
  const inputId = ctx.control(p.path, accessibleName);
  const issues = ctx.issuesAt(p.path);
  const ids = [p.description ? `${inputId}-hint` : '', issues.length ? `${inputId}-err` : ''].filter(Boolean).join(' ');
  return {
    ...p,
    inputId,
    describedBy: ids || undefined,
    issues,
    invalid: issues.length > 0,
    disabled: !p.enabled || ctx.readonly || !!p.readonly,
    accessibleName,
    options: (uischema.options ?? {}) as Record<string, unknown>,
    choices: p.options ?? [],
  };
}

function fallbackName(uischema: ControlElement, schema: JsonSchema7, ctx: FormContext): string {
  if (typeof schema?.title === 'string') return localTitle(schema.title, ctx.lang);
  const scope = uischema.scope ?? '';
  return scope.slice(scope.lastIndexOf('/') + 1);
}

/** aria-label for an input whose visible label is hidden (`label: false`). */
export function ariaLabel(v: ControlView): string | typeof nothing {
  return v.label ? nothing : v.accessibleName;
}

export function requiredMark(v: ControlView, ctx: FormContext): TemplateResult | typeof nothing {
  return v.required
    ? html`<span class="req" aria-hidden="true">*</span><span class="sr-only"> (${ctx.text('required')})</span>`
    : nothing;
}

export function hint(v: ControlView): TemplateResult | typeof nothing {
  return v.description ? html`<p class="hint" part="hint" id=${`${v.inputId}-hint`}>${v.description}</p>` : nothing;
}

export function errorText(v: ControlView, ctx: FormContext): TemplateResult | typeof nothing {
  if (!v.issues.length) return nothing;
  return html`<p class="error" part="error" id=${`${v.inputId}-err`}>
    ${v.issues.map((i, n) => html`${n ? html`<br />` : nothing}${pick(i.message, ctx.lang)}`)}
  </p>`;
}

/** The class of a single-input control's wrapper: `field <kind>`, and `invalid` when it shows an error. */
export const fieldClass = (v: ControlView, kind: string): string => `field ${kind}${v.invalid ? ' invalid' : ''}`;

/**
 * Label above, hint, input, errors below: the layout of every single-input control. The common
 * controls (text, number, date, select) write this layout out in their own single template — one
 * template instance per control instead of two, which is most of what a first render costs — and
 * must keep to it: `<div class=fieldClass part="field" data-pointer><label class="label"
 * part="label" for ?hidden=!label>label requiredMark</label>hint INPUT errorText</div>`.
 */
export function field(v: ControlView, ctx: FormContext, input: TemplateResult, kind: string): RenderResult {
  return html`<div class=${fieldClass(v, kind)} part="field" data-pointer=${pathToPointer(v.path)}><label class="label" part="label" for=${v.inputId} ?hidden=${!v.label}>${v.label}${requiredMark(v, ctx)}</label>${hint(v)}${input}${errorText(v, ctx)}</div>`;
}
