import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { CaseView, DossierView } from '@motcua/api';
import { StaffDossier } from '../src/staff/dossier/staff-dossier.ts';
import { StaffActions } from '../src/staff/dossier/action-panel.ts';
import type { StaffData } from '../src/staff/data/staff-data.ts';
import { waitFor } from './support/helpers.ts';

/** The dossier page's layout: where the actions are, on a desk and on a counter's tablet. */

if (!customElements.get('motcua-staff-dossier')) customElements.define('motcua-staff-dossier', StaffDossier);
if (!customElements.get('motcua-staff-actions')) customElements.define('motcua-staff-actions', StaffActions);

const CODE = '000.20.01.H56-261124-0001';
const location = {
  agency: '000.20.01.H56',
  agencyName: { vi: 'Phường Trung Tâm' },
  step: 'tham-dinh',
  stepTitle: { vi: 'Thẩm định hồ sơ, kiểm tra thực địa' },
  role: 'specialist',
  assignee: null,
  assigneeName: null,
};

const dossier = {
  code: CODE,
  procedure: { code: '1.013225', version: 1 },
  channel: 'direct',
  status: 4,
  statusLabel: { vi: 'Đang xử lý' },
  overdue: false,
  location,
  submittedAt: '2026-11-24T08:52:00+07:00',
  acceptedAt: '2026-11-24T08:52:00+07:00',
  dueAt: '2026-12-20T08:52:00+07:00',
  applicant: { kind: 'person', fullName: 'Vũ Thu Trang', idNumber: '033583483760', phone: '0996811850' },
  submitter: null,
  data: {},
  fees: { items: [], total: 0 },
  state: {},
  files: [],
  lockVersion: 4,
} as unknown as DossierView;

const caseView = {
  code: CODE,
  procedure: { code: '1.013225', version: 1, title: { vi: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ' } },
  status: 4,
  location,
  dueAt: dossier.dueAt,
  stepDueAt: null,
  pausedSince: null,
  payment: null,
  lockVersion: 4,
} as unknown as CaseView;

const data = {
  dossier: async () => dossier,
  actions: async () => ({
    dossier: caseView,
    actions: [{ kind: 'forward', label: { vi: 'Chuyển bước xử lý', en: 'Forward' }, agency: location.agency }],
  }),
  events: async () => [],
  slips: async () => [],
  payments: async () => [],
  procedureVersion: () => Promise.reject(new Error('not needed here')),
} as unknown as StaffData;

async function page(width: number, height: number) {
  await setViewport({ width, height });
  const el = document.createElement('motcua-staff-dossier') as StaffDossier;
  el.data = data;
  el.code = CODE;
  document.body.append(el);
  const root = el.shadowRoot!;
  await waitFor(() => root.querySelector('motcua-staff-actions'), 'the dossier');
  const box = (selector: string) => root.querySelector(selector)!.getBoundingClientRect();
  return { el, box };
}

describe('<motcua-staff-dossier> layout', () => {
  afterEach(async () => {
    document.querySelectorAll('motcua-staff-dossier').forEach((e) => e.remove());
    await setViewport({ width: 800, height: 600 });
  });

  it('on a desk, the actions stand beside the summary', async () => {
    const { box } = await page(1440, 900);
    const summary = box('[aria-labelledby="summary-title"]');
    const actions = box('motcua-staff-actions');
    expect(actions.left).to.be.at.least(summary.right);
    expect(Math.abs(actions.top - summary.top)).to.be.below(2);
    expect(box('main > a[href$="/inbox"]').height, 'the way back: a finger-sized target').to.be.at.least(24);
  });

  it('on a portrait tablet, the actions come right after the summary and the applicant, before the form', async () => {
    const { box } = await page(768, 1024);
    const people = box('[aria-labelledby="people-title"]');
    const actions = box('motcua-staff-actions');
    expect(actions.top).to.be.at.least(people.bottom);
    expect(actions.top).to.be.below(box('[aria-labelledby="form-title"]').top);
    expect(actions.top).to.be.below(1024, 'on the first screen');
  });
});
