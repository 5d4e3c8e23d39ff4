// Where the milliseconds go: a Chromium CPU profile (CDP Profiler, 50 µs sampling) of N first
// renders, N re-renders after typing, or N renders of the plain Lit form (`plain`) of the bench's 100-field form, with self and total time
// per function mapped back to the source through dist/motcua.js.map.
// `node --conditions=motcua-source --import tsx bench/profile.ts [render|update] [rounds]` after `npm run build`.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@motcua/test/chromium';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { compileValidatorModule } from '@motcua/compile';
import { schema } from './form-100.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const what = (process.argv[2] ?? 'render') as 'render' | 'update' | 'plain';
const rounds = Number(process.argv[3] ?? 40);

const bundle = readFileSync(here('../dist/motcua.js'));
const map = new TraceMap(readFileSync(here('../dist/motcua.js.map'), 'utf8'));
const pageJs = (
  await build({
    entryPoints: [here('./page.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    conditions: ['motcua-source'],
    external: ['/dist/motcua.js', '/validators.js'],
    logLevel: 'silent',
  })
).outputFiles[0]!.text;
const files: Record<string, [string, string | Buffer]> = {
  '/': [
    'text/html',
    '<!doctype html><html lang="vi"><meta charset="utf-8"><body><div id="host"></div><script type="module" src="/page.js"></script></body></html>',
  ],
  '/page.js': ['text/javascript', pageJs],
  '/dist/motcua.js': ['text/javascript', bundle],
  '/validators.js': ['text/javascript', await compileValidatorModule([schema()])],
};
const server = createServer((req, res) => {
  const f = files[req.url ?? '/'];
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

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount: number;
  children?: number[];
}
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => 'benchRun' in window);
  await page.evaluate(() => (window as unknown as { benchRun(n: number): Promise<unknown> }).benchRun(3)); // warm-up
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.evaluate(
    ([n, w]) => (window as unknown as { benchProfile(n: number, w: string): Promise<void> }).benchProfile(n, w),
    [rounds, what] as const,
  );
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: Node): string => {
    const f = n.callFrame;
    if (!f.url.endsWith('/dist/motcua.js'))
      return `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber}` : ''}`.trim();
    const o = originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber });
    return `${o.name ?? f.functionName ?? '?'} ${o.source?.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}:${o.line}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    all += dt;
    const n = byId.get(id)!;
    self.set(name(n), (self.get(name(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur)!);
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + dt);
      seen.add(k);
    }
  });
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log(`${what}: ${rounds} rounds, ${(all / rounds).toFixed(2)} ms sampled per round\n\nself time per round:`);
  for (const [k, v] of top(self, 30)) console.log(`  ${(v / rounds).toFixed(2).padStart(6)} ms  ${k}`);
  console.log('\ntotal time per round:');
  for (const [k, v] of top(total, 40)) console.log(`  ${(v / rounds).toFixed(2).padStart(6)} ms  ${k}`);
} finally {
  await browser.close();
  server.close();
}
