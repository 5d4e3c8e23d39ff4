/**
 * `npm run bench -w @motcua/designer`: for a generated 150-field procedure, the time to open it
 * with its form editor and preview ready, the p50/p95 time from one label edit to the updated
 * preview and problems (goal ≤ 100 ms), and the designer's first-load JavaScript (gzip -9, without
 * Monaco, which loads only with a JSON view) beside @bpmn-io/form-js-editor built the same way in
 * the same run (goal: at most half). Also the server's dry-run alone (the problems' share that is
 * not the page's). Writes designer/.bench/designer.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium.mjs';
import { REPO, ensureRuntimeBuilt, startServer } from '../../test/e2e/support.ts';
import { apiSession } from '../../test/e2e/staff-support.ts';
import { generatedProcedure } from './generate.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = join(HERE, '../dist');
const gz = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;
const kb = (n: number) => Math.round(n / 102.4) / 10;

/** The JavaScript a first visit loads: the page's module scripts and their static imports. */
export function firstLoadJs(dist: string): { files: string[]; gzip: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]+src="\/designer\/([^"]+)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports only (`from"./x.js"`, `import"./x.js"`); dynamic `import(…)` loads later.
    for (const m of code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)) queue.push(join(dirname(file), m[1]!));
  }
  const files = [...seen];
  return { files, gzip: files.reduce((n, f) => n + gz(readFileSync(join(dist, f))), 0) };
}

const PEER = join(HERE, 'peer');

/**
 * @bpmn-io/form-js-editor, installed on demand into bench/peer/ (its own package, not a workspace:
 * the designer never depends on it). Null with the reason when it cannot be installed (offline).
 */
function installPeer(): string | null {
  if (existsSync(join(PEER, 'node_modules/@bpmn-io/form-js-editor/package.json'))) return null;
  console.log('installing @bpmn-io/form-js-editor into designer/bench/peer/ …');
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts'], {
      cwd: PEER,
      stdio: 'inherit',
      env: { ...process.env, IBM_TELEMETRY_DISABLED: 'true' },
      timeout: 300_000,
    });
    return null;
  } catch (err) {
    return `npm install failed in designer/bench/peer (offline?): ${(err as Error).message.split('\n')[0]}`;
  }
}

/** @bpmn-io/form-js-editor's editor (its playground's entry) built with the same Vite settings; its JS gzip. */
async function formJsEditorJs(): Promise<{ gzip: number } | { skipped: string }> {
  const failed = installPeer();
  if (failed) return { skipped: failed };
  const dir = mkdtempSync(join(PEER, '.build-'));
  try {
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><div id="c"></div><script type="module" src="./main.js"></script>',
    );
    writeFileSync(
      join(dir, 'main.js'),
      "import { FormEditor } from '@bpmn-io/form-js-editor';\n" +
        "const editor = new FormEditor({ container: document.getElementById('c') });\n" +
        "editor.importSchema({ type: 'default', components: [] });\n",
    );
    await build({
      root: dir,
      logLevel: 'warn',
      build: {
        outDir: join(dir, 'dist'),
        target: 'es2022',
        minify: true,
        rolldownOptions: { output: { minify: true } },
      },
    });
    return { gzip: firstLoadJsOf(join(dir, 'dist')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function firstLoadJsOf(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]+src="\/([^"]+)"/g)].map((m) => m[1]!);
  return files.reduce((n, f) => n + gz(readFileSync(join(dist, f))), 0);
}

const stats = (xs: number[]) => ({ p50: Math.round(quantile(xs, 0.5)), p95: Math.round(quantile(xs, 0.95)) });
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

async function main() {
  ensureRuntimeBuilt();
  if (!existsSync(join(DIST, 'index.html')))
    execFileSync('npm', ['run', 'build', '-w', '@motcua/designer'], { cwd: REPO, stdio: 'inherit' });
  const designer = firstLoadJs(DIST);
  const peer = await formJsEditorJs();
  const formJs = 'gzip' in peer ? peer.gzip : null;
  console.log(`designer first-load JS (gzip, no Monaco): ${kb(designer.gzip)} KB in ${designer.files.length} files`);
  console.log(
    'gzip' in peer
      ? `@bpmn-io/form-js-editor (same build): ${kb(peer.gzip)} KB`
      : `@bpmn-io/form-js-editor skipped: ${peer.skipped}`,
  );

  const password = 'designer-bench-password';
  const server = await startServer({ env: { MOTCUA_DEMO_PASSWORD: password }, timeoutMs: 240_000 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(120_000);
    // tsx names inner functions with a helper (__name) that the page does not have.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(`${server.url}/designer/`);
    const code = `1.9${String(Date.now() % 100_000).padStart(5, '0')}`;
    const owner = '000.00.10.H56';
    const definition = generatedProcedure(code, owner);
    await page.evaluate(
      async ({ definition, owner, password }) => {
        const login = await fetch('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'designer.justice', password }),
        });
        const { csrfToken } = await login.json();
        const r = await fetch(`/api/v1/agencies/${owner}/procedures`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify(definition),
        });
        if (r.status !== 201) throw new Error(await r.text());
      },
      { definition, owner, password },
    );
    // Time to interactive: a fresh load of the procedure's form, until every card and the preview are there.
    await page.goto('about:blank');
    await page.goto(`${server.url}/designer/#/p/${code}/form`);
    const tti = await page.evaluate(async () => {
      const until = (ok: () => boolean) =>
        new Promise<void>((resolve, reject) => {
          const give = performance.now() + 180_000;
          const tick = () =>
            ok()
              ? resolve()
              : performance.now() > give
                ? reject(new Error(`not ready: ${document.querySelector('main')?.textContent?.slice(0, 400)}`))
                : requestAnimationFrame(tick);
          tick();
        });
      await until(
        () =>
          document.querySelectorAll('.canvas .card-el').length >= 150 &&
          !!document.querySelector('.preview-frame motcua-jsonforms, .preview-frame motcua-form'),
      );
      return performance.now();
    });
    await page.click('.canvas .card-el .select');
    await page.waitForSelector('#prop-label-vi');
    const times: { both: number; preview: number; problems: number }[] = [];
    for (let i = 0; i < 40; i++) {
      times.push(
        await page.evaluate(async (i) => {
          const deepText = (n: Node): string => {
            let s = n.nodeType === Node.TEXT_NODE ? (n.textContent ?? '') : '';
            const root = (n as Element).shadowRoot;
            if (root) s += deepText(root);
            for (const c of n.childNodes) s += deepText(c);
            return s;
          };
          const input = document.querySelector('#prop-label-vi') as HTMLInputElement;
          const marker = `Đo${i}x`;
          const before = performance.getEntriesByName('motcua:problems').length;
          const t0 = performance.now();
          input.value = `${input.value.replace(/ Đo\d+x$/, '')} ${marker}`;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          let preview = 0;
          let problems = 0;
          await new Promise<void>((resolve) => {
            const tick = () => {
              const now = performance.now() - t0;
              if (!problems && performance.getEntriesByName('motcua:problems').length > before) problems = now;
              if (!preview && deepText(document.querySelector('.preview-frame')!).includes(marker)) preview = now;
              if (preview && problems) resolve();
              else requestAnimationFrame(tick);
            };
            tick();
          });
          return { both: Math.max(preview, problems), preview, problems };
        }, i),
      );
      await page.waitForTimeout(900); // apart, so each is its own undo step
    }
    // The server's part of "problems": the dry-run alone, asked from here (no page, no preview).
    const call = await apiSession(server.url, 'designer.justice', password);
    const dryRun: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await call('POST', `/api/v1/procedures/${code}/draft/validate`, definition);
      dryRun.push(performance.now() - t0);
    }
    const result = {
      fields: 150,
      firstLoadJsGzipKB: kb(designer.gzip),
      formJsEditorJsGzipKB: formJs === null ? null : kb(formJs),
      ...('skipped' in peer ? { formJsEditorSkipped: peer.skipped } : {}),
      sizeRatio: formJs === null ? null : Math.round((designer.gzip / formJs) * 100) / 100,
      timeToInteractiveMs: Math.round(tti),
      editToPreviewAndProblems: stats(times.map((x) => x.both)),
      editToPreview: stats(times.map((x) => x.preview)),
      editToProblems: stats(times.map((x) => x.problems)),
      serverDryRun: stats(dryRun),
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync(join(HERE, '../.bench'), { recursive: true });
    writeFileSync(join(HERE, '../.bench/designer.json'), JSON.stringify(result, null, 2) + '\n');
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
