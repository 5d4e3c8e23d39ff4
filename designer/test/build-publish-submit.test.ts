// End to end, the designer's headline against a real motcua server in Chromium: a department's
// designer builds a new procedure from scratch without typing JSON (five fields over two pages, a
// condition that shows a field, a document and a fee exemption under that condition, a two-step
// route across two agencies, a deadline in working days, one passing test scenario), previews it
// with the runtime, publishes it with its diff and a change note; a citizen then submits it
// through <motcua-form> on the sample site, and the dossier routes as designed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium.mjs';
import {
  REPO,
  axeViolations,
  ensureRuntimeBuilt,
  startServer,
  watchedContext,
  type RunningServer,
} from '../../test/e2e/support.ts';
import { apiSession } from '../../test/e2e/staff-support.ts';

const PASSWORD = 'designer-build-password';
const OWNER = '000.00.10.H56'; // Sở Tư pháp: receives and reviews
const SECOND = '000.00.12.H56'; // Sở Tài chính: decides
const CODE = `1.8${String(Date.now() % 100_000).padStart(5, '0')}`;

let server: RunningServer;
let browser: Browser;
const violations: string[] = [];
const errors: string[] = [];

before(async () => {
  ensureRuntimeBuilt();
  if (!existsSync(join(REPO, 'designer/dist/index.html')))
    execFileSync('npm', ['run', 'build', '-w', '@motcua/designer'], { cwd: REPO, stdio: 'inherit' });
  server = await startServer({ env: { MOTCUA_DEMO_PASSWORD: PASSWORD }, timeoutMs: 240_000 });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<Page> {
  return (await watchedContext(browser, violations, errors, { viewport: { width: 1400, height: 1000 } })).page;
}

async function axe(page: Page, screen: string) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${screen}`);
}

/** With DESIGNER_SHOTS=<dir>, a screenshot of each screen for a person to look at. */
async function shot(page: Page, name: string) {
  if (process.env.DESIGNER_SHOTS) await page.screenshot({ path: join(process.env.DESIGNER_SHOTS, `${name}.png`) });
}

const section = (page: Page, name: string) => page.click(`nav.tasks >> text=${name}`);

/** Adds a field from the palette and names it (the new field is selected with its properties open). */
async function addField(page: Page, type: string, vi: string, en: string) {
  await page.click(`.palette button[data-type=${type}]`);
  await page.fill('#prop-label-vi', vi);
  await page.fill('#prop-label-en', en);
}

/** Chooses `value` in the select labelled `label` inside `scope`, as a person does (change event). */
async function choose(page: Page, scope: string, label: string, value: string) {
  // By role: a label's text also holds the option texts of the select it wraps.
  await page.locator(scope).getByRole('combobox', { name: label, exact: true }).selectOption(value);
}

async function type(page: Page, scope: string, label: string, text: string) {
  const input = page.locator(scope).getByLabel(label, { exact: true });
  await input.fill(text);
  await input.press('Tab');
}

test('a procedure built from scratch without JSON is previewed, published with its note, submitted and routed', async () => {
  const page = await newPage();
  await page.goto(`${server.url}/designer/`);
  await page.fill('input[name=username]', 'designer.justice');
  await page.fill('input[name=password]', PASSWORD);
  await page.click('mc-login-screen button[type=submit]');
  await page.waitForSelector('mc-procedure-list table.list');
  await page.click('text=Tạo thủ tục');
  await page.fill('input[name=code]', CODE);
  await page.fill('input[name=titleVi]', 'Cấp bản sao trích lục (thử nghiệm)');
  await page.click('form.card button[type=submit]');
  await page.waitForSelector('#g--field-code');
  await page.fill('#g--field-code', 'ho-tich');
  await page.fill('#g--field-title-vi', 'Hộ tịch');

  // The form: three fields, then a page (the first page takes them), then two fields on page 2.
  await section(page, 'Tờ khai');
  await page.waitForSelector('#palette-search');
  await addField(page, 'text', 'Họ và tên người yêu cầu', 'Requester’s full name');
  await page.check('#prop-required');
  await addField(page, 'boolean', 'Yêu cầu cho con chưa thành niên', 'For a minor child');
  await addField(page, 'text', 'Họ và tên của con', 'The child’s full name');
  // A new page comes with one text field: select it and name it.
  await page.click('.palette button[data-type=page]');
  // The page's card holds its fields' cards: the innermost match is the field.
  await page.locator('.canvas .card-el', { hasText: 'Chữ (một dòng) 4' }).last().locator('.select').first().click();
  await page.fill('#prop-label-vi', 'Địa chỉ nhận kết quả');
  await page.fill('#prop-label-en', 'Address for the result');
  await addField(page, 'email', 'Thư điện tử nhận thông báo', 'Email for notices');
  // The preview is the runtime's <motcua-form> with this unsaved draft, in vi and en.
  const preview = page.locator('.preview-frame motcua-form');
  await preview.getByText('Họ và tên người yêu cầu').first().waitFor();
  const formLang = page.getByRole('group', { name: 'Ngôn ngữ tờ khai' });
  await formLang.getByRole('button', { name: 'English' }).click();
  await preview.getByText('Requester’s full name').first().waitFor();
  await formLang.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('group', { name: 'Độ rộng' }).getByRole('button').last().click();
  await preview.getByText('Họ và tên người yêu cầu').first().waitFor();
  await shot(page, 'form-preview');

  // The applicant is the requester (the logbook, slips and search read it).
  await section(page, 'Thông tin chung');
  await page.selectOption('#g-person-fullName', '/field1');
  await axe(page, 'general with the applicant');

  // A condition as a sentence: if "for a minor child" is checked, then show the child's name.
  await section(page, 'Điều kiện');
  await page.getByRole('button', { name: 'Thêm điều kiện', exact: true }).click();
  const cond = '[data-condition="dieu-kien"]';
  await type(page, cond, 'Tên (tiếng Việt)', 'yêu cầu cho con');
  await choose(page, cond, 'Trường', '/field2');
  await choose(page, cond, 'Phép so sánh', 'is-true');
  await choose(page, cond, 'Phần tử của tờ khai', '/form/uischema/elements/0/elements/2');
  await page
    .locator(cond)
    .getByRole('button', { name: /^Áp dụng “.*” cho phần tử$/ })
    .click();
  await page.locator(cond).getByText('Hiển thị trên tờ khai').waitFor();
  await axe(page, 'conditions');

  // A document owed only under that condition.
  await section(page, 'Thành phần hồ sơ');
  await page.getByRole('button', { name: 'Thêm giấy tờ', exact: true }).click();
  const doc = '[data-document="giay-to"]';
  await type(page, doc, 'Tên (tiếng Việt)', 'Giấy khai sinh của con');
  await choose(page, doc, 'Phải nộp khi', 'dieu-kien');

  // A fee with an exemption under the same condition.
  await section(page, 'Phí, lệ phí');
  await page.getByRole('button', { name: 'Thêm khoản phí', exact: true }).click();
  const fee = '[data-fee="phi"]';
  await type(page, fee, 'Tên (tiếng Việt)', 'Phí cấp bản sao');
  await type(page, fee, 'Mức thu (đồng)', '8000');
  await page.locator(fee).getByRole('button', { name: 'Thêm trường hợp miễn', exact: true }).click();
  await choose(page, fee, 'Miễn khi', 'dieu-kien');
  await axe(page, 'fees');

  // Seven working days.
  await section(page, 'Thời hạn giải quyết');
  await type(page, 'mc-deadline-editor', 'Số lượng', '7');

  // Two steps: the owner reviews, the Department of Finance decides.
  await section(page, 'Quy trình xử lý');
  await page.getByRole('button', { name: 'Thêm bước', exact: true }).click();
  await page.getByRole('button', { name: 'Thêm bước', exact: true }).click();
  const steps = page.locator('mc-routing-editor fieldset[data-step]');
  assert.equal(await steps.count(), 2);
  const [first, second] = [
    `fieldset[data-step="${await steps.nth(0).getAttribute('data-step')}"]`,
    `fieldset[data-step="${await steps.nth(1).getAttribute('data-step')}"]`,
  ];
  await type(page, first, 'Tên (tiếng Việt)', 'Thẩm định');
  await type(page, second, 'Tên (tiếng Việt)', 'Phê duyệt');
  await choose(page, second, 'Vai trò thực hiện', 'leader');
  await choose(page, second, 'Cơ quan thực hiện', 'code');
  await choose(page, second, 'Cơ quan', SECOND);
  await page.locator('mc-routing-editor').getByText('Không có gì cần xem lại.').waitFor();
  await axe(page, 'routing');
  await shot(page, 'routing');

  // One test scenario: what happens, computed by core, saved as its expectation.
  await section(page, 'Tình huống kiểm thử');
  await page.getByRole('button', { name: 'Thêm tình huống', exact: true }).click();
  // Its answers are entered on the runtime's form; what happens follows each one.
  await page.getByRole('button', { name: /^Trả lời trên biểu mẫu/ }).click();
  const answers = page.locator('mc-scenario-form motcua-form');
  await answers.getByLabel('Họ và tên người yêu cầu').first().fill('Trần Thị Bình');
  await answers.getByLabel('Yêu cầu cho con chưa thành niên').first().check();
  const outcome = page.locator('mc-scenarios-editor .mc-scenario-answer');
  await outcome.getByText('Giấy khai sinh của con').waitFor();
  await page.waitForFunction(
    () => document.querySelector('mc-scenarios-editor dd[data-total]')?.getAttribute('data-total') === '0',
  );
  await shot(page, 'scenario-on-form');
  await axe(page, 'test scenario answered on the form');
  await page.getByRole('button', { name: /^Lưu kết quả hiện tại làm kết quả mong đợi/ }).click();
  await page.locator('mc-scenarios-editor').getByText('1/1 tình huống đạt').waitFor();
  // The task list ticks what core finds complete: the condition placed, the scenario run and passed.
  for (const task of ['Điều kiện', 'Tình huống kiểm thử'])
    await page.locator('nav.tasks a', { hasText: task }).getByText('(đã xong)').waitFor();

  // Review and publish: the diff against nothing (a first version), no blocker once noted.
  await section(page, 'Rà soát và công bố');
  const panel = page.locator('mc-publish-panel');
  await panel.locator('.mc-diff').first().waitFor();
  await panel.getByLabel('Ghi chú thay đổi (bắt buộc)').fill('Ban hành thủ tục mới');
  const publish = panel.getByRole('button', { name: 'Công bố', exact: true });
  try {
    await page.waitForFunction(
      () => {
        const b = [...document.querySelectorAll('mc-publish-panel button.primary')][0] as HTMLButtonElement | undefined;
        return b && !b.disabled;
      },
      undefined,
      { timeout: 30_000 },
    );
  } catch {
    assert.fail(`publishing is blocked: ${await panel.textContent()}`);
  }
  await axe(page, 'review and publish');
  await shot(page, 'publish');
  await publish.click();
  await panel.getByText('Đã công bố phiên bản 1').waitFor();
  await section(page, 'Lịch sử');
  await page.locator('mc-history-panel td.mc-note').getByText('Ban hành thủ tục mới').waitFor();

  // What was published is what was built.
  const designer = await apiSession(server.url, 'designer.justice', PASSWORD);
  const v1 = (await designer('GET', `/api/v1/procedures/${CODE}/versions/1`)) as { definition: any };
  const d = v1.definition;
  assert.deepEqual(Object.keys(d.form.schema.properties), ['field1', 'field2', 'field3', 'field4', 'field5']);
  assert.equal(d.form.uischema.type, 'Categorization');
  assert.equal(d.deadline.unit, 'working-days');
  assert.equal(d.deadline.value, 7);
  assert.deepEqual(d.documents[0].when, d.conditions[0].when);
  assert.deepEqual(d.fees.items[0].exemptions[0].when, d.conditions[0].when);
  assert.deepEqual(
    d.workflow.steps.map((s: any) => [s.role, s.agency]),
    [
      ['specialist', { relative: 'receiving' }],
      ['leader', { code: SECOND }],
    ],
  );

  // A citizen on the sample site (strict CSP) files it with <motcua-form>.
  const citizen = await newPage();
  await citizen.goto(`${server.url}/site/khai-sinh.html`);
  await citizen.waitForSelector('motcua-form');
  await citizen.evaluate((code) => {
    const old = document.querySelector('motcua-form')!;
    const form = document.createElement('motcua-form');
    form.setAttribute('procedure', code);
    form.setAttribute('server', '/');
    old.replaceWith(form);
  }, CODE);
  const form = citizen.locator('motcua-form');
  await form.getByLabel('Họ và tên người yêu cầu').fill('Trần Thị Thử');
  assert.equal(await form.getByLabel('Họ và tên của con').count(), 0, 'hidden until the condition holds');
  await form.getByLabel('Yêu cầu cho con chưa thành niên').check();
  await form.getByLabel('Họ và tên của con').fill('Trần Văn Con');
  await form.getByRole('button', { name: /Tiếp tục/ }).click();
  await form.getByLabel('Địa chỉ nhận kết quả').fill('12 Lê Lợi, Phường Trung Tâm');
  await form.getByLabel('Thư điện tử nhận thông báo').fill('thu@example.vn');
  await form.locator('#mc-file-giay-to').setInputFiles({
    name: 'khai-sinh.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
  });
  await form.locator('.file-name').first().waitFor();
  await form.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await form.locator('.receipt').waitFor();
  await shot(citizen, 'citizen-receipt');
  const receipt = await form.locator('.receipt .code').textContent();
  const code = receipt!.trim();
  assert.match(code, /^000\.00\.10\.H56-/);

  // The dossier routes as designed: accepted and reviewed at the owner, forwarded to Finance.
  const reception = await apiSession(server.url, 'reception.justice', PASSWORD);
  const specialist = await apiSession(server.url, 'specialist.justice', PASSWORD);
  const actions = (await reception('GET', `/api/v1/dossiers/${code}/actions`)) as {
    dossier: { lockVersion: number };
    actions: { kind: string }[];
  };
  assert.ok(
    actions.actions.some((a) => a.kind === 'accept'),
    JSON.stringify(actions.actions),
  );
  const accepted = (await reception('POST', `/api/v1/dossiers/${code}/actions`, {
    kind: 'accept',
    lockVersion: actions.dossier.lockVersion,
  })) as { dossier: { location: { step: string; agency: string } } };
  assert.deepEqual([accepted.dossier.location.step, accepted.dossier.location.agency], [d.workflow.steps[0].id, OWNER]);
  await specialist('POST', `/api/v1/dossiers/${code}/actions`, { kind: 'claim' });
  const forwarded = (await specialist('POST', `/api/v1/dossiers/${code}/actions`, {
    kind: 'forward',
    comment: 'Hồ sơ hợp lệ',
  })) as { dossier: { location: { step: string; agency: string; role: string } } };
  assert.deepEqual(
    [forwarded.dossier.location.step, forwarded.dossier.location.agency, forwarded.dossier.location.role],
    [d.workflow.steps[1].id, SECOND, 'leader'],
  );
});

test('no CSP violation and no page error anywhere', () => {
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
});
