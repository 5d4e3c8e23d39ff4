// Runs in Chromium: times rendering the generated 100-field form with <motcua-jsonforms> (from the
// built bundle) and the hand-written plain Lit form, interleaved, plus one re-render after typing.
import { createPrecompiledEvaluator, type CompiledValidator } from '@motcua/core';
import './plain-lit-form.ts';
import { schema, uischema } from './form-100.ts';

type El = HTMLElement & { updateComplete: Promise<boolean>; data?: unknown; schema?: unknown; uischema?: unknown; evaluator?: unknown };

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

export async function run(rounds: number): Promise<Record<string, { render: number[]; update: number[] }>> {
  const bundle = '/dist/motcua.js';
  await import(/* @vite-ignore */ bundle);
  const mod = (await import('/validators.js' as string)) as { validators: Record<string, CompiledValidator> };
  const evaluator = createPrecompiledEvaluator(mod.validators);
  const s = schema();
  const ui = uischema();
  const out = { 'motcua-jsonforms': { render: [] as number[], update: [] as number[] }, 'plain Lit': { render: [] as number[], update: [] as number[] } };
  const motcua = () => Object.assign(document.createElement('motcua-jsonforms') as El, { schema: s, uischema: ui, data: {}, evaluator });
  const plain = () => document.createElement('plain-lit-form') as El;
  for (let i = 0; i < rounds + 3; i++) {
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
