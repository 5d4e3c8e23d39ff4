import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO, watchedContext } from './support.ts';

export { axeViolations } from './support.ts';

/** The demo password and the username holding `role` at `agency`, from the server's demo-logins.txt. */
export function demoLogin(dataDir: string, role: string, agency: string): { username: string; password: string } {
  const text = readFileSync(join(dataDir, 'demo-logins.txt'), 'utf8');
  const password = /password: ([^)\s]+)\)/.exec(text)![1]!;
  const line = text.split('\n').find((l) => l.includes(`${role}@${agency}`));
  if (!line) throw new Error(`no demo account ${role}@${agency}`);
  return { username: line.trim().split(/\s+/)[0]!, password };
}

/** A staff session for API calls made by the test itself (setting up, not what is tested). */
export async function apiSession(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await r.json().catch(() => null)) as unknown;
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
}

const pdf = (name: string) =>
  new Blob([`%PDF-1.4\n% ${name}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`], { type: 'application/pdf' });

/** An online birth registration submitted through the public API; its dossier code. */
export async function submitBirthRegistration(url: string, childName: string): Promise<string> {
  return (await submitBirthRegistrationTracked(url, childName)).code;
}

/** The same, with the tracking secret the applicant is given (for <motcua-track>). */
export async function submitBirthRegistrationTracked(
  url: string,
  childName: string,
): Promise<{ code: string; secret: string }> {
  const data = JSON.parse(readFileSync(join(REPO, 'runtime/test/fixtures/birth-valid.json'), 'utf8')) as {
    child: { fullName: string; birthDate: string };
  };
  data.child.fullName = childName;
  // Born ten days ago: within the 60 days, free, so the dossier waits for no payment (the servers
  // run on the real clock).
  data.child.birthDate = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const form = new FormData();
  form.append('submission', JSON.stringify({ version: 1, agency: '000.20.01.H56', data }));
  // Online the e-form is the declaration: only the birth certificate is uploaded.
  form.append('documents.giay-chung-sinh', pdf('giay-chung-sinh.pdf'), 'giay-chung-sinh.pdf');
  const res = await fetch(`${url}/api/v1/public/procedures/1.001193/dossiers`, { method: 'POST', body: form });
  const body = (await res.json()) as { code?: string; secret?: string };
  if (res.status !== 201 || !body.code || !body.secret)
    throw new Error(`submit: ${res.status} ${JSON.stringify(body)}`);
  return { code: body.code, secret: body.secret };
}

/** The element focused now, through shadow roots: its tag, id, text and data-kind/data-code. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const h = el as HTMLElement;
    return `${h.tagName.toLowerCase()}#${h.id}[${h.dataset.kind ?? h.dataset.code ?? ''}] ${(h.textContent ?? '').trim().slice(0, 60)}`;
  });
}

/** Presses Tab until the focused element matches (keyboard only); fails after `max` presses. */
export async function tabTo(page: Page, match: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (match.test(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${match} (at: ${await focused(page)})`);
}

/** A PDF read as a person would: its text (pdftotext) and the QR codes on page 1 (pdftoppm + zbarimg). */
export function readPdf(bytes: Uint8Array): { text: string; qr: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-slip-'));
  try {
    const path = join(dir, 'slip.pdf');
    writeFileSync(path, bytes);
    const run = (cmd: string, args: string[]) =>
      execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const text = run('pdftotext', ['-enc', 'UTF-8', '-layout', path, '-']);
    run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', path, join(dir, 'page')]);
    const png = readdirSync(dir).find((f) => f.endsWith('.png'))!;
    const qr = run('zbarimg', ['--raw', '-q', join(dir, png)])
      .split('\n')
      .filter(Boolean);
    return { text, qr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A small scanned page (PDF) as Playwright's setInputFiles takes it. */
export const scan = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`),
});

/** A staff page in its own browser context, Vietnamese, recording CSP violations and page errors. */
export function staffContext(
  browser: Browser,
  violations: string[],
  errors: string[],
): Promise<{ context: BrowserContext; page: Page }> {
  return watchedContext(browser, violations, errors);
}

/** Signs in through the login page and waits for the workspace. */
export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/staff/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor({ timeout: 60_000 });
}
