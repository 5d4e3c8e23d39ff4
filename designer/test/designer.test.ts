// End to end: the designer against a real motcua server in Chromium, under its own CSP (zero
// violations): sign in as a department's designer, create a procedure from scratch, build its form
// without typing JSON (keyboard only for one field), edit it in the JSON view and undo that with one
// undo, break the JSON and see the problem while the visual views keep working, two sessions on one
// draft meeting a visible conflict with nothing lost, and axe-core on every screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium.mjs';
import {
  REPO,
  axeViolations,
  ensureRuntimeBuilt,
  startServer,
  watchedContext,
  type RunningServer,
} from '../../test/e2e/support.ts';

const PASSWORD = 'designer-e2e-password';
const USER = 'designer.justice';
const CODE = `E2E.${Date.now() % 1_000_000}`;

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

async function session(): Promise<{ context: BrowserContext; page: Page }> {
  const watched = await watchedContext(browser, violations, errors, { viewport: { width: 1400, height: 1000 } });
  await watched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  return watched;
}

async function signIn(page: Page) {
  await page.goto(`${server.url}/designer/`);
  await page.fill('input[name=username]', USER);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('mc-login-screen button[type=submit]');
  await page.waitForSelector('mc-procedure-list table.list');
}

async function axe(page: Page, screen: string) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${screen}`);
}

async function waitSaved(page: Page) {
  await page.waitForFunction(() => document.querySelector('.save-state')?.getAttribute('data-state') === 'saved');
}

/** The draft the server holds now (the page's own session). */
async function serverDraft(page: Page): Promise<Record<string, any>> {
  return page.evaluate(async (code) => {
    const r = await fetch(`/api/v1/procedures/${code}`, { headers: { accept: 'application/json' } });
    return (await r.json()).draft;
  }, CODE);
}

const cards = (page: Page) => page.locator('.canvas .card-el');

let first: { context: BrowserContext; page: Page };

test('sign in, create from scratch, build the form without JSON and with the keyboard only', async () => {
  first = await session();
  const { page } = first;
  const monaco: string[] = [];
  page.on('request', (r) => {
    if (/monaco|json\.worker|editor\.worker/.test(r.url())) monaco.push(r.url());
  });
  await signIn(page);
  await axe(page, 'procedure list');
  await page.click('text=Tạo thủ tục');
  await page.fill('input[name=code]', CODE);
  await page.fill('input[name=titleVi]', 'Thủ tục kiểm thử');
  await axe(page, 'create form');
  await page.click('form.card button[type=submit]');
  await page.waitForSelector('#g--field-code');
  await axe(page, 'general');
  await page.fill('#g--field-code', 'thu-nghiem');
  await page.fill('#g--field-title-vi', 'Lĩnh vực thử nghiệm');

  await page.click('nav.tasks >> text=Tờ khai');
  await page.waitForSelector('#palette-search');
  // Keyboard only: find "date" in the palette, Enter adds it, the focus is on its label: type it.
  await page.focus('#palette-search');
  await page.keyboard.type('ngay');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'prop-label-vi');
  await page.keyboard.type('Ngày đề nghị');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Requested date');
  // Required, by keyboard: Tab to the checkbox and press Space.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'prop-required');
  await page.keyboard.press('Space');
  await page.fill('#palette-search', '');
  for (const type of ['text', 'integer', 'select', 'email']) await page.click(`.palette button[data-type=${type}]`);
  assert.equal(await cards(page).count(), 5);
  await expectText(page, '.canvas', 'Ngày đề nghị');
  // Move the last field up with its named button; the preview (the runtime) shows the fields.
  await page.getByRole('button', { name: /Chuyển "Thư điện tử 5" lên/ }).click();
  await page.waitForSelector('.preview-frame motcua-jsonforms, .preview-frame motcua-form');
  await axe(page, 'applicant form');
  await waitSaved(page);
  const draft = await serverDraft(page);
  const props = draft.form.schema.properties;
  assert.equal(Object.keys(props).length, 5);
  assert.equal(props.field1.title, 'Ngày đề nghị / Requested date');
  assert.equal(props.field1.format, 'date');
  assert.deepEqual(draft.form.schema.required, ['field1']);
  assert.equal(draft.form.uischema.elements[3].scope, '#/properties/field5');
  assert.deepEqual(monaco, [], 'Monaco is not fetched before a JSON view opens');
  for (const section of ['Thành phần hồ sơ', 'Rà soát và công bố', 'Lịch sử']) {
    await page.click(`nav.tasks >> text=${section}`);
    await page.waitForTimeout(200);
    await axe(page, section);
  }
});

async function expectText(page: Page, selector: string, text: string) {
  await page.waitForFunction(([s, t]) => (document.querySelector(s!)?.textContent ?? '').includes(t!), [
    selector,
    text,
  ] as const);
}

async function pasteJson(page: Page, text: string) {
  await page.click('.monaco-editor .view-lines');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

test('an edit in the JSON view shows in the visual editor and one undo reverts it; invalid JSON breaks nothing', async () => {
  const { page } = first;
  await page.click('nav.tasks >> text=Tờ khai');
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  await page.waitForSelector('.monaco-editor .view-lines');
  await axe(page, 'JSON view');
  const draft = await serverDraft(page);
  draft.form.schema.properties.field2.title = 'Sửa trong JSON / Edited in JSON';
  await pasteJson(page, JSON.stringify(draft, null, 2));
  await page.waitForTimeout(600);
  await page.getByRole('button', { name: 'Trình soạn thảo' }).click();
  await page.click('nav.tasks >> text=Tờ khai');
  await expectText(page, '.canvas', 'Sửa trong JSON');
  await page.locator('body').press('Control+z');
  await expectText(page, '.canvas', 'Chữ (một dòng) 2');
  assert.doesNotMatch((await page.textContent('.canvas')) ?? '', /Sửa trong JSON/);

  // Invalid JSON: the problem is shown, the visual views keep the last valid definition.
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  await page.waitForSelector('.monaco-editor .view-lines');
  await pasteJson(page, '{ "code": "x", ');
  await expectText(page, 'mc-problems-panel', 'dòng 1');
  await expectText(page, 'mc-problems-panel', 'JSON đang có lỗi cú pháp');
  await page.getByRole('button', { name: 'Trình soạn thảo' }).click();
  await page.click('nav.tasks >> text=Tờ khai');
  assert.equal(await cards(page).count(), 5);
  await waitSaved(page);
  assert.equal(Object.keys((await serverDraft(page)).form.schema.properties).length, 5);
});

test('two sessions editing one draft: a visible conflict with both versions, and no edit lost', async () => {
  const a = first.page;
  const { page: b, context } = await session();
  await signIn(b);
  await b.goto(`${server.url}/designer/#/p/${CODE}/general`);
  await a.goto(`${server.url}/designer/#/p/${CODE}/general`);
  await a.waitForSelector('#g--title-en');
  await b.waitForSelector('#g--title-en');
  await a.fill('#g--title-en', 'Edited by A');
  await waitSaved(a);
  await b.fill('#g--field-title-en', 'Edited by B');
  await b.waitForSelector('mc-conflict-panel');
  assert.match((await b.textContent('.conflict-mine')) ?? '', /Edited by B/);
  assert.match((await b.textContent('.conflict-theirs')) ?? '', /Edited by A/);
  assert.equal((await serverDraft(b)).title.en, 'Edited by A', 'theirs is not overwritten meanwhile');
  await axe(b, 'conflict');
  // B takes A's version: B's edit stays one undo away, and B can then keep both.
  await b.getByRole('button', { name: 'Dùng phiên bản trên máy chủ' }).click();
  await waitSaved(b);
  assert.equal(await b.inputValue('#g--title-en'), 'Edited by A');
  await b.locator('body').press('Control+z');
  assert.equal(await b.inputValue('#g--field-title-en'), 'Edited by B');
  await b.waitForFunction(() => document.querySelector('.save-state')?.getAttribute('data-state') !== 'saved');
  await waitSaved(b);
  const merged = await serverDraft(b);
  assert.equal(merged.field.title.en, 'Edited by B');
  await context.close();
});

test('a crashed tab loses at most a moment: the unsaved edit is offered back', async () => {
  const { page: before, context } = await session();
  await signIn(before);
  // The server never gets this edit, as when the tab dies before autosave.
  const draftUrl = `${server.url}/api/v1/procedures/${CODE}/draft`;
  await context.route(draftUrl, (route) => (route.request().method() === 'PUT' ? route.abort() : route.continue()));
  await before.goto(`${server.url}/designer/#/p/${CODE}/general`);
  await before.waitForSelector('#g--title-en');
  await before.fill('#g--title-en', 'Unsaved before the crash');
  await before.waitForTimeout(700);
  await before.close();
  await context.unroute(draftUrl);
  const after = await context.newPage();
  await after.goto(`${server.url}/designer/#/p/${CODE}/general`);
  await after.waitForSelector('.workspace > .banner');
  await after.getByRole('button', { name: 'Khôi phục' }).click();
  assert.equal(await after.inputValue('#g--title-en'), 'Unsaved before the crash');
  await after.waitForFunction(() => document.querySelector('.save-state')?.getAttribute('data-state') !== 'saved');
  await waitSaved(after);
  assert.equal((await serverDraft(after)).title.en, 'Unsaved before the crash');
  await context.close();
});

test('no CSP violation and no page error anywhere', () => {
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
});
