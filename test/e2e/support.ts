import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createClient } from '@motcua/api/client';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { SOURCE_NODE_ARGS } from '../support/node-args.mjs';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The runtime bundle the server serves at /embed/motcua.js (built when missing). */
export function ensureRuntimeBuilt(): void {
  if (!existsSync(join(REPO, 'runtime/dist/motcua.js'))) {
    execFileSync('npm', ['run', 'build', '-w', '@motcua/runtime'], { cwd: REPO, stdio: 'inherit' });
  }
}

/** The staff workspace the server serves at /staff (built when missing). */
export function ensureStaffBuilt(): void {
  if (!existsSync(join(REPO, 'runtime/dist-staff/index.html'))) {
    execFileSync(join(REPO, 'node_modules/.bin/vite'), ['build', '--config', 'vite.staff.config.ts'], {
      cwd: join(REPO, 'runtime'),
      stdio: 'inherit',
    });
  }
}

export interface RunningServer {
  url: string;
  /** The server's data directory (demo-logins.txt is there). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Extra environment (e.g. MOTCUA_DEMO_PASSWORD to sign in as the demo staff). */
  env?: Record<string, string>;
  /** How long to wait for the first answer (a loaded machine starts slowly). */
  timeoutMs?: number;
}

/** A real motcua server (`motcua serve`) on a fresh data directory, with the demo province seeded. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const timeoutMs = options.timeoutMs ?? 300_000;
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...SOURCE_NODE_ARGS,
      join(REPO, 'packages/cli/bin/motcua.js'),
      'serve',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: REPO,
      // The demo's sample dossiers only where a test asks for them: the others count what they make.
      env: {
        ...process.env,
        MOTCUA_DEMO_SAMPLES: '0',
        ...options.env,
        MOTCUA_DATA_DIR: dataDir,
        PORT: String(port),
        MOTCUA_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      await createClient({ baseUrl: url }).get('/api/v1/public/procedures/{procedureCode}', {
        params: { procedureCode: '1.001193' },
      });
      break;
    } catch {
      /* not listening or not ready yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the server did not answer within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The policy of issue 5, `<server>` being the motcua server's origin. */
export function strictCsp(server: string): string {
  return `default-src 'none'; script-src ${server}; connect-src ${server}; style-src ${server}; img-src ${server} data:`;
}

/**
 * Serves the sample site's pages to `page` under the strict policy, as a province's site would.
 * route.fetch hands the body over decoded, so its encoding and length headers no longer apply.
 */
export async function siteUnderStrictCsp(page: Page, server: string): Promise<void> {
  await page.route(`${server}/site/**`, async (route) => {
    const response = await route.fetch();
    const { 'content-encoding': _encoding, 'content-length': _length, ...headers } = response.headers();
    await route.fulfill({ response, headers: { ...headers, 'content-security-policy': strictCsp(server) } });
  });
}

/**
 * A page in its own browser context (Vietnamese, Việt Nam's time zone, unless `options` say
 * otherwise) that records every CSP violation and page error into the lists given.
 */
export async function watchedContext(
  browser: Browser,
  violations: string[],
  errors: string[],
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
  // A machine shared with other work answers slowly at times; waits are for selectors, not sleeps.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.exposeFunction('__violation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __violation(v: string): void }).__violation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page };
}

const AXE = readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.x A/AA violations on the page (shadow roots included), as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(`${AXE}\n;0`);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    const r = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/**
 * A date of birth `days` before today as a Vietnamese form takes it (dd/mm/yyyy): a birth registered
 * within 60 days is free, past them it is charged — the end-to-end servers run on the real clock.
 */
export function bornDaysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** The people of a birth registration the mother files alone (no father known), as she would type them. */
export interface BirthPeople {
  address: string;
  phone: string;
  child: string;
  sex: 'Nam' | 'Nữ';
  /** How many days ago the child was born (past 60 the registration is charged). */
  bornDaysAgo: number;
  mother: string;
  motherBorn: string;
}

/** Fills the birth registration form from the requester's relationship to the birth certificate's box. */
export async function fillBirthPeople(form: Locator, p: BirthPeople): Promise<void> {
  const requester = form.getByRole('group', { name: /^Người yêu cầu/ });
  await requester.getByLabel(/^Quan hệ với người được khai sinh/).selectOption({ label: 'Mẹ' });
  await requester.getByLabel(/^Nơi cư trú/).fill(p.address);
  await requester.getByLabel(/^Số điện thoại/).fill(p.phone);
  const child = form.getByRole('group', { name: /^Người được khai sinh/ });
  await child.getByLabel(/^Họ, chữ đệm và tên/).fill(p.child);
  await child.getByLabel(/^Giới tính/).selectOption({ label: p.sex });
  await child.getByLabel(/^Ngày, tháng, năm sinh/).fill(bornDaysAgo(p.bornDaysAgo));
  await child.getByLabel(/^Nơi sinh/).fill('Bệnh viện đa khoa tỉnh');
  await child.getByLabel(/^Quê quán/).fill('Xã Đông Sơn');
  const mother = form.getByRole('group', { name: /^Người mẹ/ });
  await mother.getByLabel(/^Họ, chữ đệm và tên/).fill(p.mother);
  await mother.getByLabel(/^Ngày sinh/).fill(p.motherBorn);
  await mother.getByLabel(/^Nơi cư trú/).fill(p.address);
  await form.getByLabel(/^Có thông tin người cha/).uncheck();
  await form.getByLabel('Giấy chứng sinh do cơ sở y tế cấp').check();
}
