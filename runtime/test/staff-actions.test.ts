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

describe('<motcua-staff-actions> in a narrow column', () => {
  it('keeps a choice among long step titles inside the panel, its arrow visible', async () => {
    const long = 'Lãnh đạo Ủy ban nhân dân xã ký giấy phép xây dựng hoặc văn bản từ chối cấp giấy phép xây dựng';
    const procedure = {
      documents: [{ id: 'don', title: { vi: `Đơn đề nghị cấp giấy phép xây dựng — ${long}` } }],
      workflow: {
        steps: [
          { id: 'tham-dinh', title: { vi: 'Thẩm định' }, next: [{ step: 'ky' }] },
          { id: 'ky', title: { vi: long } },
        ],
      },
    };
    const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
      html`<div style="width: 300px">
        <motcua-staff-actions
          .dossier=${{ code: 'X', lockVersion: 1, status: 4, dueAt: null, pausedSince: null, location: { agency: 'A', step: 'tham-dinh' } }}
          .actions=${[action('forward', 'Chuyển bước xử lý'), action('request_supplement', 'Yêu cầu bổ sung hồ sơ')]}
          .procedure=${procedure}
        ></motcua-staff-actions>
      </div>`,
    );
    const panel = el.querySelector('motcua-staff-actions')!;
    const root = panel.shadowRoot!;
    const inside = (selector: string) => {
      const box = root.querySelector('section')!.getBoundingClientRect();
      const field = root.querySelector(selector)!.getBoundingClientRect();
      expect(field.right, selector).to.be.at.most(box.right);
    };
    root.querySelector<HTMLButtonElement>('button[data-kind="forward"]')!.click();
    await (panel as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    expect(root.querySelector('select#p-step option[value="ky"]')!.textContent).to.equal(long);
    inside('select#p-step');
    root.querySelector<HTMLButtonElement>('button[data-kind="request_supplement"]')!.click();
    await (panel as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    // The document of a supplement item sits in a fieldset, which would otherwise grow to fit it.
    inside('select#p-items-0-documentId');
    expect(root.querySelector('#p-dueBy-hint')!.textContent).to.not.contain('epoch');
  });
});
