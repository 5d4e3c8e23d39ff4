// Where a cold page load of the 100-field form goes (bench/page-load.ts's pages, a fresh context
// each visit), and old against new builds side by side:
//   `... bench/page-profile.ts trace [motcua|plain] [visits] [--no-js]`: visits traced (Chromium trace events): the
//     request waterfall, the main thread's time by kind (compile, module evaluation, style, layout…)
//     and the JavaScript's self time by source file, through dist/motcua.js.map.
//   `... bench/page-profile.ts compare [rounds] [OLD_DIST] [--old-forward]`: visits alternating the
//     build in dist/, the build in OLD_DIST (a copy of an earlier dist/) and plain Lit; median and
//     min of each.
// Run with --conditions=motcua-source --import tsx after `npm run build`.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@motcua/test/chromium';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { benchDone, pageLoadFiles, plainLitJs, visit } from './page-load.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const mode = (process.argv[2] ?? 'trace') as 'trace' | 'compare';

const plainJs = await plainLitJs();
const files: Record<string, [string, string | Buffer]> = await pageLoadFiles(plainJs);
// The same page with the entry from another build directory, served under /old/dist/. With
// --old-forward its API is /old/api/…, answering the in-force validator address as the server did
// before it served the module whole: a module that forwards to the versioned one.
const oldDist = mode === 'compare' ? process.argv[4] : undefined;
const oldForward = process.argv.includes('--old-forward');
files['/old.html'] = [
  'text/html',
  files['/motcua.html']![1].toString()
    .replace('/dist/motcua.js', '/old/dist/motcua.js')
    .replace('server="/"', oldForward ? 'server="/old/"' : 'server="/"'),
];
if (oldForward)
  for (const [path, [type, body]] of Object.entries(files).filter(([p]) => p.startsWith('/api/'))) {
    files[`/old${path}`] = path.endsWith('/versions/1/validators.js')
      ? [type, body]
      : path.endsWith('/validators.js')
        ? [type, 'export * from "./versions/1/validators.js";\nexport const version = 1;\n']
        : [type, body.toString().replace(/"(\/api\/[^"]*validators\.js)"/, '"/old$1"')];
  }
const dirs: Record<string, string> = {
  '/dist/': here('../dist/'),
  ...(oldDist ? { '/old/dist/': resolve(oldDist) + '/' } : {}),
};

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  let f = files[url];
  for (const [prefix, dir] of Object.entries(dirs)) {
    const name = url.slice(prefix.length);
    if (!f && url.startsWith(prefix) && /^[\w.-]+\.js$/.test(name) && existsSync(dir + name))
      f = ['text/javascript', readFileSync(dir + name)];
  }
  if (!f) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': `${f[0]}; charset=utf-8` }).end(f[1]);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]! };
};

async function compare(rounds: number): Promise<void> {
  const pages = { new: '/motcua.html', ...(oldDist ? { old: '/old.html' } : {}), plain: '/plain.html' };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
  for (let i = 0; i < rounds + 2; i++)
    for (const [k, path] of Object.entries(pages)) {
      const t = await visit(browser, base, path);
      if (i >= 2) times[k]!.push(t);
    }
  const p = stat(times.plain!);
  console.log(
    `${rounds} rounds, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  for (const [k, xs] of Object.entries(times)) {
    const s = stat(xs);
    console.log(
      `  ${k.padEnd(6)} median ${s.median.toFixed(1).padStart(6)} ms  min ${s.min.toFixed(1).padStart(6)} ms   ×${(s.median / p.median).toFixed(2)} median ×${(s.min / p.min).toFixed(2)} min`,
    );
  }
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}

/** Sums over the traced visits, printed as means per visit. */
const acc = {
  events: new Map<string, number>(),
  files: new Map<string, number>(),
  fns: new Map<string, number>(),
  done: [] as number[],
  n: 0,
};
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const top = (m: Map<string, number>, k: number, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([key, v]) => `  ${(v / 1000 / n).toFixed(1).padStart(6)} ms  ${key}`)
    .join('\n');

async function trace(browser: Browser, which: 'motcua' | 'plain', verbose: boolean): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8',
      'v8.execute',
      'blink',
      'loading',
      'blink.user_timing',
      ...(process.argv.includes('--no-js') ? [] : ['disabled-by-default-v8.cpu_profiler']),
    ],
  });
  const finished = benchDone(page);
  await page.goto(`${base}/${which}.html`);
  const done = await finished;
  const t0 = await page.evaluate(() => (window as unknown as { benchT0: number }).benchT0);
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  if (process.env.TRACE_OUT) (await import('node:fs')).writeFileSync(process.env.TRACE_OUT, JSON.stringify(events));
  await context.close();

  // The page's renderer main thread: the one that ran the document's first script.
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((x) => x.pid === e.pid && x.name === 'ParseHTML'),
  )!;
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  // performance.now() counts from navigationStart: the window is the page's first script to 100 fields.
  const navStart = events.find(
    (e) =>
      e.name === 'navigationStart' &&
      e.pid === main.pid &&
      (e.args?.data as { isLoadingMainFrame?: boolean } | undefined)?.isLoadingMainFrame,
  )!.ts;
  const nav = navStart + t0 * 1000;
  const end = nav + done * 1000;
  const rel = (ts: number) => ((ts - nav) / 1000).toFixed(1).padStart(6);
  acc.done.push(done);
  acc.n++;
  const log = verbose ? console.log : () => {};
  log(`${which}: 100 fields ${done.toFixed(1)} ms after the first script\n\nrequests (ms after the first script):`);
  const sends = events.filter((e) => e.name === 'ResourceSendRequest');
  for (const s of sends) {
    const d = s.args!.data!;
    if (!String(d.url).startsWith(base)) continue;
    const id = d.requestId;
    const fin = events.find((e) => e.name === 'ResourceFinish' && e.args?.data?.requestId === id);
    const resp = events.find((e) => e.name === 'ResourceReceiveResponse' && e.args?.data?.requestId === id);
    log(
      `  ${rel(s.ts)} → ${resp ? rel(resp.ts) : '     ?'} → ${fin ? rel(fin.ts) : '     ?'}  ${String(d.url).replace(base, '')}`,
    );
  }
  // Self time by event name on the main thread (complete events nest by time).
  const complete = on
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts >= nav - 5000 && e.ts <= end)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  const childTime = new Map<TraceEvent, number>();
  for (const e of complete) {
    while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) childTime.set(parent, (childTime.get(parent) ?? 0) + e.dur!);
    stack.push(e);
  }
  for (const e of complete) {
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur! - (childTime.get(e) ?? 0));
    add(acc.events, e.name, e.dur! - (childTime.get(e) ?? 0));
  }
  const busy = complete.filter((e) => e.name === 'RunTask').reduce((a, e) => a + e.dur!, 0);
  add(acc.events, '= in tasks', busy);
  log(`\nmain thread: ${(busy / 1000).toFixed(1)} ms in tasks; self time by event:`);
  log(top(self, 28, 1));
  // The tasks in order, to see the gaps (waiting on the network) between them.
  log('\nmain-thread tasks over 2 ms (start, duration, what is inside):');
  for (const t of complete.filter((e) => e.name === 'RunTask' && e.dur! > 2000)) {
    const inside = complete.filter(
      (e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && e.dur! > 1000 && e.name !== 'RunTask',
    );
    const top = new Map<string, number>();
    for (const e of inside) {
      const label =
        e.name === 'EvaluateScript' ||
        e.name === 'v8.evaluateModule' ||
        e.name === 'v8.compileModule' ||
        e.name === 'v8.compile'
          ? `${e.name}(${String(e.args?.data?.url ?? e.args?.fileName ?? '').replace(/^.*\//, '')})`
          : e.name;
      top.set(label, Math.max(top.get(label) ?? 0, e.dur!));
    }
    log(
      `  ${rel(t.ts)} ${(t.dur! / 1000).toFixed(1).padStart(6)} ms  ${[...top]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
        .join(', ')}`,
    );
  }
  // Phases: up to the first API request (script and module evaluation), the API's answers, the render.
  const api = sends.filter((e) => String(e.args!.data!.url).startsWith(`${base}/api/`));
  const finish = (s: TraceEvent) =>
    events.find((e) => e.name === 'ResourceFinish' && e.args?.data?.requestId === s.args!.data!.requestId)?.ts ?? 0;
  const apiStart = Math.min(...api.map((e) => e.ts));
  const apiEnd = Math.max(...api.map(finish));
  const phases = api.length
    ? [
        { name: 'A first script → first API request', to: apiStart },
        { name: 'B API requests → last answer', to: apiEnd },
        { name: 'C last answer → 100 fields', to: end },
      ]
    : [{ name: 'first script → 100 fields', to: end }];
  let from = nav;
  for (const p of phases) {
    add(acc.events, `# phase ${p.name}`, p.to - from);
    from = p.to;
  }
  cpuProfile(
    events.filter((e) => e.pid === main.pid),
    which,
    nav,
    phases,
  );
}

/** The sampled JavaScript of the visit, self time by source file (and top functions). */
function cpuProfile(events: TraceEvent[], which: string, from: number, phases: { name: string; to: number }[]): void {
  type Node = {
    id: number;
    parent?: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  };
  const nodes = new Map<number, Node>();
  const samples: { id: number; dt: number; phase: string }[] = [];
  const to = phases.at(-1)!.to;
  const start = events.find((x) => x.name === 'Profile');
  let ts = (start?.args?.data as { startTime?: number } | undefined)?.startTime ?? 0;
  for (const e of events.filter((x) => x.name === 'ProfileChunk' && x.id === start?.id)) {
    const p = e.args!.data!.cpuProfile as { nodes?: Node[]; samples?: number[] } | undefined;
    const deltas = (e.args!.data!.timeDeltas ?? []) as number[];
    for (const n of p?.nodes ?? []) nodes.set(n.id, n);
    (p?.samples ?? []).forEach((id, i) => {
      const dt = deltas[i] ?? 0;
      ts += dt;
      if (ts >= from && ts <= to) samples.push({ id, dt, phase: phases.find((p) => ts <= p.to)!.name });
    });
  }
  if (!samples.length) return;
  const map = which === 'motcua' ? new TraceMap(readFileSync(here('../dist/motcua.js.map'), 'utf8')) : undefined;
  const fileOf = (n: Node): { file: string; fn: string } => {
    const f = n.callFrame;
    if (map && f.url?.endsWith('/dist/motcua.js')) {
      const o = originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber });
      const file = (o.source ?? '?').replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
      return { file, fn: `${o.name ?? f.functionName} ${file}:${o.line}` };
    }
    const file = f.url ? f.url.replace(/^.*\//, '') : f.functionName;
    return { file, fn: `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}` };
  };
  const byFile = acc.files;
  const byFn = acc.fns;
  let all = 0;
  for (const s of samples) {
    const n = nodes.get(s.id);
    if (!n) continue;
    const { file, fn } = fileOf(n);
    if (file === '(idle)') continue;
    all += s.dt;
    add(byFile, file, s.dt);
    add(byFn, fn, s.dt);
    add(byFile, `${s.phase} :: ${file}`, s.dt);
    add(byFn, `${s.phase} :: ${fn}`, s.dt);
  }
  add(byFile, '= sampled, not idle', all);
}

function summary(which: string): void {
  const d = stat(acc.done);
  console.log(
    `\n${which}, ${acc.n} traced visits: 100 fields median ${d.median.toFixed(1)} ms, min ${d.min.toFixed(1)} ms; means per visit below`,
  );
  console.log(`\nmain thread, self time by trace event:\n${top(acc.events, 30, acc.n)}`);
  if (acc.files.size) {
    console.log(`\nJavaScript self time by source file:\n${top(acc.files, 60, acc.n)}`);
    console.log(`\nJavaScript self time by function:\n${top(acc.fns, 70, acc.n)}`);
  }
}

try {
  if (mode === 'compare') await compare(Number(process.argv[3] ?? 20));
  else {
    const which = (process.argv[3] ?? 'motcua') as 'motcua' | 'plain';
    const n = Number(process.argv[4] ?? 1);
    for (let i = 0; i < 2; i++) await visit(browser, base, `/${which}.html`); // warm the browser process
    for (let i = 0; i < n; i++) await trace(browser, which, i === n - 1);
    summary(which);
  }
} finally {
  await browser.close();
  server.close();
}
