import { expect, fixture, html } from '@open-wc/testing';
import { StaffActions } from '../src/staff/dossier/action-panel.ts';
import type { AllowedAction } from '../src/staff/data/staff-data.ts';

/** The staff dossier page's action panel, alone: which action a button stands for. */
if (!customElements.get('motcua-staff-actions')) customElements.define('motcua-staff-actions', StaffActions);

const action = (kind: string, vi: string): AllowedAction =>
  ({ kind, label: { vi, en: kind }, agency: '000.20.01.H56' }) as unknown as AllowedAction;

describe('<motcua-staff-actions>', () => {
  it('keeps each button bound to its action when the list reloads around it', async () => {
    const el = await fixture<HTMLElement & { actions: AllowedAction[]; updateComplete: Promise<boolean> }>(
      html`<motcua-staff-actions
        .dossier=${{ code: 'X', lockVersion: 1, location: { agency: '000.20.01.H56' } }}
        .actions=${[action('claim', 'Nhận xử lý'), action('approve', 'Phê duyệt')]}
      ></motcua-staff-actions>`,
    );
    const approve = el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-kind="approve"]')!;
    // After a claim the page reloads the allowed actions: more of them, in another order.
    el.actions = [
      action('request_supplement', 'Yêu cầu bổ sung'),
      action('assign', 'Phân công'),
      action('approve', 'Phê duyệt'),
      action('deny', 'Từ chối'),
    ];
    await el.updateComplete;
    expect(approve.isConnected).to.equal(true);
    expect(approve.dataset['kind']).to.equal('approve');
    expect(approve.textContent!.trim()).to.equal('Phê duyệt');
    approve.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#confirm')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Xác nhận: Phê duyệt',
    );
  });
});
