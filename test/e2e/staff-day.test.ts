// End to end: a commune's full day in the staff workspace at /staff, in Chromium against a real
// server under its strict CSP. Reception takes a walk-in dossier at the counter (a returning
// applicant prefilled by ID number, the procedure found without accents, scans attached, the
// receipt slip printed: code, appointment and QR read back from the PDF; the guidance slip for an
// incomplete one); receives an online dossier from the inbox; requests a supplement, which the
// applicant sends through <motcua-track> on the sample site, and accepts it; the specialist
// claims and forwards, the leader approves with a result file; reception returns the result.
// axe-core finds no WCAG A/AA violation on any screen visited.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.mjs';
import {
  ensureRuntimeBuilt,
  ensureStaffBuilt,
  siteUnderStrictCsp,
  startServer,
  type RunningServer,
  fillBirthPeople,
} from './support.ts';
import {
  axeViolations,
  demoLogin,
  readPdf,
  scan,
  signIn,
  staffContext,
  submitBirthRegistrationTracked,
} from './staff-support.ts';

const AGENCY = '000.20.01.H56';
let server: RunningServer;
let browser: Browser;
let online: { code: string; secret: string };
const violations: string[] = [];
const errors: string[] = [];

before(async () => {
  ensureRuntimeBuilt();
  ensureStaffBuilt();
  server = await startServer({ timeoutMs: 300_000 });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  online = await submitBirthRegistrationTracked(server.url, 'Vũ Ngọc Anh');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const session = (page: Page, role: string) => {
  const who = demoLogin(server.dataDir, role, AGENCY);
  return signIn(page, server.url, who.username, who.password);
};

/** Chooses an action, confirms it, and waits for it to be done. */
async function act(page: Page, label: string, fill?: () => Promise<void>) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await fill?.();
  await page.getByRole('button', { name: `Xác nhận: ${label}` }).click();
  const done = page.getByText(`Đã thực hiện: ${label}.`);
  const refused = page.locator('#action-error');
  await done.or(refused).first().waitFor({ timeout: 60_000 });
  if (await refused.count()) assert.fail(`${label}: ${await refused.textContent()}`);
}

test('counter intake: returning applicant prefilled, scans attached, receipt printed with code, appointment and QR', async () => {
  const { context, page } = await staffContext(browser, violations, errors);
  await session(page, 'reception');
  await page.getByRole('link', { name: 'Tiếp nhận tại quầy' }).click();
  await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ tại quầy' }).waitFor();
  await page.getByRole('textbox', { name: 'Số giấy tờ' }).fill('001190012345');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.getByText('Đã tìm thấy Nguyễn Thị Hoa (hồ sơ trước đây).').waitFor({ timeout: 60_000 });
  await page.getByLabel('Tìm thủ tục (không cần dấu)').fill('khai sinh');
  await page
    .getByRole('list', { name: 'Chọn thủ tục' })
    .getByRole('button', { name: /1\.001193/ })
    .click();
  const form = page.locator('motcua-form');
  const requester = form.getByRole('group', { name: /^Người yêu cầu/ });
  // The applicant found by ID number is already in the form.
  await requester.getByLabel(/^Họ, chữ đệm và tên/).waitFor({ timeout: 60_000 });
  assert.equal(await requester.getByLabel(/^Họ, chữ đệm và tên/).inputValue(), 'Nguyễn Thị Hoa');
  assert.equal(await requester.getByLabel(/^Số định danh cá nhân/).inputValue(), '001190012345');
  assert.deepEqual(await axeViolations(page), [], 'intake with the form');

  // The guidance slip for an incomplete dossier: the missing documents ticked, listed, printable.
  await page.getByText('In phiếu hướng dẫn (hồ sơ chưa đủ)').first().click();
  await page.locator('details').getByLabel('Giấy chứng sinh', { exact: true }).check();
  await page.getByRole('button', { name: 'In phiếu hướng dẫn (hồ sơ chưa đủ)' }).click();
  const guidance = page.getByRole('region', { name: 'Phiếu hướng dẫn' });
  await guidance.getByText('Giấy chứng sinh', { exact: true }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'guidance slip');
  await guidance.getByRole('button', { name: 'Đóng' }).click();

  // The applicant came back with everything: the rest of the form, the scans.
  await fillBirthPeople(form, {
    address: '12 Lê Lợi, Phường Trung Tâm',
    phone: '0912345678',
    child: 'Trần Bảo Ngọc',
    sex: 'Nữ',
    bornDaysAgo: 10,
    mother: 'Nguyễn Thị Hoa',
    motherBorn: '04/05/1995',
  });
  await form.getByLabel(/^Chọn tệp cho: Tờ khai đăng ký khai sinh/).setInputFiles(scan('to-khai-quet.pdf'));
  await form.getByLabel('Chọn tệp cho: Giấy chứng sinh').setInputFiles(scan('giay-chung-sinh-quet.pdf'));
  await form.getByText('giay-chung-sinh-quet.pdf').waitFor();
  await form.getByRole('button', { name: 'Nộp hồ sơ' }).click();

  const printLink = page.getByRole('link', { name: 'In Giấy tiếp nhận và hẹn trả kết quả' });
  await printLink.waitFor({ timeout: 60_000 });
  const code = /Đã tiếp nhận hồ sơ (\S+)\./.exec((await page.getByText(/^Đã tiếp nhận hồ sơ /).textContent())!)![1]!;
  assert.match(code, /^000\.20\.01\.H56-\d{6}-\d{4,}$/);
  const slip = await page.request.get(new URL((await printLink.getAttribute('href'))!, server.url).href);
  assert.equal(slip.headers()['content-type'], 'application/pdf');
  const { text, qr } = readPdf(await slip.body());
  assert.match(text, new RegExp(code.replace(/\./g, '\\.')));
  assert.match(text, /Nguyễn Thị Hoa/);
  assert.match(text, /hẹn trả kết quả/i);
  assert.match(
    text,
    /Thời gian trả kết quả giải quyết hồ sơ: \d{2} giờ \d{2} phút, ngày \d{2} tháng \d{2}\s+năm\s+\d{4}/,
    'the appointment',
  );
  assert.ok(
    qr.some((q) => q.includes(code)),
    `the QR carries the code: ${qr.join(', ')}`,
  );
  // The walk-in applicant tracks online from the receipt alone: the secret is printed, and its QR opens tracking.
  assert.match(text, /Mã bí mật tra cứu: [2-9A-Z]{5}(-[2-9A-Z]{5}){3}/);
  // The clerk reads the same secret aloud from the screen.
  const received = page.getByRole('region', { name: `Đã tiếp nhận hồ sơ ${code}.` });
  const shown = (await received.locator('code.secret').textContent())!.trim();
  assert.match(shown, /^[2-9A-Z]{5}(-[2-9A-Z]{5}){3}$/);
  assert.ok(text.includes(`Mã bí mật tra cứu: ${shown}`), `the secret on screen is the printed one: ${shown}`);
  await received.getByText('Đọc mã bí mật cho người nộp hồ sơ.', { exact: false }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'intake: the receipt with the secret');
  const link = qr.find((q) => q.includes('#motcua-code='));
  assert.ok(link, `a QR code opens tracking: ${qr.join(', ')}`);
  await page.screenshot({ path: '/tmp/staff-day-intake.png', fullPage: true });
  const phone = await context.newPage();
  await phone.goto(link);
  await phone.getByRole('heading', { name: new RegExp(code.replace(/\./g, '\\.')) }).waitFor({ timeout: 60_000 });
  assert.ok(!phone.url().includes('motcua-secret'), 'the secret leaves the address bar');
  await phone.close();
  // The dossier is in the workspace at once, accepted, with the scans as counter scans.
  await page.getByRole('link', { name: `Hồ sơ ${code}` }).click();
  await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor({ timeout: 60_000 });
  await page.getByText('giay-chung-sinh-quet.pdf').first().waitFor();
  // Once the clerk has moved on, the secret is nowhere on screen.
  await page.goBack();
  await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ tại quầy' }).waitFor();
  assert.equal(await page.locator('motcua-staff-intake code.secret').count(), 0);
  await context.close();
});

test('an online dossier received from the inbox, a supplement sent through <motcua-track>, accepted', async () => {
  const { context, page } = await staffContext(browser, violations, errors);
  await session(page, 'reception');
  await page
    .getByRole('navigation', { name: 'Hàng đợi' })
    .getByRole('link', { name: /Mới nộp trực tuyến/ })
    .click();
  await page.locator(`tr[data-code="${online.code}"]`).getByRole('link').first().click();
  await page.getByRole('heading', { name: `Hồ sơ ${online.code}` }).waitFor({ timeout: 60_000 });
  await act(page, 'Tiếp nhận hồ sơ');
  await act(page, 'Yêu cầu bổ sung hồ sơ', async () => {
    await page.getByRole('combobox', { name: 'Giấy tờ' }).selectOption({ label: 'Giấy chứng sinh' });
    await page
      .getByLabel(/^Nội dung/)
      .last()
      .fill('Bản chụp giấy chứng sinh bị mờ, chụp lại rõ nét');
    const due = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 16);
    await page.getByLabel(/^Hạn bổ sung/).fill(due);
  });
  await page.getByRole('link', { name: /In Phiếu yêu cầu bổ sung/ }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'dossier page after an action');

  // The applicant, on the province's site, sends the page asked for.
  const applicant = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const site = await applicant.newPage();
  await siteUnderStrictCsp(site, server.url);
  site.on('pageerror', (e) => errors.push(String(e)));
  await site.goto(`${server.url}/site/tra-cuu.html`);
  const track = site.locator('motcua-track');
  await track.getByLabel('Mã hồ sơ').fill(online.code);
  await track.getByLabel('Mã tra cứu').fill(online.secret);
  await track.getByRole('button', { name: 'Tra cứu' }).click();
  await track.getByRole('heading', { name: 'Yêu cầu bổ sung giấy tờ' }).waitFor({ timeout: 60_000 });
  await track.getByText('Bản chụp giấy chứng sinh bị mờ, chụp lại rõ nét').waitFor();
  await track.getByLabel('Chọn tệp cho: Giấy chứng sinh').setInputFiles(scan('giay-chung-sinh-ro.pdf'));
  await track.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
  await track.getByText('Đã gửi giấy tờ bổ sung.').waitFor({ timeout: 60_000 });
  await applicant.close();

  // Reception finds it in the queue of supplements received, sees the new file on it, and accepts it.
  await page.goto(`${server.url}/staff/`);
  await page
    .getByRole('navigation', { name: 'Hàng đợi' })
    .getByRole('link', { name: /Đã nhận bổ sung/ })
    .click();
  await page.locator(`tr[data-code="${online.code}"]`).getByRole('link').first().click();
  await page.getByRole('heading', { name: `Hồ sơ ${online.code}` }).waitFor({ timeout: 60_000 });
  await page.getByText('giay-chung-sinh-ro.pdf').first().waitFor();
  await act(page, 'Tiếp nhận hồ sơ bổ sung');
  await context.close();
});

test('processing to the result: the specialist claims and forwards, the leader approves with a result file', async () => {
  const specialist = await staffContext(browser, violations, errors);
  await session(specialist.page, 'specialist');
  await specialist.page.goto(`${server.url}/staff/dossiers/${online.code}`);
  await specialist.page.getByRole('heading', { name: `Hồ sơ ${online.code}` }).waitFor({ timeout: 60_000 });
  await act(specialist.page, 'Nhận xử lý');
  await act(specialist.page, 'Chuyển bước xử lý');
  await specialist.context.close();

  const leader = await staffContext(browser, violations, errors);
  const { page } = leader;
  await session(page, 'leader');
  await page.goto(`${server.url}/staff/dossiers/${online.code}`);
  await page.getByRole('heading', { name: `Hồ sơ ${online.code}` }).waitFor({ timeout: 60_000 });
  await act(page, 'Phê duyệt', async () => {
    await page.getByLabel(/^Tệp kết quả/).setInputFiles(scan('giay-khai-sinh-ban-chinh.pdf'));
  });
  // The result document is recorded with the event, downloadable from the dossier.
  const events = (await (await page.request.get(`${server.url}/api/v1/dossiers/${online.code}/events`)).json()) as {
    items: { kind: string }[];
  };
  assert.equal(events.items.at(-1)!.kind, 'approve');
  const slips = (await (await page.request.get(`${server.url}/api/v1/dossiers/${online.code}/slips`)).json()) as {
    items: { kind: string; format: string }[];
  };
  assert.ok(
    slips.items.some((s) => s.kind === 'result'),
    JSON.stringify(slips.items),
  );
  await leader.context.close();
});

test('return of the result at the counter, and the applicant sees it returned', async () => {
  const { context, page } = await staffContext(browser, violations, errors);
  await session(page, 'reception');
  await page
    .getByRole('navigation', { name: 'Hàng đợi' })
    .getByRole('link', { name: /Trả trực tuyến/ })
    .first()
    .click();
  await page.locator(`tr[data-code="${online.code}"]`).getByRole('link').first().click();
  await page.getByRole('heading', { name: `Hồ sơ ${online.code}` }).waitFor({ timeout: 60_000 });
  await act(page, 'Trả kết quả');
  const tracked = (await (
    await page.request.get(`${server.url}/api/v1/public/dossiers/${online.code}`, {
      headers: { 'X-Tracking-Secret': online.secret },
    })
  ).json()) as { status: number; statusLabel: { vi: string } };
  assert.equal(tracked.status, 10, JSON.stringify(tracked));
  await context.close();
});

test('the password screen and the administration are clean too', async () => {
  const { context, page } = await staffContext(browser, violations, errors);
  await session(page, 'admin');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByLabel('Mật khẩu hiện tại').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'password');
  await page.goto(`${server.url}/staff/admin`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'administration');
  await context.close();
});

test('no CSP violation and no page error in any of it', () => {
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
});
