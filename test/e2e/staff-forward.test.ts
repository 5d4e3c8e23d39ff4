// End to end: a forward to another agency (liên thông) and back, in Chromium against a real
// server. A building permit with a basement (1.013225) is accepted by a commune, checked against
// the land system, reviewed, and sent to the provincial Department of Construction for its
// opinion; the department's specialist, in their own session, finds it forwarded to them, claims
// it and sends it back; the commune's leader finds it and signs. axe-core clean on each screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.mjs';
import { ensureStaffBuilt, startServer, type RunningServer } from './support.ts';
import { axeViolations, demoLogin, signIn, staffContext } from './staff-support.ts';

const COMMUNE = '000.20.01.H56';
const DEPARTMENT = '000.00.11.H56';
let server: RunningServer;
let browser: Browser;
let code = '';
const violations: string[] = [];
const errors: string[] = [];

const pdf = (name: string) =>
  new Blob([`%PDF-1.4\n% ${name}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`], { type: 'application/pdf' });

/** A building permit with a basement, submitted online: the route goes through the department. */
async function submitPermit(url: string): Promise<string> {
  const data = {
    investor: {
      fullName: 'Hoàng Văn Đức',
      idNumber: '001080055566',
      address: '25 Trần Phú, Phường Trung Tâm',
      phone: '0903111222',
    },
    site: {
      commune: 'trung-tam',
      address: '25 Trần Phú, Phường Trung Tâm',
      mapSheet: 12,
      parcel: 345,
      landArea: 120,
      inPlannedArea: true,
    },
    building: { floors: 4, basement: true, footprint: 90, totalFloorArea: 400, height: 16, adjoinsExisting: false },
    commitment: true,
    filedByProxy: false,
  };
  const form = new FormData();
  form.append('submission', JSON.stringify({ version: 1, data }));
  // A basement also calls for the design check report.
  for (const d of ['don-de-nghi', 'giay-to-quyen-su-dung-dat', 'ban-ve-thiet-ke', 'ket-qua-tham-tra-thiet-ke'])
    form.append(`documents.${d}`, pdf(`${d}.pdf`), `${d}.pdf`);
  const res = await fetch(`${url}/api/v1/public/procedures/1.013225/dossiers`, { method: 'POST', body: form });
  const body = (await res.json()) as { code?: string };
  if (res.status !== 201 || !body.code) throw new Error(`submit: ${res.status} ${JSON.stringify(body)}`);
  return body.code;
}

before(async () => {
  ensureStaffBuilt();
  server = await startServer({ timeoutMs: 300_000 });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  code = await submitPermit(server.url);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(role: string, agency: string): Promise<{ page: Page; close(): Promise<void> }> {
  const { context, page } = await staffContext(browser, violations, errors);
  const who = demoLogin(server.dataDir, role, agency);
  await signIn(page, server.url, who.username, who.password);
  return { page, close: () => context.close() };
}

async function open(page: Page) {
  await page.goto(`${server.url}/staff/dossiers/${code}`);
  await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor({ timeout: 60_000 });
}

async function act(page: Page, label: string, fill?: () => Promise<void>) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await fill?.();
  await page.getByRole('button', { name: `Xác nhận: ${label}` }).click();
  const done = page.getByText(`Đã thực hiện: ${label}.`);
  const refused = page.locator('#action-error');
  await done.or(refused).first().waitFor({ timeout: 60_000 });
  if (await refused.count()) assert.fail(`${label}: ${await refused.textContent()}`);
}

/** Where the dossier is now, as the dossier page says. */
const stepShown = (page: Page, title: RegExp) => page.getByText(title).first().waitFor({ timeout: 60_000 });

test('the commune accepts, checks the land system, reviews and forwards to the department', async () => {
  const reception = await as('reception', COMMUNE);
  await open(reception.page);
  await act(reception.page, 'Tiếp nhận hồ sơ');
  await reception.close();

  const specialist = await as('specialist', COMMUNE);
  const { page } = specialist;
  await open(page);
  await act(page, 'Nhận xử lý');
  await act(page, 'Gửi hệ thống khác', () => page.getByLabel(/^Mã tham chiếu/).fill('DD-2026-0042'));
  await act(page, 'Nhận kết quả từ hệ thống khác', () => page.getByLabel(/^Mã tham chiếu/).fill('DD-2026-0042'));
  await stepShown(page, /Thẩm định hồ sơ, kiểm tra thực địa/);
  if (await page.getByRole('button', { name: 'Nhận xử lý', exact: true }).count()) await act(page, 'Nhận xử lý');
  await act(page, 'Chuyển bước xử lý', async () => {
    await page.getByLabel(/^Bước tiếp theo/).selectOption({ label: 'Lấy ý kiến Sở Xây dựng (liên thông)' });
  });
  await stepShown(page, /Lấy ý kiến Sở Xây dựng/);
  // No longer the commune's to act on while the department has it.
  await page.getByText('Bạn không có thao tác nào với hồ sơ này lúc này.').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the commune’s view of a dossier forwarded out');
  await specialist.close();
});

test('the department, in its own session, finds it in its inbox, gives its opinion and sends it back', async () => {
  const dept = await as('specialist', DEPARTMENT);
  const { page } = dept;
  await page
    .getByRole('navigation', { name: 'Hàng đợi' })
    .getByRole('link', { name: /Hồ sơ cần xử lý/ })
    .click();
  await page.locator(`tr[data-code="${code}"]`).getByRole('link').first().click();
  await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor({ timeout: 60_000 });
  assert.deepEqual(await axeViolations(page), [], 'the department’s dossier page');
  await act(page, 'Nhận xử lý');
  await act(page, 'Chuyển bước xử lý', () =>
    page.getByLabel('Ý kiến').fill('Sở Xây dựng thống nhất cấp phép; tầng hầm đúng quy chuẩn.'),
  );
  await stepShown(page, /Lãnh đạo Ủy ban nhân dân xã ký giấy phép/);
  await dept.close();
});

test('back at the commune: the leader signs the permit with the result file', async () => {
  const leader = await as('leader', COMMUNE);
  const { page } = leader;
  await open(page);
  // The department's opinion is on the timeline.
  await page.getByText('Sở Xây dựng thống nhất cấp phép; tầng hầm đúng quy chuẩn.').waitFor();
  if (await page.getByRole('button', { name: 'Nhận xử lý', exact: true }).count()) await act(page, 'Nhận xử lý');
  await act(page, 'Phê duyệt', () =>
    page.getByLabel(/^Tệp kết quả/).setInputFiles({
      name: 'giay-phep-xay-dung.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% giay-phep\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
    }),
  );
  const events = (await (await page.request.get(`${server.url}/api/v1/dossiers/${code}/events`)).json()) as {
    items: { kind: string; event: { agency?: string } }[];
  };
  assert.deepEqual(
    events.items.map((e) => e.kind),
    ['submit', 'accept', 'claim', 'send_external', 'receive_external', ...events.items.slice(5).map((e) => e.kind)],
  );
  assert.equal(events.items.at(-1)!.kind, 'approve');
  assert.ok(events.items.filter((e) => e.kind === 'forward').length >= 2, 'out to the department and back');
  await leader.close();
});

test('no CSP violation and no page error in any of it', () => {
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
});
