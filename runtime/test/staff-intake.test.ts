import { expect, fixture, html } from '@open-wc/testing';
import type { CaseView, PublicProcedure } from '@motcua/api';
import { INTAKE_ELEMENTS } from '../src/staff/intake/elements.ts';
import type { StaffIntake } from '../src/staff/intake/staff-intake.ts';
import { defineElements } from '../src/staff/app/define-elements.ts';
import type { StaffData } from '../src/staff/data/staff-data.ts';
import { waitFor } from './support/helpers.ts';

/**
 * The counter after a dossier is saved: one panel tells it (not the citizen form's receipt as
 * well), and the next person starts from an empty screen, not from the last one's details.
 */

defineElements(INTAKE_ELEMENTS);

const returning = {
  code: '000.20.01.H56-261101-0001',
  applicant: { kind: 'citizen', name: 'Nguyễn Thị Hoa', idNumber: '001190012345', phone: '0912345678' },
} as unknown as CaseView;

const data = {
  procedures: async () => [
    {
      code: '1.001193',
      version: 1,
      title: { vi: 'Đăng ký khai sinh' },
      field: { code: 'ho-tich', title: { vi: 'Hộ tịch' } },
      serviceLevel: 'full',
      receiving: {},
    },
  ],
  procedureVersion: async () =>
    (await (await fetch('/mock/ok/api/v1/public/procedures/1.001193')).json()) as PublicProcedure,
  validators: async (url: string) => {
    const mod = (await import(/* @vite-ignore */ new URL(url).pathname)) as { validators: Record<string, unknown> };
    return mod.validators;
  },
  inbox: async () => ({ items: [returning], nextCursor: null }),
  issueSlip: async () => [{ id: 'slip-1', format: 'pdf' }],
  slipUrl: (code: string, id: string) => `/slips/${code}/${id}`,
} as unknown as StaffData;

describe('<motcua-staff-intake> after a dossier is saved', () => {
  const open = window.open;
  beforeEach(() => {
    window.open = () => null;
  });
  afterEach(() => {
    window.open = open;
  });

  it('shows one receipt panel, then clears everything for the next person', async () => {
    const el = await fixture<StaffIntake>(
      html`<motcua-staff-intake .data=${data} agency="000.20.01.H56"></motcua-staff-intake>`,
    );
    const root = el.shadowRoot!;
    const find = root.querySelector<HTMLInputElement>('#find-id')!;
    find.value = '001190012345';
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitFor(() => root.querySelector('dl.facts'), 'the returning applicant');
    const pick = await waitFor(() => root.querySelector<HTMLButtonElement>('.procedures button'), 'the procedures');
    pick.click();
    const form = await waitFor(() => root.querySelector('motcua-form'), 'the form');
    expect(root.querySelector('motcua-staff-guidance')).to.not.equal(null);

    form.dispatchEvent(
      new CustomEvent('motcua-submitted', { detail: { code: '000.20.01.H56-261205-0001' }, bubbles: true }),
    );
    await waitFor(() => root.querySelector('.received a.button'), 'the receipt slip');
    expect(root.querySelector('#received-title')!.textContent).to.contain('000.20.01.H56-261205-0001');
    expect(root.querySelector('motcua-form'), 'the citizen form and its own receipt').to.equal(null);
    expect(root.querySelector('motcua-staff-guidance')).to.equal(null);

    root.querySelector<HTMLButtonElement>('#next-applicant')!.click();
    await el.updateComplete;
    expect(root.querySelector('.received')).to.equal(null);
    expect(root.querySelector('dl.facts'), 'the last applicant is gone').to.equal(null);
    expect(root.querySelector('[role="status"]')).to.equal(null);
    expect(find.value).to.equal('');
    expect(root.activeElement).to.equal(find);
    expect(root.querySelector('.procedures button[aria-pressed="true"]')).to.equal(null);
  });
});
