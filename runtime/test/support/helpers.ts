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

export async function renderForm(
  name: string,
  data: unknown = {},
  extra: Partial<MotcuaJsonForms> = {},
): Promise<MotcuaJsonForms> {
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

/** Polls until `check` returns a truthy value (async UI: loading, uploads). */
export async function waitFor<T>(
  check: () => T | undefined | null | false,
  what = 'condition',
  timeoutMs = 8000,
): Promise<T> {
  const start = performance.now();
  for (;;) {
    try {
      const v = check();
      if (v) return v;
    } catch {
      /* not yet */
    }
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The input labelled `label` inside the fieldset whose legend starts with `group`. */
export function inGroup(el: Element, group: string, label: string): HTMLElement {
  const root = el.shadowRoot!;
  for (const lg of root.querySelectorAll('legend')) {
    if (!norm(lg.textContent).startsWith(group)) continue;
    const fs = lg.parentElement!;
    for (const l of fs.querySelectorAll('label[for]')) {
      if (norm(l.textContent).replace(/\s*\*.*$/, '') === label) return root.getElementById(l.getAttribute('for')!)!;
    }
  }
  throw new Error(`No control "${label}" in group "${group}"`);
}

/** Puts files into a file input as a person choosing them would. */
export function chooseFiles(input: HTMLInputElement, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export const pdf = (name = 'giay-chung-sinh.pdf', size = 2000) =>
  new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, ...new Array(size).fill(0x20)])], name, {
    type: 'application/pdf',
  });
export const zipNamedPdf = () =>
  new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])], 'that-is-a-zip.pdf', { type: 'application/pdf' });

export async function mockLog(): Promise<any[]> {
  return (await fetch('/mock/log')).json();
}

export async function mockReset(): Promise<void> {
  await fetch('/mock/reset', { method: 'POST' });
}

/** Like waitFor, for checks that are themselves asynchronous (e.g. asking the mock server). */
export async function eventually(check: () => Promise<boolean>, what = 'condition', timeoutMs = 8000): Promise<void> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}
