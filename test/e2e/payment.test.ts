// End to end: paying online. A real motcua server whose demo runs the loopback payment simulators;
// on the sample site under the strict CSP a citizen files a late birth registration (8,000 đồng
// due before acceptance), pays on the VNPay simulator's page and comes back to the receipt, which
// says it is paid; the dossier reaches the reception's inbox as new and paid, and its page in the
// staff workspace shows the payment. axe-core finds no WCAG A/AA violation; no CSP violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.mjs';
import {
  ensureRuntimeBuilt,
  ensureStaffBuilt,
  siteUnderStrictCsp,
  startServer,
  type RunningServer,
  fillBirthPeople,
} from './support.ts';
import { axeViolations, demoLogin, signIn, staffContext } from './staff-support.ts';

const AGENCY = '000.20.01.H56';
let server: RunningServer;
let browser: Browser;
const violations: string[] = [];
const errors: string[] = [];
let paid: { code: string; secret: string } | undefined;

before(async () => {
  ensureRuntimeBuilt();
  ensureStaffBuilt();
  server = await startServer({ timeoutMs: 300_000 });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`),
});

test('a citizen files a late birth registration, pays on the simulator and comes back to the receipt, paid', async () => {
  const { context, page } = await staffContext(browser, violations, errors);
  await siteUnderStrictCsp(page, server.url);
  await page.goto(`${server.url}/site/khai-sinh.html`);
  const form = page.locator('motcua-form');
  await form.getByRole('heading', { name: 'Đăng ký khai sinh' }).waitFor();
  await form.getByLabel('Cơ quan tiếp nhận hồ sơ').selectOption({ label: 'Phường Trung Tâm' });
  const requester = form.getByRole('group', { name: /^Người yêu cầu/ });
  await requester.getByLabel(/^Họ, chữ đệm và tên/).fill('Lê Thị Mai');
  await requester.getByLabel(/^Số định danh cá nhân/).fill('001190054321');
  // Born 90 days ago, past the 60: the registration fee is collected before the dossier is accepted.
  await fillBirthPeople(form, {
    address: '5 Trần Phú, Phường Trung Tâm',
    phone: '0912000111',
    child: 'Phạm Gia Huy',
    sex: 'Nam',
    bornDaysAgo: 90,
    mother: 'Lê Thị Mai',
    motherBorn: '11/11/1994',
  });
  await form.getByLabel('Chọn tệp cho: Giấy chứng sinh').setInputFiles(pdf('giay-chung-sinh.pdf'));
  await form.getByText('giay-chung-sinh.pdf').waitFor();
  await form.getByRole('button', { name: 'Nộp hồ sơ' }).click();

  await form.getByRole('heading', { name: /Đã nộp hồ sơ thành công/ }).waitFor();
  const code = (await form.locator('.receipt .code').textContent())!.trim();
  const secret = (await form.locator('.receipt .secret').textContent())!.trim();
  const offer = form.getByRole('region', { name: 'Thanh toán trực tuyến' });
  await offer.waitFor();
  assert.match((await offer.textContent())!, /Hồ sơ chờ bạn nộp 8\.000 đồng trước khi được tiếp nhận/);
  assert.deepEqual(await axeViolations(page), [], 'the receipt with the offer');

  await offer.getByLabel('VNPay (thẻ ngân hàng, ví, QR)').check();
  await offer.getByRole('button', { name: 'Thanh toán 8.000 đồng' }).click();
  // The simulator's page (another origin, as the gateway is): the order and its amount.
  await page.waitForURL(/\/paymentv2\/vpcpay\.html\?/);
  assert.equal(await page.locator('#amount').textContent(), '8000');
  await page.getByRole('link', { name: 'Thanh toán / Pay' }).click();

  // Back on the site, on the receipt, paid; the secret never in the address bar.
  await page.waitForURL(`${server.url}/site/khai-sinh.html`);
  const paidPanel = form.getByRole('region', { name: /Đã thanh toán 8\.000 đồng/ });
  await paidPanel.waitFor();
  assert.match((await paidPanel.textContent())!, /Trạng thái hồ sơ: Mới đăng ký/);
  assert.equal((await form.locator('.receipt .code').textContent())!.trim(), code);
  assert.ok(!page.url().includes(secret));
  assert.deepEqual(await axeViolations(page), [], 'the receipt, paid');
  paid = { code, secret };
  await context.close();
});

test('the paid dossier reaches the reception inbox as new and paid; its page shows the payment', async () => {
  assert.ok(paid, 'the first test paid a dossier');
  const { context, page } = await staffContext(browser, violations, errors);
  const who = demoLogin(server.dataDir, 'reception', AGENCY);
  await signIn(page, server.url, who.username, who.password);
  await page
    .getByRole('navigation', { name: 'Hàng đợi' })
    .getByRole('link', { name: /Mới nộp trực tuyến/ })
    .click();
  const row = page.locator(`tr[data-code="${paid.code}"]`);
  await row.waitFor();
  assert.match((await row.textContent())!, /Đã nộp 8\.000 đ/);
  await row.getByRole('link').first().click();
  await page.getByRole('heading', { name: `Hồ sơ ${paid.code}` }).waitFor();
  const payments = page.getByRole('region', { name: 'Thanh toán trực tuyến' });
  const line = payments.locator('tr.payment');
  await line.waitFor();
  const text = (await line.textContent())!.replace(/\s+/g, ' ');
  assert.match(text, /8\.000 đ/);
  assert.match(text, /VNPay/);
  assert.match(text, /MC[0-9A-Z]+/, 'our order reference');
  assert.match(text, /mã của cổng: \d+/, 'the provider’s reference');
  assert.match(text, /Đã thanh toán/);
  assert.match(text, /Thanh toán: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
  assert.deepEqual(await axeViolations(page), [], 'the dossier page with its payment');
  await context.close();
  assert.deepEqual(violations, [], 'no securitypolicyviolation event');
  assert.deepEqual(errors, [], 'no page error');
});
