import { html } from 'lit';
import type { ControlElement, UISchemaElement } from '@jsonforms/core';
import type { FormContext } from '../jsonforms/context.ts';

/** What the form shows where no renderer applies: never a silent gap. */
export function unsupported(uischema: UISchemaElement, ctx: FormContext, detail?: string) {
  const scope = (uischema as ControlElement).scope;
  const what = [uischema.type, scope, detail].filter(Boolean).join(' ');
  return html`<div class="unsupported" part="unsupported" role="note">${ctx.text('unsupported', { what })}</div>`;
}

/** What the form shows where a rule could not be evaluated (e.g. the validator module lacks its schema). */
export function ruleFailure(ctx: FormContext, error: unknown) {
  return html`<div class="unsupported" part="unsupported" role="note">
    ${ctx.text('ruleError')} <span class="detail">${error instanceof Error ? error.message : String(error)}</span>
  </div>`;
}
