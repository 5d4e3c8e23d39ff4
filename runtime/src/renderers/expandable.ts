import { html } from 'lit';
import type { FormContext } from '../jsonforms/context.ts';
import { withDefaults } from './defaults.ts';
import type { JsonSchema } from '@motcua/core';

/** The schemas of the nested objects being rendered, outermost first (a render pass is synchronous). */
const open: unknown[] = [];

/**
 * Renders the inside of a nested object, unless the same schema is already being rendered
 * around it and the person has not started this one: a recursive schema (a person whose
 * guardian is a person) opens one level at a time instead of without end. Null when closed.
 */
export function expandable<T>(schema: unknown, data: unknown, body: () => T): T | null {
  if (data === undefined && open.includes(schema)) return null;
  open.push(schema);
  try {
    return body();
  } finally {
    open.pop();
  }
}

/** The button that opens a closed nested object: it starts it with its defaults. */
export function openButton(path: string, label: string, schema: unknown, ctx: FormContext) {
  return html`<button type="button" part="button object-open" class="secondary" @click=${() => ctx.change(path, withDefaults(schema as JsonSchema, {}))}>
    + ${ctx.text('objectOpen', { label: label.toLocaleLowerCase(ctx.lang) })}
  </button>`;
}
