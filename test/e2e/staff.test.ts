// End to end: the staff workspace at /staff in Chromium against a real server, under its strict
// CSP. Reception signs in, processes a dossier with the keyboard only (inbox → dossier → accept →
// receipt slip → next dossier), requests a supplement through a generated parameter form; two
// specialists claim the same dossier and the one who loses is told who has it; the winner acts
// with parameters, and a third screen sees the claim without a reload. axe-core finds no WCAG A/AA violation on any screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.mjs';
import { ensureStaffBuilt, startServer, watchedContext, type RunningServer } from './support.ts';
import { apiSession, axeViolations, demoLogin, focused, submitBirthRegistration, tabTo } from './staff-support.ts';

const AGENCY = '000.20.01.H56';
let server: RunningServer;
let browser: Browser;
let first = '';
let second = '';
let third = '';
const violations: string[] = [];
const errors: string[] = [];

before(async () => {
  ensureStaffBuilt();
  // A public address this browser cannot reach: the workspace must load everything from the
  // server it is served by (a counter's tablet reaches it by its LAN address, not the public one).
  server = await startServer({ env: { MOTCUA_PUBLIC_URL: 'http://public.motcua.invalid' } });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  first = await submitBirthRegistration(server.url, 'Trần Minh Khang');
  second = await submitBirthRegistration(server.url, 'Lê Thu Hà');
  third = await submitBirthRegistration(server.url, 'Đỗ Gia Bảo');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const staffPage = () => watchedContext(browser, violations, errors);

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${server.url}/staff/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor({ timeout: 15_000 });
}

test('sign-in: a wrong password is told, then reception signs in and sees the queues with counts', async () => {
  const { context, page } = await staffPage();
  const reception = demoLogin(server.dataDir, 'reception', AGENCY);
  const res = await page.goto(`${server.url}/staff/`);
  assert.match(res!.headers()['content-security-policy']!, /script-src 'self'/);
  await page.getByLabel('Tên đăng nhập').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'sign-in page');
  await page.getByLabel('Tên đăng nhập').fill(reception.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Sai tên đăng nhập hoặc mật khẩu.').waitFor();
  await page.getByLabel('Mật khẩu', { exact: true }).fill(reception.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator(`tr[data-code="${first}"]`).waitFor({ timeout: 15_000 });
  await page.locator(`tr[data-code="${second}"]`).waitFor();
  const nav = page.getByRole('navigation', { name: 'Hàng đợi' });
  await nav
    .getByRole('link', { name: /Mới nộp trực tuyến/ })
    .getByText('3', { exact: true })
    .waitFor();
  assert.deepEqual(await axeViolations(page), [], 'inbox');
  // English at the press of a button, remembered.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('heading', { name: 'Hồ sơ cần xử lý', level: 1 }).waitFor();
  await context.close();
});

test('keyboard only: open a dossier from the inbox, accept it, print the receipt, go on to the next', async () => {
  const { context, page } = await staffPage();
  const reception = demoLogin(server.dataDir, 'reception', AGENCY);
  await signIn(page, reception.username, reception.password);
  await page.locator(`tr[data-code="${first}"]`).waitFor({ timeout: 15_000 });
  // The inbox is sorted by due time (not yet accepted: by submission), so the first dossier leads.
  await tabTo(page, /^tr#\[/);
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  assert.match(await focused(page), new RegExp(`^tr#\\[${first.replace(/\./g, '\\.')}\\]`));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: `Hồ sơ ${first}` }).waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).waitFor();
  await tabTo(page, /\[accept\]/);
  await page.keyboard.press('Enter');
  await page.getByText('Ảnh hưởng đến thời hạn:').waitFor();
  await page.getByText('Bắt đầu tính thời hạn giải quyết.').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'dossier page with an action form');
  await tabTo(page, /^button#confirm/);
  await page.keyboard.press('Enter');
  await page.getByText('Đã thực hiện: Tiếp nhận hồ sơ.').waitFor({ timeout: 15_000 });
  const print = page.getByRole('link', { name: /In Giấy tiếp nhận và hẹn trả kết quả/ });
  const href = await print.getAttribute('href');
  const pdf = await page.request.get(`${server.url}${href}`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.match((await pdf.body()).subarray(0, 5).toString(), /%PDF-/);
  // The next dossier of the list, one key away.
  await page.getByRole('link', { name: /Hồ sơ tiếp theo/ }).waitFor();
  await page.keyboard.press('n');
  await page.getByRole('heading', { name: `Hồ sơ ${second}` }).waitFor({ timeout: 15_000 });
  await context.close();
});

test('an action with parameters: a supplement request from the generated form, with its slip', async () => {
  const { context, page } = await staffPage();
  const reception = demoLogin(server.dataDir, 'reception', AGENCY);
  await signIn(page, reception.username, reception.password);
  await page.goto(`${server.url}/staff/dossiers/${second}`);
  // The form data, drawn read-only by the citizen form's renderers.
  // A string evaluated through the DevTools protocol (waitForFunction would need eval in the page,
  // and a function would carry the test runner's helpers, which the page lacks).
  const readOnlyName = `(function find(root) {
    return [...root.querySelectorAll('*')].some((el) =>
      (el instanceof HTMLInputElement && el.value === 'Lê Thu Hà' && (el.readOnly || el.disabled)) ||
      (el.shadowRoot !== null && find(el.shadowRoot)));
  })(document)`;
  for (let i = 0; !(await page.evaluate(readOnlyName)); i++) {
    assert.ok(i < 60, 'the form data is shown read-only');
    await page.waitForTimeout(250);
  }
  // A document opens in a sandboxed frame.
  await page.getByRole('button', { name: 'Xem: giay-chung-sinh.pdf' }).click();
  const frame = page.locator('iframe[title="Xem tệp giay-chung-sinh.pdf"]');
  await frame.waitFor();
  assert.equal(await frame.getAttribute('sandbox'), '');
  await page.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }).click();
  // A required parameter left empty is told by name, nothing is sent.
  await page.getByRole('button', { name: /Xác nhận/ }).click();
  await page
    .getByRole('alert')
    .getByText(/Nội dung: bắt buộc nhập/)
    .waitFor();
  await page
    .getByLabel(/^Nội dung/)
    .last()
    .fill('Bản sao giấy chứng sinh không rõ');
  const due = new Date(Date.now() + 5 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
  await page.getByLabel(/^Hạn bổ sung/).fill(due);
  await page.getByRole('button', { name: /Xác nhận/ }).click();
  await page.getByText('Đã thực hiện: Yêu cầu bổ sung hồ sơ.').waitFor({ timeout: 15_000 });
  await page.getByRole('link', { name: /In Phiếu yêu cầu bổ sung/ }).waitFor();
  await context.close();
});

test('a session that ends mid-work: sign in again in the dialog, the typed comment kept, the action done', async () => {
  const { context, page } = await staffPage();
  const reception = demoLogin(server.dataDir, 'reception', AGENCY);
  await signIn(page, reception.username, reception.password);
  await page.goto(`${server.url}/staff/dossiers/${third}`);
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
  await page.getByLabel('Ý kiến').fill('Đã kiểm tra bản chính giấy chứng sinh');
  // The session ends behind the page's back (signed out elsewhere).
  const session = (await (await page.request.get(`${server.url}/api/v1/auth/session`)).json()) as { csrfToken: string };
  const out = await page.request.post(`${server.url}/api/v1/auth/logout`, {
    headers: { 'X-CSRF-Token': session.csrfToken },
  });
  assert.equal(out.status(), 200);
  await page.getByRole('button', { name: /Xác nhận/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Phiên làm việc đã hết hạn' });
  await dialog.waitFor({ timeout: 15_000 });
  assert.deepEqual(await axeViolations(page), [], 're-login dialog');
  assert.equal(await page.getByLabel('Ý kiến').inputValue(), 'Đã kiểm tra bản chính giấy chứng sinh');
  await dialog.getByLabel('Mật khẩu').fill(reception.password);
  await dialog.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Đã thực hiện: Tiếp nhận hồ sơ.').waitFor({ timeout: 15_000 });
  const events = (await (await page.request.get(`${server.url}/api/v1/dossiers/${third}/events`)).json()) as {
    items: { kind: string; event: { comment?: string } }[];
  };
  assert.equal(events.items.at(-1)!.event.comment, 'Đã kiểm tra bản chính giấy chứng sinh');
  await context.close();
});

test('two specialists claim the same dossier: one wins, the other is told who has it', async () => {
  const specialist = demoLogin(server.dataDir, 'specialist', AGENCY);
  const admin = demoLogin(server.dataDir, 'admin', AGENCY);
  const api = await apiSession(server.url, admin.username, admin.password);
  await api('POST', `/api/v1/agencies/${AGENCY}/staff`, {
    username: 'chuyenvien2.e2e',
    fullName: 'Phạm Thị Bình',
    password: 'mat-khau-thu-2026',
    roles: [{ agency: AGENCY, role: 'specialist' }],
  });
  const a = await staffPage();
  const b = await staffPage();
  await signIn(a.page, specialist.username, specialist.password);
  await signIn(b.page, 'chuyenvien2.e2e', 'mat-khau-thu-2026');
  for (const { page } of [a, b]) {
    await page.goto(`${server.url}/staff/dossiers/${first}`);
    await page.getByRole('button', { name: 'Nhận xử lý' }).waitFor({ timeout: 15_000 });
  }
  // A third screen watches the unit's queue: the claim shows there without a reload.
  const watcher = await staffPage();
  await signIn(watcher.page, specialist.username, specialist.password);
  await watcher.page.goto(`${server.url}/staff/inbox/unit`);
  const row = watcher.page.locator(`tr[data-code="${first}"]`);
  await row.getByText('Chưa phân công').waitFor({ timeout: 15_000 });
  await a.page.getByRole('button', { name: 'Nhận xử lý' }).click();
  await a.page.getByRole('button', { name: /Xác nhận/ }).click();
  await a.page.getByText('Đã thực hiện: Nhận xử lý.').waitFor({ timeout: 15_000 });
  await row.getByText('Chưa phân công').waitFor({ state: 'detached', timeout: 30_000 });
  await watcher.context.close();
  await b.page.getByRole('button', { name: 'Nhận xử lý' }).click();
  await b.page.getByRole('button', { name: /Xác nhận/ }).click();
  const told = b.page.getByRole('alert');
  await told.getByText(/đã được .+ nhận xử lý/).waitFor({ timeout: 15_000 });
  const name = (await a.page.getByText(/^Đăng nhập: /).textContent())!.replace('Đăng nhập: ', '').trim();
  assert.match((await told.textContent())!, new RegExp(name));
  // The winner goes on with an action that has parameters: a payment request, which stops the clock.
  await a.page.getByRole('button', { name: 'Yêu cầu thực hiện nghĩa vụ tài chính' }).click();
  await a.page.getByLabel(/^Số tiền/).fill('8.000');
  await a.page.getByText('Thời hạn tạm dừng cho đến khi người nộp đáp ứng.').waitFor();
  await a.page.getByRole('button', { name: /Xác nhận/ }).click();
  await a.page.getByText('Đã thực hiện: Yêu cầu thực hiện nghĩa vụ tài chính.').waitFor({ timeout: 15_000 });
  await a.context.close();
  await b.context.close();
});

test('counter intake: a returning applicant found by ID number, the procedure found without accents', async () => {
  const { context, page } = await staffPage();
  const reception = demoLogin(server.dataDir, 'reception', AGENCY);
  await signIn(page, reception.username, reception.password);
  await page.getByRole('link', { name: 'Tiếp nhận tại quầy' }).click();
  await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ tại quầy' }).waitFor();
  await page.getByRole('textbox', { name: 'Số giấy tờ' }).fill('001190012345');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.getByText('Đã tìm thấy Nguyễn Thị Hoa (hồ sơ trước đây).').waitFor({ timeout: 15_000 });
  const list = page.getByRole('list', { name: 'Chọn thủ tục' });
  await list.getByRole('button').first().waitFor();
  await page.getByLabel('Tìm thủ tục (không cần dấu)').fill('dang ky khai sinh');
  await list.getByRole('button', { name: /1\.001193/ }).waitFor();
  assert.equal(await list.getByRole('button').count(), 1);
  assert.deepEqual(await axeViolations(page), [], 'intake');
  await context.close();
});

test('saved filters and columns belong to the person, on any computer', async () => {
  const reception = demoLogin(server.dataDir, 'reception', AGENCY);
  const fresh = await submitBirthRegistration(server.url, 'Phan Thanh Tâm');
  const a = await staffPage();
  await signIn(a.page, reception.username, reception.password);
  await a.page.locator(`tr[data-code="${fresh}"]`).waitFor({ timeout: 15_000 });
  await a.page.getByText('Bộ lọc đã lưu (0)').click();
  await a.page.getByLabel('Tên bộ lọc').fill('Trực tuyến của tôi');
  await a.page.getByRole('button', { name: 'Lưu bộ lọc hiện tại' }).click();
  await a.page.getByRole('button', { name: 'Trực tuyến của tôi', exact: true }).waitFor();
  await a.page.locator('summary', { hasText: 'Cột hiển thị' }).click();
  await a.page.getByRole('checkbox', { name: 'Phí' }).uncheck();
  await a.page.getByRole('columnheader', { name: 'Phí' }).waitFor({ state: 'detached' });
  assert.deepEqual(await axeViolations(a.page), [], 'inbox with saved filters and columns open');
  const stored = await a.page.evaluate(() => Object.keys(localStorage).filter((k) => /filters|columns/.test(k)));
  assert.deepEqual(stored, [], 'nothing of it kept in the browser');
  await a.context.close();

  // Another computer (a fresh browser profile): the same filter, the same columns, from the server.
  const b = await staffPage();
  await signIn(b.page, reception.username, reception.password);
  await b.page.locator(`tr[data-code="${fresh}"]`).waitFor({ timeout: 15_000 });
  await b.page.getByText('Bộ lọc đã lưu (1)').click();
  await b.page.getByRole('button', { name: 'Trực tuyến của tôi', exact: true }).waitFor();
  assert.equal(await b.page.getByRole('columnheader', { name: 'Phí' }).count(), 0);
  await b.page.getByRole('button', { name: 'Xoá bộ lọc Trực tuyến của tôi' }).click();
  await b.page.getByText('Bộ lọc đã lưu (0)').waitFor();
  const api = await apiSession(server.url, reception.username, reception.password);
  const prefs = (await api('GET', '/api/v1/me/preferences')) as { savedFilters: unknown[]; columns: string[] };
  assert.deepEqual(prefs.savedFilters, []);
  assert.ok(!prefs.columns.includes('fee') && prefs.columns.includes('code'), JSON.stringify(prefs.columns));
  await api('PUT', '/api/v1/me/preferences', { savedFilters: [], columns: null });
  await b.context.close();
});

test('no CSP violation and no page error in any of it', () => {
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
});
