import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { CaseView } from '@motcua/api';
import { StaffInbox } from '../src/staff/inbox/staff-inbox.ts';
import type { InboxFilter, StaffData } from '../src/staff/data/staff-data.ts';
import { QUEUES, STAGES } from '../src/staff/inbox/queues.ts';
import { waitFor } from './support/helpers.ts';

/** The inbox as a clerk's tablet shows it: the list on screen, the page no wider than the screen. */

if (!customElements.get('motcua-staff-inbox')) customElements.define('motcua-staff-inbox', StaffInbox);

const dossier = (n: number): CaseView =>
  ({
    code: `000.20.01.H56-261204-000${n}`,
    procedure: { code: '1.013225', version: 1, title: { vi: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ' } },
    field: 'xay-dung',
    channel: 'online',
    status: 4,
    statusLabel: { vi: 'Đang xử lý' },
    applicant: { kind: 'citizen', name: 'Nguyễn Thị Phương Thảo', idNumber: '001190012345', phone: '0912345678' },
    location: {
      agency: '000.20.01.H56',
      agencyName: { vi: 'Phường Trung Tâm' },
      step: 'tham-dinh',
      stepTitle: { vi: 'Thẩm định hồ sơ, kiểm tra thực địa và lấy ý kiến các cơ quan liên quan' },
      role: 'specialist',
      assigneeName: 'Chuyên viên — Phường Trung Tâm',
    },
    submittedAt: '2026-12-01T08:00:00+07:00',
    acceptedAt: '2026-12-01T08:30:00+07:00',
    dueAt: '2026-12-20T17:00:00+07:00',
    stepDueAt: '2026-12-10T17:00:00+07:00',
    overdue: false,
    pausedSince: null,
    closed: false,
    supplement: null,
    withdrawalRequested: false,
    payment: { amount: 75_000, description: null, requestedAt: '2026-12-01T08:30:00+07:00', paidAt: null },
    lockVersion: 1,
  }) as unknown as CaseView;

/** Five dossiers; none when a search or filter is set (a search that matches nothing). */
function fakeData(asked: InboxFilter[]): StaffData {
  const counts = STAGES.map((stage) => ({
    stage,
    queues: QUEUES.filter((q) => q.stage === stage).map((q) => ({ id: q.id, count: 3 })),
  }));
  return {
    inbox: async (_agency: string, filter: InboxFilter) => {
      asked.push(filter);
      const searching = filter.q || filter.channel || filter.procedure;
      return { items: searching ? [] : [1, 2, 3, 4, 5].map(dossier), nextCursor: null };
    },
    queues: async (_agency: string, scope: string) => ({ scope, stages: counts }),
    preferences: async () => ({ savedFilters: [], columns: null }),
    savePreferences: async (p: unknown) => p,
    exportUrl: () => '/export.csv',
    watch: () => () => undefined,
    procedures: async () => [],
    slipUrl: () => '/slip.pdf',
  } as unknown as StaffData;
}

async function inbox(width: number, height: number, asked: InboxFilter[] = []) {
  await setViewport({ width, height });
  const el = document.createElement('motcua-staff-inbox') as StaffInbox;
  el.data = fakeData(asked);
  el.agency = '000.20.01.H56';
  el.user = 'reception.trung-tam';
  // The workspace's frame around a screen (its padding).
  document.body.style.margin = '0';
  document.body.style.padding = '1rem';
  document.body.append(el);
  await el.drawn;
  await el.updateComplete;
  return el;
}

const root = (el: StaffInbox) => el.shadowRoot!;

describe('<motcua-staff-inbox> on a tablet', () => {
  afterEach(async () => {
    document.querySelectorAll('motcua-staff-inbox').forEach((e) => e.remove());
    document.body.style.padding = '';
    await setViewport({ width: 800, height: 600 });
  });

  for (const [width, height] of [
    [768, 1024],
    [1024, 768],
  ] as const)
    it(`is no wider than a ${width} × ${height} screen: the table scrolls in its own box`, async () => {
      const el = await inbox(width, height);
      expect(root(el).querySelectorAll('tbody tr').length).to.equal(5);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      expect(root(el).querySelector('main')!.getBoundingClientRect().right).to.be.at.most(width);
    });

  it('in portrait, lays the queues side by side so the list starts on the first screen', async () => {
    const el = await inbox(768, 1024);
    const firstRow = root(el).querySelector('tbody tr')!.getBoundingClientRect();
    expect(firstRow.top).to.be.below(1024, 'the first dossier is on screen without scrolling');
    const nav = root(el).querySelector('nav')!;
    expect(nav.getBoundingClientRect().height).to.be.below(600);
  });

  it('gives each queue link, details toggle, scope and row tick a finger-sized target', async () => {
    const el = await inbox(1024, 768);
    for (const target of root(el).querySelectorAll<HTMLElement>('nav a, summary')) {
      const r = target.getBoundingClientRect();
      expect(r.height, target.textContent!.trim()).to.be.at.least(24);
    }
    const ticks = root(el).querySelectorAll<HTMLInputElement>('table input[type="checkbox"], .scope input');
    expect(ticks.length).to.equal(8);
    for (const tick of ticks) {
      const r = tick.getBoundingClientRect();
      expect(Math.min(r.width, r.height), tick.getAttribute('aria-label') ?? tick.value).to.be.at.least(24);
    }
  });
});

describe('<motcua-staff-inbox>: an empty list', () => {
  afterEach(() => document.querySelectorAll('motcua-staff-inbox').forEach((e) => e.remove()));

  it('says a search matched nothing, and clears it in one tap', async () => {
    const asked: InboxFilter[] = [];
    const el = await inbox(1024, 768, asked);
    const q = root(el).querySelector<HTMLInputElement>('#inbox-q')!;
    q.value = 'không có ai';
    root(el).querySelector<HTMLFormElement>('form.toolbar')!.requestSubmit();
    const empty = await waitFor(() => root(el).querySelector('#inbox-empty'), 'the empty list');
    expect(empty.textContent).to.contain('khớp với tìm kiếm');
    expect(asked.at(-1)!.q).to.equal('không có ai');
    empty.querySelector('button')!.click();
    await waitFor(() => root(el).querySelectorAll('tbody tr').length === 5 || null, 'the whole list again');
    expect(asked.at(-1)!.q).to.equal(undefined);
    expect(q.value).to.equal('');
    expect(root(el).querySelector('#inbox-empty')).to.equal(null);
  });

  it('names the queue that has nothing in it', async () => {
    const el = await inbox(1024, 768);
    el.data = { ...el.data, inbox: async () => ({ items: [], nextCursor: null }) } as StaffData;
    const empty = await waitFor(() => root(el).querySelector('#inbox-empty'), 'the empty list');
    expect(empty.textContent!.trim()).to.equal('Không có hồ sơ nào trong mục “Hồ sơ cần xử lý”.');
    expect(empty.querySelector('button')).to.equal(null);
  });
});
