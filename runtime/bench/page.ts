// Runs in Chromium: times rendering the generated 100-field form with <motcua-jsonforms> (from the
// built bundle) and the hand-written plain Lit form, interleaved, plus one re-render after typing.
import { createPrecompiledEvaluator, schemaIssues, type CompiledValidator, type JsonSchema } from '@motcua/core';
import { fieldIssues } from '../src/jsonforms/field-issues.ts';
import './plain-lit-form.ts';
import type { PlainLitForm } from './plain-lit-form.ts';
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

/** Data with what a hurried applicant leaves: every required field empty, three values wrong. */
const BAD_DATA = { f1: 'x'.repeat(150), f4: -1, f9: '2026-13-45', f12: 'Tên đã điền' };

/** Milliseconds per call of `fn`, over enough calls to be above the timer's resolution. */
function perCall(fn: () => unknown): number {
  const n = 200;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - t0) / n;
}

const FORM_JSON = JSON.stringify({ schema: schema(), uischema: uischema() });
const freshForm = (): { schema: unknown; uischema: unknown } => JSON.parse(FORM_JSON);

type Timings = Record<string, { render: number[]; update: number[]; validate: number[] }>;

export async function run(rounds: number): Promise<Timings> {
  const bundle = '/dist/motcua.js';
  await import(/* @vite-ignore */ bundle);
  const mod = (await import('/validators.js' as string)) as { validators: Record<string, CompiledValidator> };
  const evaluator = createPrecompiledEvaluator(mod.validators);
  const mine = { render: [] as number[], update: [] as number[], validate: [] as number[] };
  const theirs = { render: [] as number[], update: [] as number[], validate: [] as number[] };
  const out: Timings = { 'motcua-jsonforms': mine, 'plain Lit': theirs };
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
    mine.render.push(a.render);
    mine.update.push(a.update);
    theirs.render.push(b.render);
    theirs.update.push(b.update);
    // validate() without rendering the summary: the form's validator module, the issues with their
    // messages, sorted into form order by the element, beside the hand-written checks.
    const el = Object.assign(motcua(), { data: BAD_DATA });
    document.getElementById('host')!.append(el);
    await el.updateComplete;
    const s = fresh.schema as JsonSchema;
    const form = el as El & { validate(o: { summary: boolean }): unknown[] };
    mine.validate.push(
      perCall(() => {
        fieldIssues(schemaIssues(evaluator.validate(s, BAD_DATA)), s);
        form.validate({ summary: false });
      }),
    );
    el.remove();
    const hand = Object.assign(document.createElement('plain-lit-form') as PlainLitForm, { data: BAD_DATA });
    theirs.validate.push(perCall(() => hand.validate()));
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
