import { expect, fixture, html } from '@open-wc/testing';
import type { Issue } from '@motcua/core';
import { procedure, AGENCIES, JUSTICE } from './support/fixtures.ts';
import { change, type Change } from './support/host.ts';
import '../../src/screens/general-editor.ts';

type General = HTMLElement & {
  procedure: Record<string, unknown>;
  lang: 'vi' | 'en';
  issues: Issue[];
  updateComplete: Promise<boolean>;
};

const KINDS = [
  { id: 'province', title: { vi: 'UBND tỉnh', en: 'Provincial People’s Committee' }, level: 1 },
  { id: 'province-department', title: { vi: 'Sở, ban, ngành cấp tỉnh', en: 'Provincial department' }, level: 1 },
  { id: 'commune', title: { vi: 'UBND xã, phường', en: 'Commune People’s Committee' }, level: 2 },
];

/** The province's agencies and kinds as the server lists them; anything else is not found. */
function serveDirectory() {
  const real = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    if (url.pathname === '/api/v1/agencies')
      return json({ items: AGENCIES.map((a) => ({ ...a, active: true, successor: null })) });
    if (url.pathname === '/api/v1/agency-kinds') return json({ items: KINDS });
    return real(input, init);
  };
  return () => {
    window.fetch = real;
  };
}

async function general(p: Record<string, unknown>, issues: Issue[] = [], lang: 'vi' | 'en' = 'vi') {
  const el = await fixture<General>(
    html`<mc-general-editor .procedure=${p} .issues=${issues} lang=${lang}></mc-general-editor>`,
  );
  const changes: Change[] = [];
  el.addEventListener('procedure-change', (e) => {
    changes.push((e as CustomEvent<Change>).detail);
    el.procedure = (e as CustomEvent<Change>).detail.procedure as unknown as Record<string, unknown>;
  });
  await el.updateComplete;
  return { el, changes };
}

describe('mc-general-editor', () => {
  let restore: () => void;
  before(() => {
    restore = serveDirectory();
  });
  after(() => {
    restore();
  });

  it('shows the identity: the owning agency by name and its level, and core’s problems beside their fields', async () => {
    const p = procedure() as unknown as Record<string, unknown>;
    const issues: Issue[] = [
      { pointer: '/title/vi', code: 'minLength', message: { vi: 'Tên không được để trống', en: 'The name is empty' } },
      { pointer: '/legalBasis/0/ref', code: 'minLength', message: { vi: 'Thiếu số hiệu', en: 'No number' } },
    ];
    p.legalBasis = [{ ref: '', title: { vi: 'Luật Hộ tịch' } }];
    const { el } = await general(p, issues);
    await waitUntil(() => el.querySelector('#g-owner-level')!.textContent!.includes('cấp 1'));
    expect(el.querySelector('#g-owner')!.textContent).to.contain(`Sở Tư pháp (${JUSTICE})`);
    expect(el.querySelector('#g-owner-level')!.textContent).to.contain('Sở, ban, ngành cấp tỉnh (cấp 1)');
    const title = el.querySelector<HTMLInputElement>('#g--title-vi')!;
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector(`#${title.getAttribute('aria-describedby')}`)!.textContent).to.contain(
      'Tên không được để trống',
    );
    const ref = el.querySelector<HTMLInputElement>('#g--legalBasis-0-ref')!;
    expect(ref.getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector<HTMLInputElement>('#g--field-code')!.getAttribute('aria-invalid')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('a missing service level is asked for, not shown as chosen', async () => {
    const p = procedure() as unknown as Record<string, unknown>;
    delete p.serviceLevel;
    const { el, changes } = await general(p, [
      { pointer: '', code: 'required', message: { vi: 'Thiếu serviceLevel', en: 'No serviceLevel' } },
    ]);
    const level = el.querySelector<HTMLSelectElement>('#g-level')!;
    expect(level.value).to.equal('');
    await change(level, 'partial', el as never);
    expect(changes[0]!.procedure.serviceLevel).to.equal('partial');
  });

  it('the effective date is typed and shown day first in English too; text that is no date is not stored', async () => {
    const { el, changes } = await general(procedure() as unknown as Record<string, unknown>, [], 'en');
    const date = el.querySelector<HTMLInputElement>('#g-effective')!;
    expect(date.type).to.equal('text');
    expect(date.value).to.equal('01/01/2099');
    await change(date, '07/31/2099', el as never);
    expect(changes).to.have.length(0);
    expect(el.querySelector('#g-effective-error')!.textContent).to.contain('day/month/year');
    await change(date, '31/07/2099', el as never);
    expect(changes.at(-1)!.procedure.effectiveFrom).to.equal('2099-07-31');
    await el.updateComplete;
    expect(date.value).to.equal('31/07/2099');
    expect(el.querySelector('#g-effective-error')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

async function waitUntil(f: () => boolean) {
  for (let i = 0; i < 100 && !f(); i++) await new Promise((r) => setTimeout(r, 50));
}
