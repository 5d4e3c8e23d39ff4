// End to end: the administration screens (<mc-admin>) against a real motcua server with the demo
// province, in Chromium, signed in as the province's administrator with a browser session (CSRF
// token on every change). Each screen's change is checked through the API afterwards, and
// axe-core finds nothing on any screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.mjs';
import { REPO, startServer, strictCsp, type RunningServer } from './support.ts';

const PASSWORD = 'mat-khau-demo-admin';
const require = createRequire(import.meta.url);

let server: RunningServer;
let browser: Browser;
let page: Page;
let bundle: string;
const errors: string[] = [];

/** The screens and a sign-in hook, bundled from the runtime's sources as the staff app would. */
async function bundleAdmin(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import './runtime/src/staff/admin/index.ts';
        import { createClient } from '@motcua/api/client';
        const client = createClient({ baseUrl: '', session: true });
        window.signIn = async (username, password, lang) => {
          await client.login({ username, password });
          const el = document.createElement('mc-admin');
          el.client = client;
          el.lang = lang;
          document.querySelector('main').append(el);
        };`,
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false, experimentalDecorators: true } },
  });
  return out.outputFiles[0]!.text;
}

before(async () => {
  process.env.MOTCUA_DEMO_PASSWORD = PASSWORD;
  [server, bundle] = await Promise.all([startServer(), bundleAdmin()]);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
  // The page and its script come from the server's origin (same-origin session cookie), under the strict CSP.
  await page.route(`${server.url}/__admin/**`, (route) => {
    const url = route.request().url();
    const js = url.endsWith('.js');
    return route.fulfill({
      status: 200,
      headers: {
        'content-type': js ? 'text/javascript' : 'text/html; charset=utf-8',
        'content-security-policy': strictCsp(server.url),
      },
      body: url.endsWith('/axe.js')
        ? readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
        : js
          ? bundle
          : '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Quản trị</title>' +
            '<script type="module" src="/__admin/admin.js"></script></head><body><main></main></body></html>',
    });
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  await page.goto(`${server.url}/__admin/index.html`);
  await page.waitForFunction(() => 'signIn' in window);
  await page.evaluate(
    ([u, p]) => (window as unknown as { signIn(u: string, p: string, l: string): Promise<void> }).signIn(u!, p!, 'vi'),
    ['admin.province', PASSWORD],
  );
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** axe-core over the page (shadow roots included): no violation. */
async function accessible(what: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: '/__admin/axe.js' });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(c: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document);
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  assert.deepEqual(violations, [], `axe on ${what}`);
}

async function api<T = any>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${server.url}${path}`, init);
  assert.ok(res.ok, `${path}: ${res.status}`);
  return res.json() as Promise<T>;
}

async function openTab(name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.locator('[role="tabpanel"] .status').first().waitFor();
}

const status = () => page.locator('[role="tabpanel"] [role="status"]');
const confirmYes = () => page.locator('mc-admin-confirm dialog[open] [data-answer="yes"]').click();

test('agencies: add a commune, rename it, merge it into another (confirmed); the history tells', async () => {
  await openTab('Cơ quan');
  await page.locator('nav button.node', { hasText: 'Ủy ban nhân dân tỉnh' }).click();
  await accessible('the agency screen');
  await page.fill('#c-code', '000.20.09.H56');
  await page.fill('#c-vi', 'Xã Thử Nghiệm');
  await page.selectOption('#c-kind', 'commune');
  await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
  await assert.doesNotReject(status().filter({ hasText: 'Đã thêm Xã Thử Nghiệm.' }).waitFor());
  await page.locator('nav button.node', { hasText: 'Xã Thử Nghiệm' }).click();
  await page.fill('#r-vi', 'Xã Thử Nghiệm Mới');
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await status().filter({ hasText: 'Đã lưu Xã Thử Nghiệm Mới.' }).waitFor();
  await page.selectOption('#mg-into', '000.20.01.H56');
  await page.fill('#mg-reason', 'Sắp xếp đơn vị hành chính cấp xã');
  await page.getByRole('button', { name: 'Sáp nhập' }).click();
  await confirmYes();
  await status().filter({ hasText: 'Đã sáp nhập' }).waitFor();
  const merged = await api(`/api/v1/agencies/000.20.09.H56`);
  assert.equal(merged.active, false);
  assert.equal(merged.successor, '000.20.01.H56');
  assert.equal(merged.name.vi, 'Xã Thử Nghiệm Mới');
  const history = await api<{ items: unknown[] }>(`/api/v1/agencies/000.20.09.H56/history`);
  assert.ok(history.items.length >= 2);
  await accessible('a merged agency');
});

test('staff: the server’s field error shown, then an account created and disabled (confirmed)', async () => {
  await openTab('Tài khoản cán bộ');
  await page.selectOption('#s-agency', '000.20.02.H56');
  await page.locator('tbody tr').first().waitFor();
  await page.fill('#n-user', 'tiepnhan.moi');
  await page.fill('#n-name', 'Nguyễn Thị Mới');
  await page.fill('#n-phone', 'không có');
  await page.fill('#n-pass', 'mat-khau-rat-dai-2026');
  await page.selectOption('#n-role', 'reception');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const alert = page.locator('#mc-admin-errors');
  await alert.waitFor();
  assert.match((await alert.textContent())!, /Số điện thoại/);
  assert.equal(await page.locator('#n-phone').getAttribute('aria-invalid'), 'true');
  await accessible('the staff screen with an error');
  await page.fill('#n-phone', '0912345678');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await status().filter({ hasText: 'Đã tạo tài khoản tiepnhan.moi.' }).waitFor();
  await page.getByRole('button', { name: 'Khóa tiepnhan.moi' }).click();
  await confirmYes();
  await status().filter({ hasText: 'Đã khóa tiepnhan.moi.' }).waitFor();
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'tiepnhan.moi', password: 'mat-khau-rat-dai-2026' }),
  });
  assert.equal(login.status, 401, 'a disabled account cannot sign in');
});

test('grants: the administrator gives themself the designer role at the province', async () => {
  await openTab('Phân quyền');
  await page.selectOption('#g-agency', '000.00.00.H56');
  const box = page.getByRole('checkbox', { name: /^Thiết kế thủ tục của .*\(admin\.province\)$/ });
  await box.check();
  await page.getByRole('button', { name: /^Lưu vai trò của .*\(admin\.province\)$/ }).click();
  await status().filter({ hasText: 'Đã lưu vai trò của admin.province.' }).waitFor();
  await accessible('the grants screen');
});

test('tokens: the secret shown once works as a bearer token until revoked (confirmed)', async () => {
  await openTab('Mã truy cập API');
  await page.selectOption('#t-agency', '000.00.00.H56');
  const account = page.locator('#t-staff option', { hasText: '(admin.province)' });
  await account.waitFor({ state: 'attached' });
  await page.selectOption('#t-staff', (await account.getAttribute('value'))!);
  await page.fill('#t-name', 'Kết nối thử');
  await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
  const secret = (await page.locator('#t-secret code').textContent())!.trim();
  assert.match(secret, /^mct_/);
  await accessible('the tokens screen with a new secret');
  const asToken = () => fetch(`${server.url}/api/v1/auth/session`, { headers: { Authorization: `Bearer ${secret}` } });
  assert.equal((await asToken()).status, 200);
  await page.getByRole('button', { name: 'Thu hồi mã Kết nối thử' }).click();
  await confirmYes();
  await status().filter({ hasText: 'Đã thu hồi mã Kết nối thử.' }).waitFor();
  assert.equal((await asToken()).status, 401);
});

test('calendars: a holiday added to a year and saved', async () => {
  await openTab('Lịch làm việc');
  const first = page.locator('#k-list option').first();
  await first.waitFor({ state: 'attached' });
  const id = (await first.getAttribute('value'))!;
  await page.selectOption('#k-list', id);
  await page.fill('#k-date', '2026-12-24');
  await page.fill('#k-note', 'Ngày nghỉ thử nghiệm');
  await page.getByRole('button', { name: 'Thêm ngày' }).click();
  await page.getByRole('button', { name: 'Lưu lịch' }).click();
  await status().filter({ hasText: 'Đã lưu lịch' }).waitFor();
  const saved = await api(`/api/v1/calendars/${id}`);
  assert.ok(saved.calendar.holidays.includes('2026-12-24'));
  assert.equal(saved.calendar.notes['2026-12-24'], 'Ngày nghỉ thử nghiệm');
  await accessible('the calendar screen');
});

test('assignments: birth registration received at one fixed agency, published as a new version', async () => {
  await openTab('Giao thủ tục');
  await page.getByRole('button', { name: 'Đổi nơi tiếp nhận 1.001193' }).click();
  await page.selectOption('#a-mode', 'fixed');
  await page.selectOption('#a-agency', '000.00.01.H56');
  await page.getByRole('button', { name: 'Áp dụng' }).click();
  await confirmYes();
  await status()
    .filter({ hasText: /Đã công bố 1\.001193 phiên bản \d+\./ })
    .waitFor();
  const list = await api<{ items: { code: string; receiving: unknown }[] }>('/api/v1/public/procedures');
  assert.deepEqual(list.items.find((p) => p.code === '1.001193')!.receiving, {
    mode: 'fixed',
    agency: '000.00.01.H56',
  });
  await accessible('the assignment screen');
  assert.deepEqual(errors, []);
});
