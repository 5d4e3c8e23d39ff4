import { fixture, html } from '@open-wc/testing';
import { createPrecompiledEvaluator, type CompiledValidator, type SchemaEvaluator } from '@motcua/core';
import '../../src/index.ts';
import type { MotcuaJsonForms } from '../../src/index.ts';

export interface FormFixture {
  schema: Record<string, unknown>;
  uischema?: Record<string, unknown>;
}

export async function loadFixture(name: string): Promise<FormFixture> {
  const res = await fetch(`/runtime/test/fixtures/${name}.json`);
  return res.json();
}

/** The fixture's validator module, compiled by @motcua/compile in the test server (as at publish time). */
export async function evaluatorFor(name: string): Promise<SchemaEvaluator> {
  const mod = (await import(`/__validators/${name}.js`)) as { validators: Record<string, CompiledValidator> };
  return createPrecompiledEvaluator(mod.validators);
}

export async function renderForm(name: string, data: unknown = {}, extra: Partial<MotcuaJsonForms> = {}): Promise<MotcuaJsonForms> {
  const f = await loadFixture(name);
  const evaluator = await evaluatorFor(name);
  const el = await fixture<MotcuaJsonForms>(html`<motcua-jsonforms
    .schema=${f.schema}
    .uischema=${f.uischema}
    .data=${data}
    .evaluator=${evaluator}
  ></motcua-jsonforms>`);
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

export function $(el: Element, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`Not found: ${selector}`);
  return found;
}

export function $$(el: Element, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

/** The input labelled `label` (by <label for>, legend, or aria-label) in the element's shadow root. */
export function byLabel(el: Element, label: string): HTMLElement {
  const root = el.shadowRoot!;
  for (const l of root.querySelectorAll('label[for]')) {
    if (norm(l.textContent) === label || norm(l.textContent).replace(/\s*\*.*$/, '') === label) {
      return root.getElementById(l.getAttribute('for')!)!;
    }
  }
  for (const lg of root.querySelectorAll('legend')) {
    if (norm(lg.textContent).replace(/\s*\*.*$/, '') === label) return lg.parentElement as HTMLElement;
  }
  const aria = root.querySelector<HTMLElement>(`[aria-label="${label}"]`);
  if (aria) return aria;
  throw new Error(`No control labelled "${label}"`);
}

export const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Types into an input as a person would (value + input event). */
export async function typeInto(el: MotcuaJsonForms, input: HTMLElement, value: string, event = 'input'): Promise<void> {
  (input as HTMLInputElement).value = value;
  input.dispatchEvent(new Event(event, { bubbles: true, composed: true }));
  await el.updateComplete;
}

export function nextEvent<T = unknown>(target: EventTarget, type: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as CustomEvent<T>), { once: true }));
}
