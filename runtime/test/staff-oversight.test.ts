import { expect, fixture, html } from '@open-wc/testing';
import type { CaseView } from '@motcua/api';
import { BIEU06_ALL_COLUMNS } from '@motcua/core';
import { OVERSIGHT_ELEMENTS } from '../src/staff/oversight/elements.ts';
import type { StaffOversight } from '../src/staff/oversight/staff-oversight.ts';
import type { OvDossiers } from '../src/staff/oversight/ov-dossiers.ts';
import type { OversightDashboard, StaffData } from '../src/staff/data/staff-data.ts';
import { defineElements } from '../src/staff/app/define-elements.ts';
import { setLang } from '../src/staff/i18n/language.ts';

/** The oversight page against a fixture: filters into the address, the cards' numbers, drill-down links. */

defineElements(OVERSIGHT_ELEMENTS);

const numbers = (o: Partial<OversightDashboard['totals']> = {}): OversightDashboard['totals'] => ({
  accepted: 40,
  online: 30,
  digitised: 20,
  paid: 10,
  paidOnline: 4,
  resolved: 32,
  early: 20,
  onTime: 8,
  late: 4,
  processingMs: 32 * 3 * 86_400_000,
  electronicResult: 12,
  finished: 33,
  indexOnTime: 27,
  supplementOnce: 30,
  earlyOrOnTimePercent: 87.5,
  meanProcessingDays: 3,
  onlineSharePercent: 75,
  onlinePaymentPercent: 40,
  digitisedPercent: 50,
  ...o,
});

const index = (n: number, d: number) => ({ numerator: n, denominator: d, percent: d ? (100 * n) / d : null });

function dashboard(from: string, to: string, early = 87.5): OversightDashboard {
  return {
    agency: 'P',
    period: { from, to },
    generatedAt: '2026-03-18T09:30:00+07:00',
    definitions: { onTime: 'Biểu 06: ngày giải quyết so với ngày hẹn', serviceIndex: 'QĐ 766: thời điểm kết thúc' },
    totals: numbers({ earlyOrOnTimePercent: early }),
    overdueInProgress: 3,
    trend: [
      { month: '2026-02', values: numbers({ earlyOrOnTimePercent: 80 }) },
      { month: '2026-03', values: numbers() },
    ],
    ranking: [
      {
        agency: 'A',
        agencyName: { vi: 'Phường An' },
        values: numbers({ earlyOrOnTimePercent: 95, resolved: 20, late: 1 }),
        overdueInProgress: 0,
      },
      {
        agency: 'B',
        agencyName: { vi: 'Xã Bình' },
        values: numbers({ earlyOrOnTimePercent: 60, resolved: 12, late: 3 }),
        overdueInProgress: 3,
      },
    ],
    serviceIndex: {
      onTime: index(27, 33),
      supplementOnce: index(30, 33),
      onlineShare: index(30, 40),
      onlinePayment: index(4, 10),
      digitised: index(20, 40),
      electronicResult: index(12, 32),
    },
    satisfaction: { ratings: 10, dissatisfied: 1, index: 90 },
  };
}

const dossier = (code: string): CaseView =>
  ({
    code,
    procedure: { code: '1.001193', version: 1, title: { vi: 'Đăng ký khai sinh' } },
    field: 'ho-tich',
    channel: 'online',
    status: 9,
    statusLabel: { vi: 'Đã giải quyết' },
    applicant: { kind: 'citizen', name: 'Nguyễn Văn A', idNumber: null, phone: null },
    location: {
      agency: 'B',
      agencyName: { vi: 'Xã Bình' },
      step: null,
      stepTitle: null,
      role: 'specialist',
      assigneeName: null,
    },
    submittedAt: '2026-03-02T08:00:00+07:00',
    acceptedAt: '2026-03-02T08:00:00+07:00',
    dueAt: '2026-03-05T17:00:00+07:00',
    stepDueAt: null,
    overdue: false,
    pausedSince: null,
    closed: true,
    supplement: null,
    withdrawalRequested: false,
    payment: null,
    lockVersion: 3,
  }) as unknown as CaseView;

type Tweak = (d: OversightDashboard) => OversightDashboard;

function fakeData(calls: { oversight: unknown[]; dossiers: unknown[] }, tweak: Tweak = (d) => d): StaffData {
  return {
    oversight: async (_agency: string, q: { from: string; to: string }) => {
      calls.oversight.push(q);
      // The previous period (its `to` is before the asked one) was worse: a rising trend.
      return tweak(dashboard(q.from, q.to, q.to < '2026-03-01' ? 80 : 87.5));
    },
    oversightDossiers: async (agency: string, q: unknown) => {
      calls.dossiers.push({ agency, ...(q as object) });
      return { items: [dossier('000.20.01.H56-260302-0001')], nextCursor: null };
    },
    bieu06: async () => ({
      agency: 'P',
      period: { from: '2026-03-01', to: '2026-03-18' },
      groupBy: 'agency',
      rollUp: true,
      generatedAt: '',
      rows: [
        {
          agency: 'P',
          agencyName: { vi: 'Tỉnh' },
          depth: 0,
          values: Object.fromEntries(BIEU06_ALL_COLUMNS.map((k) => [k, 7])),
          onTimeRate: 87.5,
        },
      ],
    }),
    bieu06Url: (agency: string, q: Record<string, string>, format: string) =>
      `/api/v1/agencies/${agency}/reports/bieu06?from=${q.from}&to=${q.to}&format=${format}`,
    agenciesWithin: async () => [
      { code: 'P', name: { vi: 'Tỉnh' }, kind: 'province', kindTitle: { vi: 'Tỉnh' }, parent: null },
      { code: 'A', name: { vi: 'Phường An' }, kind: 'commune', kindTitle: { vi: 'Xã, phường' }, parent: 'P' },
      { code: 'B', name: { vi: 'Xã Bình' }, kind: 'commune', kindTitle: { vi: 'Xã, phường' }, parent: 'P' },
    ],
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
  } as unknown as StaffData;
}

const NOW = Date.parse('2026-03-18T02:00:00Z');

async function page(search: string, calls = { oversight: [] as unknown[], dossiers: [] as unknown[] }, tweak?: Tweak) {
  const el = document.createElement('motcua-staff-oversight') as StaffOversight;
  el.now = () => NOW;
  el.data = fakeData(calls, tweak);
  el.agency = 'P';
  el.search = search;
  const loaded = new Promise((r) => el.addEventListener('mc-ov-loaded', r, { once: true }));
  await fixture(html`<div>${el}</div>`);
  await loaded;
  await el.updateComplete;
  return { el, root: el.shadowRoot!, calls };
}

describe('<motcua-staff-oversight>', () => {
  afterEach(() => setLang('vi'));

  it('cards show the fixture’s numbers, their definition and the trend on the previous period', async () => {
    const { root, calls } = await page('?from=2026-03-01&to=2026-03-18');
    expect(calls.oversight).to.deep.include({ from: '2026-03-01', to: '2026-03-18' });
    expect(calls.oversight).to.deep.include({ from: '2026-02-11', to: '2026-02-28' });
    const card = (id: string) => root.querySelector(`[data-card="${id}"]`)!;
    expect(card('early-on-time').querySelector('.big')!.textContent!.trim()).to.equal('87,5%');
    expect(card('early-on-time').textContent).to.contain('28 / 32 hồ sơ');
    expect(card('early-on-time').querySelector('.trend')!.textContent).to.contain('tăng 7,5 điểm');
    expect(card('overdue').querySelector('.big')!.textContent!.trim()).to.equal('3');
    expect(card('mean-days').querySelector('.big')!.textContent!.trim()).to.equal('3 ngày');
    expect(card('online').querySelector('.big')!.textContent!.trim()).to.equal('75%');
    expect(card('online-payment').querySelector('.big')!.textContent!.trim()).to.equal('40%');
    expect(card('digitised').querySelector('.big')!.textContent!.trim()).to.equal('50%');
    expect(card('satisfaction').textContent).to.contain('90%');
    const levels = [...root.querySelectorAll('#ov-level option')].map((o) => o.textContent!.trim());
    expect(levels).to.deep.equal(['Mọi cấp', 'Tỉnh', 'Xã, phường']);
    expect(root.querySelector('.definition')!.textContent).to.contain('Biểu 06: ngày giải quyết so với ngày hẹn');
    expect(root.querySelector('[data-index="onTime"]')!.textContent).to.contain('27');
    expect(root.querySelector('.stamp')!.textContent).to.match(/Cập nhật lúc 09:00/);
  });

  it('every number links to the dossiers behind it', async () => {
    const { root } = await page('?from=2026-03-01&to=2026-03-18&channel=online');
    const href = (sel: string) => root.querySelector(sel)!.getAttribute('href');
    expect(href('[data-card="early-on-time"] a.big')).to.equal(
      '/staff/oversight?from=2026-03-01&to=2026-03-18&channel=online&measure=earlyOrOnTime',
    );
    expect(href('[data-card="overdue"] a.big')).to.contain('measure=overdue');
    expect(href('[data-index="onTime"] a')).to.contain('measure=indexOnTime');
    const late = root.querySelector('tr[data-agency="B"] a[href*="measure=late"]')!;
    expect(late.getAttribute('href')).to.equal(
      '/staff/oversight?from=2026-03-01&to=2026-03-18&channel=online&measure=late&unit=B',
    );
    const files = [...root.querySelectorAll('.bieu06 a[download]')].map((a) => a.getAttribute('data-format'));
    expect(files).to.deep.equal(['csv', 'xlsx', 'pdf']);
  });

  it('a figure with no dossier behind it (0) is plain text, not a link to an empty list', async () => {
    const none: Tweak = (d) => ({
      ...d,
      totals: { ...d.totals, paidOnline: 0, onlinePaymentPercent: 0 },
      overdueInProgress: 0,
      ranking: d.ranking.map((r) => ({ ...r, overdueInProgress: 0 })),
      serviceIndex: { ...d.serviceIndex, onlinePayment: index(0, 10) },
    });
    const { root } = await page('?from=2026-03-01&to=2026-03-18', undefined, none);
    const card = (id: string) => root.querySelector(`[data-card="${id}"]`)!;
    for (const [id, shown] of [
      ['overdue', '0'],
      ['online-payment', '0%'],
    ]) {
      expect(card(id!).querySelector('.big')!.textContent!.trim()).to.equal(shown);
      expect(card(id!).querySelector('a'), `${id} card`).to.equal(null);
    }
    const paidOnline = root.querySelector('[data-index="onlinePayment"]')!;
    expect(paidOnline.querySelectorAll('td')[1]!.textContent!.trim()).to.equal('0');
    expect(paidOnline.querySelector('a'), 'index numerator').to.equal(null);
    expect(root.querySelector('a[href*="measure=overdue"]'), 'no overdue link anywhere').to.equal(null);
    // Figures above 0 still link.
    expect(card('early-on-time').querySelector('a.big')).to.exist;
    expect(root.querySelector('[data-index="onTime"] a')!.textContent).to.equal('27');
  });

  it('a drill-down lists the dossiers read only, each opening its page', async () => {
    const { root, calls } = await page('?from=2026-03-01&to=2026-03-18&measure=late&unit=B');
    const list = root.querySelector('mc-ov-dossiers') as OvDossiers;
    expect(list).to.exist;
    await list.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    await list.updateComplete;
    expect(calls.dossiers).to.deep.equal([
      { agency: 'P', from: '2026-03-01', to: '2026-03-18', measure: 'late', unit: 'B' },
    ]);
    expect(root.querySelector('#drill-title')!.textContent).to.contain('giải quyết quá hạn — Xã Bình');
    const link = list.shadowRoot!.querySelector('tbody a')!;
    expect(link.getAttribute('href')).to.equal('/staff/dossiers/000.20.01.H56-260302-0001');
    expect(link.getAttribute('tabindex')).to.equal(null);
    expect(list.shadowRoot!.querySelectorAll('button, input[type="checkbox"]').length).to.equal(0);
  });

  it('the filters go into the address, dates typed as dd/mm/yyyy; a bad date is said, nothing sent', async () => {
    const { el, root } = await page('');
    const paths: string[] = [];
    el.addEventListener('motcua-navigate', (e) => paths.push((e as CustomEvent<{ path: string }>).detail.path));
    (root.querySelector('#ov-from') as HTMLInputElement).value = '01/01/2026';
    (root.querySelector('#ov-to') as HTMLInputElement).value = '31/01/2026';
    (root.querySelector('#ov-channel') as HTMLSelectElement).value = 'online';
    (root.querySelector('#ov-field') as HTMLSelectElement).value = 'ho-tich';
    (root.querySelector('#ov-agency') as HTMLSelectElement).value = 'A';
    root.querySelector<HTMLButtonElement>('form.filters button[type="submit"]')!.click();
    expect(paths).to.deep.equal([
      '/staff/oversight?from=2026-01-01&to=2026-01-31&agency=A&field=ho-tich&channel=online',
    ]);
    (root.querySelector('#ov-from') as HTMLInputElement).value = '31/02/2026';
    root.querySelector<HTMLButtonElement>('form.filters button[type="submit"]')!.click();
    await el.updateComplete;
    expect(paths).to.have.length(1);
    expect(root.querySelector('form.filters [role="alert"]')!.textContent).to.contain('Từ ngày');
  });

  it('the ranking sorts by a column heading and says so', async () => {
    const { el, root } = await page('?from=2026-03-01&to=2026-03-18');
    const order = () => [...root.querySelectorAll('table.ranking tbody tr')].map((r) => r.getAttribute('data-agency'));
    expect(order()).to.deep.equal(['A', 'B']);
    root.querySelector<HTMLButtonElement>('button[data-sort="overdue"]')!.click();
    await el.updateComplete;
    expect(order()).to.deep.equal(['B', 'A']);
    expect(root.querySelector('button[data-sort="overdue"]')!.closest('th')!.getAttribute('aria-sort')).to.equal(
      'descending',
    );
    root.querySelector<HTMLButtonElement>('button[data-sort="overdue"]')!.click();
    await el.updateComplete;
    expect(order()).to.deep.equal(['A', 'B']);
  });

  it('TV mode: the big layout without the filters, and back', async () => {
    const { el, root } = await page('?from=2026-03-01&to=2026-03-18');
    root.querySelector<HTMLButtonElement>('.tv-toggle')!.click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.hasAttribute('tv')).to.equal(true);
    expect(root.querySelector('form.filters')).to.equal(null);
    expect(root.querySelector('.tv-toggle')!.getAttribute('aria-pressed')).to.equal('true');
    root.querySelector<HTMLButtonElement>('.tv-toggle')!.click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.hasAttribute('tv')).to.equal(false);
  });

  it('satisfaction before any rating says so, in Vietnamese and English, with no percentage', async () => {
    const calls = { oversight: [] as unknown[], dossiers: [] as unknown[] };
    const { el, root } = await page('?from=2026-03-01&to=2026-03-18', calls, (d) => ({
      ...d,
      satisfaction: { ratings: 0, dissatisfied: 0, index: null },
    }));
    const card = () => root.querySelector('[data-card="satisfaction"]')!;
    const row = () => root.querySelector('[data-index="satisfaction"]')!;
    expect(card().querySelector('.big')!.textContent!.trim()).to.equal('Chưa có đánh giá');
    expect(card().querySelector('.big')!.classList.contains('empty')).to.equal(true);
    expect(card().textContent).to.contain('chỉ số 5.4 (QĐ 766) cần có đánh giá');
    expect(row().querySelector('td')!.textContent!.trim()).to.equal('Chưa có đánh giá');
    for (const text of [card().textContent!, row().textContent!]) expect(text).not.to.contain('%');
    setLang('en');
    await el.updateComplete;
    expect(card().querySelector('.big')!.textContent!.trim()).to.equal('No ratings yet');
    expect(row().querySelector('td')!.textContent!.trim()).to.equal('No ratings yet');
  });

  it('is accessible (axe-core), in English too', async () => {
    const { el } = await page('?from=2026-03-01&to=2026-03-18');
    await expect(el).to.be.accessible();
    setLang('en');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.contain('Oversight dashboard');
  });
});
