// End to end: a supervisor's oversight dashboard at /staff/oversight, in Chromium against a real
// server under its strict CSP. The province's viewer signs in, filters (the filter lives in the
// address and survives a reload), sees the numbers of two online dossiers a commune accepted,
// drills down from a card to the dossier list and on to a dossier (offered no action), downloads
// Biểu 06 as CSV and XLSX, and switches TV mode on and off. axe-core finds no WCAG A/AA violation; no CSP violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.mjs';
import { ensureRuntimeBuilt, ensureStaffBuilt, startServer, type RunningServer } from './support.ts';
import {
  apiSession,
  axeViolations,
  demoLogin,
  signIn,
  staffContext,
  submitBirthRegistration,
} from './staff-support.ts';

const PROVINCE = '000.00.00.H56';
const COMMUNE = '000.20.01.H56';
let server: RunningServer;
let browser: Browser;
const codes: string[] = [];
const violations: string[] = [];
const errors: string[] = [];

/** Today in Việt Nam as the page shows dates (dd/mm/yyyy). */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('/');

before(async () => {
  ensureRuntimeBuilt();
  ensureStaffBuilt();
  server = await startServer({ timeoutMs: 300_000 });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const reception = demoLogin(server.dataDir, 'reception', COMMUNE);
  const desk = await apiSession(server.url, reception.username, reception.password);
  for (const name of ['Trần Minh Khôi', 'Lê Thu Hà']) {
    const code = await submitBirthRegistration(server.url, name);
    await desk('POST', `/api/v1/dossiers/${code}/actions`, { kind: 'accept' });
    codes.push(code);
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A card's big number, as shown. */
const card = (page: Page, id: string) => page.locator(`[data-card="${id}"] .big`);

test('a viewer filters, sees the numbers, drills down to a dossier; the filter survives a reload', async () => {
  const { context, page } = await staffContext(browser, violations, errors);
  const viewer = demoLogin(server.dataDir, 'viewer', PROVINCE);
  await signIn(page, server.url, viewer.username, viewer.password);
  await page.getByRole('link', { name: 'Bảng điều hành' }).first().click();
  await page.getByRole('heading', { name: /^Bảng điều hành —/ }).waitFor();
  await page.getByLabel('Từ ngày').fill(today());
  await page.getByLabel('Đến ngày').fill(today());
  await page.getByLabel('Kênh').selectOption('online');
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  await page.waitForURL(/channel=online/);
  const iso = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  assert.ok(page.url().includes(`from=${iso}&to=${iso}`), page.url());
  await card(page, 'online').filter({ hasText: '100%' }).waitFor();
  assert.match((await page.locator('[data-card="online"]').textContent()) ?? '', /2 \/ 2 hồ sơ/);
  assert.match((await page.locator('.stamp').textContent()) ?? '', /Cập nhật lúc \d\d:\d\d/);
  assert.match((await page.locator('.definition').textContent()) ?? '', /Biểu 06/);
  assert.deepEqual(await axeViolations(page), [], 'the dashboard');

  await page.reload();
  await card(page, 'online').filter({ hasText: '100%' }).waitFor();
  assert.equal(await page.getByLabel('Kênh').inputValue(), 'online', 'the filter came back from the address');

  await card(page, 'online').click();
  await page.waitForURL(/measure=online/);
  const list = page.locator('mc-ov-dossiers');
  for (const code of codes) await list.getByRole('link', { name: code }).waitFor();
  assert.equal(await list.getByRole('button').count(), 0, 'a read-only list: no action');
  assert.deepEqual(await axeViolations(page), [], 'the dossier list');
  await list.getByRole('link', { name: codes[0]! }).click();
  await page.waitForURL(new RegExp(`/staff/dossiers/${codes[0]!.replace(/\./g, '\\.')}`));
  await page
    .getByRole('heading', { name: new RegExp(codes[0]!.replace(/\./g, '\\.')) })
    .first()
    .waitFor();
  await page.getByText('Bạn không có thao tác nào với hồ sơ này lúc này.').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the dossier page, read only');
  await page.goBack();
  await page.waitForURL(/measure=online/);
  await list.getByRole('link', { name: codes[1]! }).waitFor();
  await context.close();
});

test('Biểu 06 downloads as CSV and XLSX with the form’s headings; TV mode goes full screen and back', async () => {
  const { context, page } = await staffContext(browser, violations, errors);
  const viewer = demoLogin(server.dataDir, 'viewer', PROVINCE);
  await signIn(page, server.url, viewer.username, viewer.password);
  await page.goto(`${server.url}/staff/oversight`);
  const bieu06 = page.locator('section.bieu06');
  await bieu06.getByRole('link', { name: 'Tải CSV' }).waitFor();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    bieu06.getByRole('link', { name: 'Tải CSV' }).click(),
  ]);
  const text = readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '');
  assert.match(text.split(/\r?\n/)[0]!, /^STT,"Cơ quan, đơn vị",Số hồ sơ nhận giải quyết,.*Số hồ sơ đã giải quyết/);
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    bieu06.getByRole('link', { name: 'Tải Excel (XLSX)' }).click(),
  ]);
  const bytes = readFileSync((await xlsx.path())!);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip');
  assert.ok(bytes.includes('xl/worksheets/'), 'with a worksheet');

  const tv = page.getByRole('button', { name: 'Chế độ màn hình lớn' });
  await tv.click();
  await page.locator('motcua-staff-oversight[tv]').waitFor();
  assert.equal(await page.locator('form.filters').count(), 0, 'TV mode hides the filters');
  assert.deepEqual(await axeViolations(page), [], 'TV mode');
  await page.getByRole('button', { name: 'Thoát màn hình lớn' }).click();
  await page.locator('motcua-staff-oversight:not([tv])').waitFor();
  await page.locator('form.filters').waitFor();
  await context.close();
});

test('no CSP violation and no page error on any screen visited', () => {
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
});
