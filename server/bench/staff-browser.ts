/**
 * The staff workspace in Chromium against the benchmark's database: from the sign-in button to the
 * first rows of the inbox drawn (the queue counts asked once the list has come), each sample
 * in a fresh browser context (nothing cached: the worst case, a clerk's first visit of the day).
 * Measured twice: from Playwright's click call to Playwright seeing the first row (what a script
 * sees, with the tool's own work on both ends), and in the page, from the click event to the
 * inbox's `motcua-inbox-drawn` mark (the rows in the DOM; what the person waits for).
 * The list is the unit's work in progress (queue "unit"), where a big agency has thousands.
 * Also the weight of the staff app's JavaScript, gzip -9: what the first screen loads, and all of it
 * (the administration screens are loaded on demand).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@motcua/test/chromium';
import { REPOSITORY_ROOT } from '../src/config/config.ts';
import type { AppEnv } from '../src/http/env.ts';
import { percentile } from './stats.ts';

/** Builds the staff app as served (runtime/dist-staff), so that the figures are of this source. */
export function buildStaffApp(): void {
  execFileSync(join(REPOSITORY_ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'vite.staff.config.ts'], {
    cwd: join(REPOSITORY_ROOT, 'runtime'),
    stdio: 'ignore',
  });
}

export interface StaffWeight {
  /** gzip -9 bytes of the JavaScript the first screen loads (the entry and its static imports). */
  initialGzip: number;
  /** gzip -9 bytes of every JavaScript file of the app. */
  totalGzip: number;
  files: number;
}

export function staffWeight(dist: string): StaffWeight {
  const assets = join(dist, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const gz = (f: string) => gzipSync(readFileSync(join(assets, f)), { level: 9 }).byteLength;
  // The entry and what it preloads are named in index.html; the rest is imported on demand.
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = js.filter((f) => html.includes(`assets/${f}`));
  return {
    initialGzip: initial.reduce((n, f) => n + gz(f), 0),
    totalGzip: js.reduce((n, f) => n + gz(f), 0),
    files: js.length,
  };
}

export interface FirstPage {
  samples: number;
  /** Sign-in button pressed → the first inbox row drawn (ms). */
  p50: number;
  p95: number;
  /** The same in the page's clock: the click event → the inbox's first page drawn (ms). */
  pageP50: number;
  pageP95: number;
  /** The sign-in page opened → the first inbox row drawn, with the sign-in typed at once (ms). */
  fullP50: number;
  rows: number;
}

export async function staffFirstPage(
  app: Hono<AppEnv>,
  login: { username: string; password: string },
  samples: number,
): Promise<FirstPage> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const times: number[] = [];
  const full: number[] = [];
  const pageTimes: number[] = [];
  let rows = 0;
  try {
    for (let i = 0; i < samples + 1; i++) {
      const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      // A string, not a function: the page runs it as written (no transpiler helpers).
      await context.addInitScript(
        "addEventListener('click', (e) => { globalThis.__signInClick = e.timeStamp; }, true);",
      );
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${url}/staff/inbox/unit`);
      await page.getByLabel('Tên đăng nhập').fill(login.username);
      await page.getByLabel('Mật khẩu', { exact: true }).fill(login.password);
      const t1 = performance.now();
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page
        .locator('motcua-staff-inbox tbody tr[data-code]')
        .first()
        .waitFor({ timeout: 60_000 })
        .catch(async (e: unknown) => {
          throw new Error(
            `no inbox row: ${(await page.locator('h1, [role=alert], p').allInnerTexts()).join(' | ').slice(0, 1500)}`,
            { cause: e },
          );
        });
      const t2 = performance.now();
      const inPage = await page.evaluate(() => {
        const drawn = performance.getEntriesByName('motcua-inbox-drawn')[0]?.startTime;
        const click = (globalThis as { __signInClick?: number }).__signInClick;
        return drawn !== undefined && click !== undefined ? drawn - click : NaN;
      });
      rows = await page.locator('motcua-staff-inbox tbody tr[data-code]').count();
      // The first sample warms the server's caches and the database's buffers; it is not counted.
      if (i > 0) {
        times.push(t2 - t1);
        full.push(t2 - t0);
        pageTimes.push(inPage);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  const sorted = times.sort((a, b) => a - b);
  const inPage = pageTimes.filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
  return {
    samples,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    pageP50: percentile(inPage, 50),
    pageP95: percentile(inPage, 95),
    fullP50: percentile(
      full.sort((a, b) => a - b),
      50,
    ),
    rows,
  };
}
