import { fixture, html } from '@open-wc/testing';
import type { Procedure } from '@motcua/core';
import '../../../src/editors/index.ts';
import { environment } from './fixtures.ts';

export interface Change {
  procedure: Procedure;
  label: string;
}

export type Editor = HTMLElement & {
  procedure: Procedure;
  lang: 'vi' | 'en';
  environment?: unknown;
  problems?: unknown;
  updateComplete: Promise<boolean>;
};

/**
 * Renders an editor the way the designer shell hosts it: it gets the definition, and every
 * `procedure-change` it emits becomes its new definition (the shell's store does the same).
 */
export async function host<T extends Editor>(
  tag: string,
  procedure: Procedure,
  props: Record<string, unknown> = {},
): Promise<{ el: T; changes: Change[] }> {
  const wrapper = await fixture<HTMLElement>(html`<main></main>`);
  const el = document.createElement(tag) as T;
  Object.assign(el, { procedure, lang: 'vi', environment: environment(), ...props });
  const changes: Change[] = [];
  el.addEventListener('procedure-change', (e) => {
    const detail = (e as CustomEvent<Change>).detail;
    if (detail.procedure === el.procedure) throw new Error('An edit must hand over a new definition object');
    changes.push(detail);
    el.procedure = detail.procedure;
  });
  wrapper.append(el);
  await el.updateComplete;
  return { el, changes };
}

/** The `nth` form control whose label reads `text` (inside `root`). */
export function control<E extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string, nth = 0): E {
  const found = [...root.querySelectorAll('label')].filter((l) => {
    const clone = l.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('select, textarea, input').forEach((x) => x.remove());
    return clone.textContent!.replace(/\s+/g, ' ').trim() === text;
  });
  const label = found[nth];
  if (!label) throw new Error(`No control labelled "${text}"`);
  const c = label.querySelector('input, select, textarea');
  if (!c) throw new Error(`Label "${text}" has no control`);
  return c as E;
}

export function button(root: ParentNode, name: string): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find(
    (x) => x.getAttribute('aria-label') === name || x.textContent!.trim() === name,
  );
  if (!b) throw new Error(`No button "${name}"`);
  return b;
}

/** Sets a control's value as a person would and fires change. */
export async function change(
  el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  value: string,
  host?: Editor,
) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  if (host) await host.updateComplete;
}

/** Waits (up to 10 s) until `f` gives something. */
export async function until<T>(f: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = f();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}
