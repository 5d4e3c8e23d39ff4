// End to end: a real motcua server, the sample provincial site under the strict CSP of issue 5,
// an example procedure (1.001193, birth registration: a SHOW rule, a conditional document, email
// and date formats) filled and submitted with file uploads in Chromium, then found with
// <motcua-track>. Zero securitypolicyviolation events.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createClient } from '@motcua/api/client';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.mjs';
import { bornDaysAgo, ensureRuntimeBuilt, siteUnderStrictCsp, startServer, type RunningServer } from './support.ts';

let server: RunningServer;
let browser: Browser;

before(async () => {
  ensureRuntimeBuilt();
  server = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

interface Watched {
  page: Page;
  violations: string[];
  errors: string[];
  scripts: Map<string, Buffer>;
}

/** A page whose site documents carry the strict CSP, and which records violations, errors and every script loaded. */
async function watchedPage(): Promise<Watched> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const violations: string[] = [];
  const errors: string[] = [];
  const scripts = new Map<string, Buffer>();
  await siteUnderStrictCsp(page, server.url);
  await page.exposeFunction('__violation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __violation(v: string): void }).__violation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script' || r.url().endsWith('.js'))
      scripts.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
  });
  return { page, violations, errors, scripts };
}

const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`),
});

let receipt: { code: string; secret: string } | undefined;

test('the sample site: a birth registration filled, with files, and submitted under the strict CSP', async () => {
  const w = await watchedPage();
  const { page } = w;
  await page.goto(`${server.url}/site/khai-sinh.html`);
  const form = page.locator('motcua-form');
  await form.getByRole('heading', { name: 'Đăng ký khai sinh' }).waitFor({ timeout: 30_000 });

  await form.getByLabel('Cơ quan tiếp nhận hồ sơ').selectOption({ label: 'Phường Trung Tâm' });
  const requester = form.getByRole('group', { name: /^Người yêu cầu/ });
  await requester.getByLabel(/^Họ, chữ đệm và tên/).fill('Nguyễn Thị Hoa');
  await requester.getByLabel(/^Số định danh cá nhân/).fill('001190012345');
  await requester.getByLabel(/^Quan hệ với người được khai sinh/).selectOption({ label: 'Mẹ' });
  await requester.getByLabel(/^Nơi cư trú/).fill('12 Lê Lợi, Phường Trung Tâm');
  await requester.getByLabel(/^Số điện thoại/).fill('0912345678');
  // The email format is checked in the browser by the precompiled validators.
  const email = requester.getByLabel(/^Thư điện tử/);
  await email.fill('hoa@');
  await email.blur();
  await form.getByText('Phải là địa chỉ thư điện tử').waitFor();
  await email.fill('hoa.nguyen@example.vn');

  const child = form.getByRole('group', { name: /^Người được khai sinh/ });
  await child.getByLabel(/^Họ, chữ đệm và tên/).fill('Trần Minh Khang');
  await child.getByLabel(/^Giới tính/).selectOption({ label: 'Nam' });
  await child.getByLabel(/^Ngày, tháng, năm sinh/).fill(bornDaysAgo(10));
  await child.getByLabel(/^Nơi sinh/).fill('Bệnh viện đa khoa tỉnh');
  await child.getByLabel(/^Quê quán/).fill('Xã Đông Sơn');

  const mother = form.getByRole('group', { name: /^Người mẹ/ });
  await mother.getByLabel(/^Họ, chữ đệm và tên/).fill('Nguyễn Thị Hoa');
  await mother.getByLabel(/^Ngày sinh/).fill('04/05/1995');
  await mother.getByLabel(/^Nơi cư trú/).fill('12 Lê Lợi, Phường Trung Tâm');

  // The SHOW rule: the father's group is there while "the father is known", gone when not.
  const father = form.getByRole('group', { name: /^Người cha/ });
  await father.waitFor();
  await form.getByLabel(/^Có thông tin người cha/).uncheck();
  await father.waitFor({ state: 'detached' });

  // A conditional document: the birth certificate is asked for once the evidence says so.
  await assert.rejects(form.getByText('Giấy chứng sinh', { exact: true }).waitFor({ timeout: 500 }));
  await form.getByLabel('Giấy chứng sinh do cơ sở y tế cấp').check();
  await form.getByText('Giấy chứng sinh', { exact: true }).waitFor();

  // Online the e-form is the declaration (no picker for it); the identity paper is only shown.
  assert.equal(await form.getByLabel(/^Chọn tệp cho: Tờ khai đăng ký khai sinh/).count(), 0);
  await form.getByText('Giấy tờ tùy thân của người yêu cầu', { exact: true }).waitFor();
  await form.getByLabel('Chọn tệp cho: Giấy chứng sinh').setInputFiles(pdf('giay-chung-sinh.pdf'));
  await form.getByText('giay-chung-sinh.pdf').waitFor();

  await form.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const done = form.getByRole('heading', { name: /Đã nộp hồ sơ thành công/ });
  await done.waitFor({ timeout: 30_000 });
  const code = (await form.locator('.receipt .code').textContent())!.trim();
  const secret = (await form.locator('.receipt .secret').textContent())!.trim();
  assert.match(code, /^000\.20\.01\.H56-\d{6}-\d{4,}$/);
  assert.ok(secret.length >= 8);
  receipt = { code, secret };
  // What the form showed is what the API answers (the typed client of @motcua/api).
  const api = createClient({ baseUrl: server.url });
  const tracked = await api.get('/api/v1/public/dossiers/{dossierCode}', {
    params: { dossierCode: code },
    headers: { 'X-Tracking-Secret': secret },
  });
  assert.equal(tracked.code, code);
  assert.equal(tracked.procedure.code, '1.001193');
  assert.deepEqual(
    tracked.files.map((f) => f.documentId),
    ['giay-chung-sinh'],
  );
  // The printable receipt is built in a frame without inline styles: allowed by the policy too.
  await form.getByRole('button', { name: 'In giấy biên nhận' }).click();
  const printed = await page.evaluate(() => {
    const frame = document.querySelector('motcua-form')!.shadowRoot!.querySelector('iframe');
    return frame?.contentDocument?.body.textContent ?? '';
  });
  assert.match(printed, /GIẤY BIÊN NHẬN HỒ SƠ NỘP TRỰC TUYẾN/);
  assert.match(printed, new RegExp(code.replace(/\./g, '\\.')));

  assert.deepEqual(w.violations, [], 'no securitypolicyviolation event');
  assert.deepEqual(w.errors, [], 'no console error');
  // What the page loaded: the runtime and the version's validator module, nothing else, ≤ 80 KB gzip.
  const loaded = [...w.scripts.keys()].map((u) => new URL(u).pathname);
  assert.ok(loaded.includes('/embed/motcua.js'), loaded.join(', '));
  assert.ok(
    loaded.some((p) => /\/validators\.js$/.test(p)),
    loaded.join(', '),
  );
  // The site's own script (its shared header and footer) is the host page's, not the embed's.
  const gz = [...w.scripts]
    .filter(([u]) => !new URL(u).pathname.startsWith('/site/'))
    .reduce((sum, [, b]) => sum + gzipSync(b, { level: 9 }).length, 0);
  assert.ok(gz <= 80_000, `${gz} bytes of JavaScript (gzip)`);
  console.log(`JavaScript loaded by the embed page: ${loaded.join(', ')} — ${(gz / 1000).toFixed(1)} KB gzip`);
  await page.context().close();
});

test('the tracking page finds the dossier just submitted, under the strict CSP', async () => {
  assert.ok(receipt, 'the submission test ran first');
  const w = await watchedPage();
  const { page } = w;
  await page.goto(`${server.url}/site/tra-cuu.html`);
  const track = page.locator('motcua-track');
  await track.getByLabel('Mã hồ sơ').fill(receipt.code);
  await track.getByLabel('Mã tra cứu').fill(receipt.secret);
  await track.getByRole('button', { name: 'Tra cứu' }).click();
  await track.getByRole('heading', { name: `Mã hồ sơ ${receipt.code}` }).waitFor({ timeout: 15_000 });
  assert.equal((await track.locator('.status-badge').textContent())!.trim(), 'Đang giải quyết · Mới đăng ký');
  assert.match((await track.locator('.timeline').textContent())!, /Nộp hồ sơ/);
  await track.getByLabel('Mã tra cứu').fill('not-the-secret');
  await track.getByRole('button', { name: 'Tra cứu' }).click();
  await track.getByText('Không tìm thấy hồ sơ. Kiểm tra lại mã hồ sơ và mã tra cứu.').waitFor();
  assert.deepEqual(w.violations, []);
  assert.deepEqual(
    w.errors.filter((e) => !/404/.test(e)),
    [],
    'no console error but the expected 404',
  );
  await page.context().close();
});

test("the embed adds no globals to the host page beyond its custom elements and Lit's version markers", async () => {
  const w = await watchedPage();
  const { page } = w;
  await page.goto(`${server.url}/site/index.html`); // a page of the site without the embed
  const before = await page.evaluate(() => Object.getOwnPropertyNames(window));
  await page.goto(`${server.url}/site/tra-cuu.html`);
  await page.locator('motcua-track').getByLabel('Mã hồ sơ').waitFor();
  const afterNames = await page.evaluate(() => Object.getOwnPropertyNames(window));
  const added = afterNames.filter((n) => !before.includes(n) && n !== '__violation');
  assert.deepEqual(
    added.filter((n) => !/^(litHtmlVersions|litElementVersions|reactiveElementVersions|litPropertyMetadata)$/.test(n)),
    [],
  );
  const defined = await page.evaluate(() =>
    ['motcua-form', 'motcua-track', 'motcua-jsonforms'].map((n) => !!customElements.get(n)),
  );
  assert.deepEqual(defined, [true, true, true]);
  const globalStyles = await page.evaluate(
    () => document.querySelectorAll('style').length + document.adoptedStyleSheets.length,
  );
  assert.equal(globalStyles, 0, 'no global CSS');
  assert.deepEqual(w.violations, []);
  await page.context().close();
});
