// End to end: the staff inbox is live. Clerk A keeps a queue open; clerk B claims a dossier
// elsewhere and A's row names B as the handler without a reload, told by the server-sent event
// stream (the notice names who acted, which only the stream knows). The queue counts are the
// server's, per scope; a saved filter outlives a reload; the export of the view is a CSV with a
// byte order mark holding the dossiers shown.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.mjs';
import { ensureStaffBuilt, startServer, type RunningServer } from './support.ts';
import { apiSession, demoLogin, submitBirthRegistration } from './staff-support.ts';

const AGENCY = '000.20.01.H56';
let server: RunningServer;
let browser: Browser;
let first = '';
let second = '';
const errors: string[] = [];
const B = { username: 'chuyenvien.live', fullName: 'Hoàng Văn Bách', password: 'mat-khau-live-2026' };

before(async () => {
  ensureStaffBuilt();
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  first = await submitBirthRegistration(server.url, 'Vũ Hải Đăng');
  second = await submitBirthRegistration(server.url, 'Ngô Bảo Châu');
  const reception = demoLogin(server.dataDir, 'reception', AGENCY);
  const desk = await apiSession(server.url, reception.username, reception.password);
  for (const code of [first, second]) await desk('POST', `/api/v1/dossiers/${code}/actions`, { kind: 'accept' });
  const admin = demoLogin(server.dataDir, 'admin', AGENCY);
  const api = await apiSession(server.url, admin.username, admin.password);
  await api('POST', `/api/v1/agencies/${AGENCY}/staff`, { ...B, roles: [{ agency: AGENCY, role: 'specialist' }] });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(username: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/staff/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor({ timeout: 15_000 });
  return { context, page };
}

const countOf = (page: Page, queue: RegExp) =>
  page.getByRole('navigation', { name: 'Hàng đợi' }).getByRole('link', { name: queue }).locator('.count');

test('a claim by clerk B shows in clerk A\u2019s open inbox without a reload, named, through the event stream', async () => {
  const specialist = demoLogin(server.dataDir, 'specialist', AGENCY);
  const a = await signedIn(specialist.username, specialist.password);
  const streams: string[] = [];
  a.page.on('request', (r) => r.url().includes('/inbox/events') && streams.push(r.url()));
  let navigations = 0;
  await a.page.goto(`${server.url}/staff/inbox/unit`);
  a.page.on('framenavigated', (f) => f === a.page.mainFrame() && navigations++);
  const row = a.page.locator(`tr[data-code="${first}"]`);
  await row.getByText('Chưa phân công').waitFor({ timeout: 15_000 });
  // The count is the server's, not a page of rows: both accepted dossiers are in progress.
  await countOf(a.page, /Của đơn vị/)
    .getByText('2', { exact: true })
    .waitFor({ timeout: 15_000 });
  assert.ok(streams.length > 0, 'the inbox listens to the agency\u2019s event stream');

  const clerkB = await apiSession(server.url, B.username, B.password);
  await clerkB('POST', `/api/v1/dossiers/${first}/actions`, { kind: 'claim' });

  await row.getByText(B.fullName).waitFor({ timeout: 15_000 });
  await a.page.getByText(`Hồ sơ ${first} vừa được ${B.fullName} cập nhật`).waitFor();
  assert.equal(navigations, 0, 'no reload');
  assert.equal(await row.getByText('Chưa phân công').count(), 0);

  // Personal scope: A's own work (assigned to A, or unassigned for A's role) leaves out B's claim.
  await a.page.getByRole('radio', { name: 'Của tôi' }).check();
  await countOf(a.page, /Của đơn vị/)
    .getByText('1', { exact: true })
    .waitFor({ timeout: 15_000 });
  await a.page.locator(`tr[data-code="${first}"]`).waitFor({ state: 'detached', timeout: 15_000 });
  await a.page.locator(`tr[data-code="${second}"]`).waitFor();
  await a.context.close();
  assert.deepEqual(errors, []);
});

test('a saved filter outlives a reload; the export is the view as CSV with a byte order mark', async () => {
  const specialist = demoLogin(server.dataDir, 'specialist', AGENCY);
  const { context, page } = await signedIn(specialist.username, specialist.password);
  await page.goto(`${server.url}/staff/inbox/unit`);
  await page.getByRole('radio', { name: 'Cả đơn vị' }).check();
  await page.locator(`tr[data-code="${second}"]`).waitFor({ timeout: 15_000 });
  await page.getByText(/^Bộ lọc đã lưu/).click();
  await page.getByLabel('Tên bộ lọc').fill('Đơn vị — trực tuyến');
  await page.getByRole('combobox', { name: 'Kênh' }).selectOption('online');
  await page.getByRole('button', { name: 'Áp dụng' }).click();
  await page.getByRole('button', { name: 'Lưu bộ lọc hiện tại' }).click();
  await page.getByText('Đã lưu bộ lọc "Đơn vị — trực tuyến".').waitFor();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Xuất danh sách (CSV)' }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of file) chunks.push(c as Buffer);
  const csv = Buffer.concat(chunks);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  const text = csv.subarray(3).toString('utf8');
  assert.ok(text.includes(first) && text.includes(second), 'both dossiers of the view');

  await page.goto(`${server.url}/staff/inbox/overdue`);
  await page.getByText(/^Bộ lọc đã lưu \(1\)/).click();
  await page.getByRole('button', { name: 'Đơn vị — trực tuyến', exact: true }).click();
  await page.getByRole('heading', { name: 'Của đơn vị', level: 1 }).waitFor({ timeout: 15_000 });
  await page.locator(`tr[data-code="${first}"]`).waitFor({ timeout: 15_000 });
  assert.equal(await page.getByRole('combobox', { name: 'Kênh' }).inputValue(), 'online');
  await context.close();
});

test('the province administrator, without a processing role, lands on what they may do, not a refused inbox', async () => {
  const { password } = demoLogin(server.dataDir, 'reception', AGENCY);
  const { context, page } = await signedIn('admin.province', password);
  await page.getByRole('heading', { name: /^Xin chào, / }).waitFor({ timeout: 15_000 });
  await page.getByText('không có vai trò xử lý hồ sơ').waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'no refusal shown');
  assert.equal(await page.getByRole('link', { name: 'Tiếp nhận tại quầy' }).count(), 0);
  await page.getByRole('main').getByRole('link', { name: 'Quản trị' }).click();
  await page.waitForURL(/\/staff\/admin$/);
  await context.close();
  assert.deepEqual(errors, []);
});
