// npm run bench -w @motcua/test (and the root `npm run bench`): what each page of the sample
// provincial site transfers over the network on a first visit, measured in Chromium against a real
// server (compression as negotiated), split into the province's own files and what the motcua
// embed costs. Goal for a form page: everything ≤ 60 KB.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.mjs';
import { REPO, ensureRuntimeBuilt, startServer } from '../e2e/support.ts';

const GOAL_BYTES = 60_000;
const PAGES = [
  { path: '/site/khai-sinh.html', what: 'birth registration (form)', form: true },
  { path: '/site/ho-kinh-doanh.html', what: 'household business (form, arrays)', form: true },
  { path: '/site/giay-phep-xay-dung.html', what: 'construction permit (form, wizard)', form: true },
  { path: '/site/tra-cuu.html', what: 'tracking', form: false },
];

interface Transfer {
  url: string;
  kind: 'site' | 'motcua';
  encoding: string;
  /** Bytes on the wire: headers and the (compressed) body. */
  bytes: number;
}

async function measure(browser: Browser, base: string, path: string, form: boolean): Promise<Transfer[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map<string, string>();
  const encodings = new Map<string, string>();
  const out: Transfer[] = [];
  cdp.on('Network.requestWillBeSent', (e) => void urls.set(e.requestId, e.request.url));
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    encodings.set(e.requestId, h['content-encoding'] ?? 'identity');
  });
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId) ?? '?';
    const p = new URL(url).pathname;
    out.push({
      url: p,
      kind: p.startsWith('/site/') ? 'site' : 'motcua',
      encoding: encodings.get(e.requestId) ?? '?',
      bytes: e.encodedDataLength,
    });
  });
  // The form says when it has rendered its procedure (a composed event that reaches the document).
  await page.addInitScript(() =>
    document.addEventListener('motcua-loaded', () => ((window as { motcuaLoaded?: boolean }).motcuaLoaded = true)),
  );
  await page.goto(`${base}${path}`);
  if (form)
    await page.waitForFunction(() => (window as { motcuaLoaded?: boolean }).motcuaLoaded, undefined, {
      timeout: 60_000,
    });
  else
    await page.waitForFunction(
      () => document.querySelector('motcua-track')?.shadowRoot?.querySelector('#mc-track-code') != null,
      undefined,
      { timeout: 60_000 },
    );
  await page.waitForLoadState('networkidle');
  await context.close();
  return out;
}

ensureRuntimeBuilt();
const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
const rows: Array<{
  page: string;
  what: string;
  siteBytes: number;
  motcuaBytes: number;
  totalBytes: number;
  files: Transfer[];
}> = [];
try {
  for (const p of PAGES) {
    const files = await measure(browser, server.url, p.path, p.form);
    const sum = (k?: Transfer['kind']) => files.filter((f) => !k || f.kind === k).reduce((n, f) => n + f.bytes, 0);
    rows.push({
      page: p.path,
      what: p.what,
      siteBytes: sum('site'),
      motcuaBytes: sum('motcua'),
      totalBytes: sum(),
      files,
    });
  }
} finally {
  await browser.close();
  await server.stop();
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
console.log(
  `First visit of each sample-site page in Chromium, cache off (bytes on the wire; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores):`,
);
for (const r of rows) {
  console.log(
    `  ${r.what.padEnd(38)} total ${kb(r.totalBytes).padStart(8)} = site ${kb(r.siteBytes)} + motcua ${kb(r.motcuaBytes)}${r.page.includes('tra-cuu') ? '' : `   (goal ≤ ${kb(GOAL_BYTES)}: ${r.totalBytes <= GOAL_BYTES ? 'met' : 'not met'})`}`,
  );
  for (const f of r.files.filter((f) => f.kind === 'motcua'))
    console.log(`      ${f.url.padEnd(60)} ${kb(f.bytes).padStart(8)} ${f.encoding}`);
}
mkdirSync(join(REPO, '.bench'), { recursive: true });
writeFileSync(
  join(REPO, '.bench/transfer.json'),
  JSON.stringify(
    {
      goalBytes: GOAL_BYTES,
      pages: Object.fromEntries(
        rows.map((r) => [r.page, { totalBytes: r.totalBytes, siteBytes: r.siteBytes, motcuaBytes: r.motcuaBytes }]),
      ),
    },
    null,
    2,
  ),
);
