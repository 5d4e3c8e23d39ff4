// Runs in Chromium: times rendering the generated 100-field form with <motcua-jsonforms> (from the
// built bundle) and the hand-written plain Lit form, interleaved, plus one re-render after typing.
import { createPrecompiledEvaluator, type CompiledValidator } from '@motcua/core';
import './plain-lit-form.ts';
import { schema, uischema } from './form-100.ts';

type El = HTMLElement & {
  updateComplete: Promise<boolean>;
  data?: unknown;
  schema?: unknown;
  uischema?: unknown;
  evaluator?: unknown;
};

async function once(make: () => El, fieldSelector: string): Promise<{ render: number; update: number }> {
  const host = document.getElementById('host')!;
  const t0 = performance.now();
  const el = make();
  host.append(el);
  await el.updateComplete;
  void host.offsetHeight; // layout included
  const render = performance.now() - t0;
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(fieldSelector)!;
  const t1 = performance.now();
  input.value = 'Nguyễn Văn A';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  void host.offsetHeight;
  const update = performance.now() - t1;
  el.remove();
  return { render, update };
}

const FORM_JSON = JSON.stringify({ schema: schema(), uischema: uischema() });
const freshForm = (): { schema: unknown; uischema: unknown } => JSON.parse(FORM_JSON);

export async function run(rounds: number): Promise<Record<string, { render: number[]; update: number[] }>> {
  const bundle = '/dist/motcua.js';
  await import(/* @vite-ignore */ bundle);
  const mod = (await import('/validators.js' as string)) as { validators: Record<string, CompiledValidator> };
  const evaluator = createPrecompiledEvaluator(mod.validators);
  const out = {
    'motcua-jsonforms': { render: [] as number[], update: [] as number[] },
    'plain Lit': { render: [] as number[], update: [] as number[] },
  };
  // Every round gets schemas fresh from JSON, as a page gets them from the server: nothing one
  // round resolved or cached can serve the next one.
  let fresh = freshForm();
  const motcua = () =>
    Object.assign(document.createElement('motcua-jsonforms') as El, {
      schema: fresh.schema,
      uischema: fresh.uischema,
      data: {},
      evaluator,
    });
  const plain = () => document.createElement('plain-lit-form') as El;
  for (let i = 0; i < rounds + 3; i++) {
    fresh = freshForm();
    const a = await once(motcua, 'input[type="text"]');
    const b = await once(plain, 'input[type="text"]');
    if (i < 3) continue; // warm-up
    out['motcua-jsonforms'].render.push(a.render);
    out['motcua-jsonforms'].update.push(a.update);
    out['plain Lit'].render.push(b.render);
    out['plain Lit'].update.push(b.update);
  }
  return out;
}

(window as unknown as { benchRun: typeof run }).benchRun = run;

/** For bench/profile.ts: `rounds` first renders (or re-renders after typing) of the motcua form only. */
export async function profile(rounds: number, what: 'render' | 'update' | 'plain'): Promise<void> {
  if (what === 'plain') {
    const host = document.getElementById('host')!;
    for (let i = 0; i < rounds; i++) {
      const el = document.createElement('plain-lit-form') as El;
      host.append(el);
      await el.updateComplete;
      void host.offsetHeight;
      el.remove();
    }
    return;
  }
  const mod = (await import('/validators.js' as string)) as { validators: Record<string, CompiledValidator> };
  const evaluator = createPrecompiledEvaluator(mod.validators);
  const host = document.getElementById('host')!;
  if (what === 'render') {
    for (let i = 0; i < rounds; i++) {
      const f = freshForm();
      const el = Object.assign(document.createElement('motcua-jsonforms') as El, {
        schema: f.schema,
        uischema: f.uischema,
        data: {},
        evaluator,
      });
      host.append(el);
      await el.updateComplete;
      void host.offsetHeight;
      el.remove();
    }
    return;
  }
  const f = freshForm();
  const el = Object.assign(document.createElement('motcua-jsonforms') as El, {
    schema: f.schema,
    uischema: f.uischema,
    data: {},
    evaluator,
  });
  host.append(el);
  await el.updateComplete;
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="text"]')!;
  for (let i = 0; i < rounds; i++) {
    input.value = `Nguyễn Văn ${i}`;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    void host.offsetHeight;
  }
  el.remove();
}

(window as unknown as { benchProfile: typeof profile }).benchProfile = profile;
