// The 100-field form as a real page gets it, beside the hand-written Lit form loaded the same way:
// from the page's first script to all 100 controls in the DOM, fetching the entry, the procedure's
// public view and its validator module (motcua, which imports the in-force one alongside the view)
// or the form's own bundle (plain Lit). A fresh browser context every round: nothing cached from
// one visit serves the next.
import type { Browser, Page } from 'playwright-core';
import { conditionSchemas, type Procedure } from '@motcua/core';
import { validateProcedure } from '@motcua/core/validate';
import { compileValidatorModule } from '@motcua/compile';
import { currentValidatorsModule } from '@motcua/api';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { fields, schema, uischema } from './form-100.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const BENCH_CODE = '9.000100';

/** A published procedure whose form is the benchmark's 100 fields (the test fixture around it). */
export function benchProcedure(): Procedure {
  const base = JSON.parse(readFileSync(here('../test/fixtures/procedures/9.000001.json'), 'utf8')) as Procedure;
  const p = {
    ...base,
    code: BENCH_CODE,
    form: { schema: schema(), uischema: uischema() },
    applicant: { person: { fullName: `/${fields()[0]!.name}` } },
  } as Procedure;
  const checked = validateProcedure(p);
  if (!checked.valid) throw new Error(`bench procedure: ${JSON.stringify(checked.issues.slice(0, 3))}`);
  return p;
}

/** The hand-written Lit form's own bundle, minified for production as a real page would load it. */
export async function plainLitJs(): Promise<string> {
  const out = await build({
    entryPoints: [here('./plain-lit-form.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    conditions: ['production'],
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** Files the page-load rounds need, for the bench's static server. */
export async function pageLoadFiles(plainJs: string): Promise<Record<string, [string, string]>> {
  const procedure = benchProcedure();
  const validators = await compileValidatorModule(conditionSchemas(procedure).map((c) => c.schema));
  const api = `/api/v1/public/procedures/${BENCH_CODE}`;
  const agency = { code: '000.20.01.H56', name: { vi: 'Phường Trung Tâm', en: 'Trung Tam Ward' }, kind: 'commune' };
  const calendar = JSON.parse(readFileSync(here('../../examples/calendars/vn-2025-2026.json'), 'utf8')) as unknown;
  const view = {
    code: BENCH_CODE,
    version: 1,
    publishedAt: '2026-02-01T00:00:00+07:00',
    procedure,
    validators: `${api}/versions/1/validators.js`,
    agencies: [{ ...agency, parent: null }],
    calendars: { [agency.code]: calendar },
  };
  // The clock starts in the page's first script; the page says when its 100 controls are there.
  const page = (body: string) =>
    `<!doctype html><html lang="vi"><meta charset="utf-8"><script>window.benchT0=performance.now()</script>${body}<script src="/count.js"></script></html>`;
  return {
    '/motcua.html': [
      'text/html',
      page(
        `<script type="module" src="/dist/motcua.js"></script><motcua-form procedure="${BENCH_CODE}" server="/"></motcua-form>`,
      ),
    ],
    '/plain.html': [
      'text/html',
      page('<script type="module" src="/plain.js"></script><plain-lit-form></plain-lit-form>'),
    ],
    '/plain.js': ['text/javascript', plainJs],
    '/count.js': ['text/javascript', COUNT_SCRIPT],
    [api]: ['application/json', JSON.stringify(view)],
    // The in-force address the form imports while it fetches the view, as the server answers it.
    [`${api}/validators.js`]: ['text/javascript', currentValidatorsModule(view.version, validators)],
    [`${api}/versions/1/validators.js`]: ['text/javascript', validators],
  };
}

/**
 * Counts the form's fields through every shadow root, once a frame, and records the time the
 * hundredth appears (a radio group or a date's parts count once: by the field's label).
 */
const COUNT_SCRIPT = `(() => {
  const labels = (root, out) => {
    for (const l of root.querySelectorAll('label, legend')) if (/Trường số \\d+/.test(l.textContent)) out.add(l.textContent.match(/Trường số \\d+/)[0]);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) labels(el.shadowRoot, out);
    return out;
  };
  const tick = () => {
    if (labels(document, new Set()).size >= ${fields().length}) {
      window.benchDone = performance.now() - window.benchT0;
      console.log('benchDone ' + window.benchDone);
    } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Resolves with the page's time to 100 fields, from the message the counting script logs. */
export function benchDone(page: Page): Promise<number> {
  return page
    .waitForEvent('console', { predicate: (m) => m.text().startsWith('benchDone '), timeout: 60_000 })
    .then((m) => Number(m.text().slice('benchDone '.length)));
}

/**
 * One visit of `path` in a fresh context: milliseconds from the first script to 100 fields. The
 * page says when through the console: polling it (waitForFunction) would inject Playwright's
 * script into the page, whose evaluation (40-70 ms) lands on the main thread while a page that
 * waits on the network is still loading.
 */
export async function visit(browser: Browser, base: string, path: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const done = benchDone(page);
    await page.goto(`${base}${path}`);
    return await done;
  } finally {
    await context.close();
  }
}
