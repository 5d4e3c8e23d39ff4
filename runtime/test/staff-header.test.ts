import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { SessionView } from '@motcua/api';
import { SHELL_ELEMENTS, defineElements } from '../src/staff/define-shell.ts';
import type { StaffApp } from '../src/staff/app/staff-app.ts';
import type { AgencyEntry, StaffData } from '../src/staff/data/staff-data.ts';
import { waitFor } from './support/helpers.ts';

/** The workspace's header on a counter's tablet: the office by name, links a finger can hit. */

defineElements(SHELL_ELEMENTS);

const session = {
  staff: {
    id: 's1',
    username: 'reception.trung-tam',
    fullName: 'Tiếp nhận — Phường Trung Tâm',
    agencyCode: '000.20.01.H56',
    roles: [
      { agency: '000.20.01.H56', role: 'reception' },
      { agency: '000.99.99.H56', role: 'reception' },
    ],
  },
  csrfToken: 'x',
  via: 'session',
} as unknown as SessionView;

const directory: AgencyEntry[] = [
  {
    code: '000.20.01.H56',
    name: { vi: 'Phường Trung Tâm' },
    kind: 'commune',
    kindTitle: { vi: 'Xã, phường' },
    parent: null,
  },
];

const data = {
  session: async () => session,
  agenciesWithin: async () => directory,
  onSessionExpired: () => () => undefined,
  logout: async () => undefined,
  // The inbox under the header, empty.
  inbox: async () => ({ items: [], nextCursor: null }),
  queues: async (_agency: string, scope: string) => ({ scope, stages: [] }),
  preferences: async () => ({ savedFilters: [], columns: null }),
  exportUrl: () => '/export.csv',
  watch: () => () => undefined,
  procedures: async () => [],
} as unknown as StaffData;

describe('<motcua-staff-app> header', () => {
  afterEach(async () => {
    document.querySelectorAll('motcua-staff-app').forEach((e) => e.remove());
    await setViewport({ width: 800, height: 600 });
  });

  it('names the agency to work in, the code standing in for one the directory does not list', async () => {
    await setViewport({ width: 1024, height: 768 });
    const el = document.createElement('motcua-staff-app') as StaffApp;
    el.data = data;
    document.body.append(el);
    const root = el.shadowRoot!;
    const options = await waitFor(
      () =>
        root.querySelector('#agency option')?.textContent === 'Phường Trung Tâm'
          ? root.querySelectorAll('#agency option')
          : null,
      'the agency by name',
    );
    expect([...options].map((o) => [o.getAttribute('value'), o.textContent])).to.deep.equal([
      ['000.20.01.H56', 'Phường Trung Tâm'],
      ['000.99.99.H56', '000.99.99.H56'],
    ]);
    for (const link of root.querySelectorAll<HTMLElement>('header nav a'))
      expect(link.getBoundingClientRect().height, link.textContent!.trim()).to.be.at.least(24);
  });

  it('signs out to the sign-in form, ready to type a name a tablet does not correct', async () => {
    const el = document.createElement('motcua-staff-app') as StaffApp;
    el.data = data;
    document.body.append(el);
    const root = el.shadowRoot!;
    const signOut = await waitFor(
      () =>
        [...root.querySelectorAll<HTMLButtonElement>('header button')].find(
          (b) => b.textContent!.trim() === 'Đăng xuất',
        ),
      'the sign-out button',
    );
    signOut.focus();
    signOut.click();
    const login = await waitFor(() => root.querySelector('motcua-staff-login'), 'the sign-in form');
    const username = await waitFor(
      () => login.shadowRoot?.querySelector<HTMLInputElement>('#username'),
      'its name field',
    );
    await waitFor(() => login.shadowRoot!.activeElement === username || null, 'focus in the name field');
    expect(username.getAttribute('autocapitalize')).to.equal('none');
    expect(username.getAttribute('autocorrect')).to.equal('off');
    expect(username.spellcheck).to.equal(false);
  });
});
