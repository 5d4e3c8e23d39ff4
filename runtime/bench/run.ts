// npm run bench -w @motcua/runtime (and the root `npm run bench`, when its dispatcher calls it):
// the bundle's size (minified, gzip) and the render time of a generated 100-field form in
// Chromium beside the same form hand-written in plain Lit, in the same run.
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@motcua/test/chromium';
import { compileValidatorModule } from '@motcua/compile';
import { bundleFiles, embedWeights, gzip, type EmbedWeight } from '../test-node/embed-weight.ts';
import { bundleShares } from './bundle-map.ts';
import { schema } from './form-100.ts';
import { pageLoadFiles, plainLitJs, visit } from './page-load.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

if (!existsSync(here('../dist/motcua.js')) || process.env.BENCH_BUILD !== '0') {
  execFileSync('npm', ['run', 'build'], { cwd: here('..'), stdio: 'ignore' });
}
const bundle = readFileSync(here('../dist/motcua.js'));
const pageJs = (
  await build({
    entryPoints: [here('./page.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    conditions: ['production', 'motcua-source'],
    external: ['/dist/motcua.js', '/validators.js'],
    logLevel: 'silent',
  })
).outputFiles[0]!.text;
const validators = await compileValidatorModule([schema()]);
const plainJs = await plainLitJs();

const files: Record<string, [string, string | Buffer]> = {
  '/': [
    'text/html',
    '<!doctype html><html lang="vi"><meta charset="utf-8"><body><div id="host"></div><script type="module" src="/page.js"></script></body></html>',
  ],
  '/page.js': ['text/javascript', pageJs],
  '/dist/motcua.js': ['text/javascript', bundle],
  '/validators.js': ['text/javascript', validators],
  ...(await pageLoadFiles(plainJs)),
};
const server = createServer((req, res) => {
  const url = req.url ?? '/';
  // The entry's lazy chunks, as built.
  const chunk =
    /^\/dist\/[\w.-]+\.js$/.test(url) && existsSync(here(`..${url}`)) ? readFileSync(here(`..${url}`)) : null;
  const f = files[url] ?? (chunk ? (['text/javascript', chunk] as [string, Buffer]) : undefined);
  if (!f) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': `${f[0]}; charset=utf-8` }).end(f[1]);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const { port } = server.address() as { port: number };

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
});
let timings: Record<string, { render: number[]; update: number[]; validate: number[] }>;
let weights: EmbedWeight[];
const formLoads: number[] = [];
const plainLoads: number[] = [];
const pageLoad: Record<string, number[]> = { 'motcua-form': formLoads, 'plain Lit': plainLoads };
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => 'benchRun' in window);
  timings = await page.evaluate(
    (n) => (window as unknown as { benchRun(n: number): Promise<typeof timings> }).benchRun(n),
    ROUNDS,
  );
  weights = await embedWeights(browser);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < ROUNDS + 2; i++) {
    const a = await visit(browser, base, '/motcua.html');
    const b = await visit(browser, base, '/plain.html');
    if (i < 2) continue; // warm-up
    formLoads.push(a);
    plainLoads.push(b);
  }
} finally {
  await browser.close();
  server.close();
}

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p90: q(0.9), min: s[0]! };
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const ms2 = (x: number) => `${x.toFixed(3)} ms`;
const built = bundleFiles().map((f) => ({ name: f.name, minifiedBytes: f.text.length, gzipBytes: gzip(f.text) }));
const result = {
  bundle: {
    file: 'runtime/dist/motcua.js',
    minifiedBytes: bundle.length,
    gzipBytes: gzipSync(bundle, { level: 9 }).length,
    files: built,
  },
  embed: weights!,
  shares: bundleShares().map((c) => ({ chunk: c.chunk, gzip: c.gzip, shares: c.shares.slice(0, 12) })),
  render100: Object.fromEntries(
    Object.entries(timings!).map(([k, v]) => [
      k,
      { render: stat(v.render), update: stat(v.update), validate: stat(v.validate) },
    ]),
  ),
  pageLoad100: Object.fromEntries(Object.entries(pageLoad).map(([k, v]) => [k, stat(v)])),
  rounds: ROUNDS,
};
const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
for (const f of built)
  console.log(`${f.name.padEnd(26)} ${kb(f.minifiedBytes).padStart(9)} minified, ${kb(f.gzipBytes).padStart(8)} gzip`);
console.log('\nwhat an embed page loads, measured in Chromium (gzip -9):');
for (const w of weights!) {
  console.log(
    `  ${w.page.padEnd(9)} first render ${kb(w.initial)} (${w.loaded.map((x) => `${x.name.replace(/-[\w-]{8}\.js$/, '')} ${kb(x.gzip)}`).join(' + ')})${w.later.length ? `, whole session ${kb(w.session)}` : ''}`,
  );
}
console.log('\nentry by source (gzip each group costs):');
for (const sh of result.shares.find((c) => c.chunk === 'motcua.js')!.shares)
  console.log(`  ${sh.group.padEnd(28)} ${kb(sh.gzip)}`);
console.log(
  `\n100-field form in Chromium, ${ROUNDS} rounds interleaved after 3 warm-up rounds (median / p90 / min; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores):`,
);
for (const [name, r] of Object.entries(result.render100)) {
  console.log(
    `  ${name.padEnd(18)} first render ${ms(r.render.median)} / ${ms(r.render.p90)} / ${ms(r.render.min)}   re-render after typing ${ms(r.update.median)} / ${ms(r.update.p90)} / ${ms(r.update.min)}   validate() ${ms2(r.validate.median)} / ${ms2(r.validate.p90)} / ${ms2(r.validate.min)}`,
  );
}
const m = result.render100['motcua-jsonforms']!.render;
const p = result.render100['plain Lit']!.render;
// The minimum is the least disturbed by other work on a shared machine; the median is the headline.
console.log(
  `  motcua-jsonforms / plain Lit (first render): ×${(m.median / p.median).toFixed(2)} median, ×${(m.min / p.min).toFixed(2)} min`,
);
console.log(
  `\n100-field form as a page loads it (first script to 100 fields, fetching entry, view and validators; fresh context each round; median / p90 / min):`,
);
for (const [name, r] of Object.entries(result.pageLoad100))
  console.log(`  ${name.padEnd(18)} ${ms(r.median)} / ${ms(r.p90)} / ${ms(r.min)}`);
const pm = result.pageLoad100['motcua-form']!;
const pp = result.pageLoad100['plain Lit']!;
console.log(
  `  motcua-form / plain Lit (page load): ×${(pm.median / pp.median).toFixed(2)} median, ×${(pm.min / pp.min).toFixed(2)} min (goal ≤ ×1.5)`,
);
mkdirSync(here('../.bench'), { recursive: true });
writeFileSync(here('../.bench/runtime.json'), JSON.stringify(result, null, 2));
