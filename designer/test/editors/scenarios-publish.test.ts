import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Procedure } from '@motcua/core';
import { procedure, WARD_1, WARD_2, JUSTICE } from './support/fixtures.ts';
import { button, change, control, host, until, type Editor } from './support/host.ts';
import { fakeClient, settle } from './support/fake-client.ts';

function withScenario(): Procedure {
  const p = procedure();
  p.scenarios = [
    {
      id: 'ket-hon',
      title: { vi: 'Cha mẹ đã kết hôn, hai bản sao' },
      data: { fullName: 'Lê Văn An', parentsMarried: true, copies: 2 },
      submittedAt: '2026-03-02T09:00:00+07:00',
      channel: 'online',
      agency: WARD_1,
      expect: {},
    },
  ];
  return p;
}

describe('mc-scenarios-editor', () => {
  // <motcua-form> from the runtime's sources, as the test server serves them (the designer loads
  // the server's build of the same); a path, not an import, so this workspace compiles alone.
  const runtimeSources = '/runtime/src/index.ts';
  before(() => import(/* @vite-ignore */ runtimeSources));

  it('shows what happens, computed by core; accessible', async () => {
    const { el } = await host<Editor>('mc-scenarios-editor', withScenario());
    const text = el.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Giấy chứng nhận kết hôn');
    expect(el.querySelector('dd[data-total]')!.getAttribute('data-total')).to.equal('10000');
    expect(text).to.contain('Thẩm định — Phường Trung Tâm');
    expect(text).to.contain('Phê duyệt — Sở Tư pháp');
    // Three working days from Monday 2 March 09:00 → Thursday 5 March 09:00.
    expect(el.querySelector('dd[data-due]')!.getAttribute('data-due')).to.equal('2026-03-05T02:00:00.000Z');
    expect(text).to.contain('Chưa lưu kết quả mong đợi.');
    await expect(el).to.be.accessible();
  });

  it("answers a scenario on the runtime form: each change is the scenario's, and what happens follows", async () => {
    const { el, changes } = await host<Editor>('mc-scenarios-editor', withScenario());
    button(el, 'Trả lời trên biểu mẫu: Cha mẹ đã kết hôn, hai bản sao').click();
    await el.updateComplete;
    const form = await until(() => el.querySelector('mc-scenario-form motcua-form') as HTMLElement | null);
    const inner = await until(
      () => form.shadowRoot?.querySelector('motcua-jsonforms') as (HTMLElement & { data: unknown }) | null,
    );
    // The form starts from the scenario's answers and agency.
    expect(inner.data).to.deep.include({ fullName: 'Lê Văn An', parentsMarried: true, copies: 2 });
    const agency = form.shadowRoot!.querySelector('#mc-agency') as HTMLSelectElement;
    expect(agency.value).to.equal(WARD_1);
    await axeClean(el);

    // The applicant's answers change: not married, one copy.
    const data = { fullName: 'Lê Văn An', parentsMarried: false, copies: 1 };
    inner.data = data;
    inner.dispatchEvent(new CustomEvent('change', { detail: { data, errors: [] }, bubbles: true }));
    await until(() => changes.length > 0 || null);
    await el.updateComplete;
    expect(changes.at(-1)!.procedure.scenarios![0]!.data).to.deep.include(data);
    expect(el.querySelector('dd[data-total]')!.getAttribute('data-total')).to.equal('13000');
    expect(el.textContent).not.to.contain('Giấy chứng nhận kết hôn');

    // Another receiving agency, chosen on the form, is the scenario's and the route's.
    agency.value = WARD_2;
    agency.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => el.procedure.scenarios![0]!.agency === WARD_2 || null);
    await el.updateComplete;
    expect(el.textContent!.replace(/\s+/g, ' ')).to.contain('Thẩm định — Phường Bắc Thành');
    // Typing in the form is one undo step per kind of edit, not one per keystroke.
    expect(new Set(changes.map((c) => c.label)).size).to.equal(1);
  });

  it('saves what happens as expected; a later edit that changes it makes the scenario fail', async () => {
    const { el, changes } = await host<Editor>('mc-scenarios-editor', withScenario(), { lang: 'en' });
    button(el, 'Save what happens as expected: Cha mẹ đã kết hôn, hai bản sao').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const expectation = changes[0]!.procedure.scenarios![0]!.expect;
    expect(expectation).to.deep.equal({
      documents: ['to-khai', 'giay-ket-hon'],
      feeTotal: 10000,
      receiving: WARD_1,
      route: [
        { step: 'tham-dinh', agency: WARD_1 },
        { step: 'phe-duyet', agency: JUSTICE },
      ],
      dueAt: '2026-03-05T02:00:00.000Z',
    });
    expect(el.querySelector('[role="status"]')!.textContent).to.contain('1 of 1 scenarios pass');
    // The host changes the fee elsewhere: the scenario runs again and fails with the difference.
    const next = structuredClone(el.procedure);
    next.fees.items[1]!.amount = 6000;
    el.procedure = next;
    await el.updateComplete;
    expect(el.querySelector('[role="status"]')!.textContent).to.contain('0 of 1 scenarios pass');
    expect(el.textContent).to.contain('Fee total: expected 10000, computed 12000');
  });

  it('adds a scenario and edits its answers, refusing invalid JSON', async () => {
    const { el, changes } = await host<Editor>('mc-scenarios-editor', procedure());
    button(el, 'Thêm tình huống').click();
    await el.updateComplete;
    const set = () => el.querySelector('[data-scenario="tinh-huong"]')!;
    await change(control<HTMLTextAreaElement>(set(), 'Dữ liệu tờ khai mẫu (JSON)'), '[1]', el);
    expect(el.querySelector('[role="alert"]')!.textContent).to.contain('phải là một đối tượng');
    await change(control<HTMLTextAreaElement>(set(), 'Dữ liệu tờ khai mẫu (JSON)'), '{"copies": 1}', el);
    await change(control(set(), 'Cơ quan người nộp chọn'), WARD_1, el);
    await change(control(set(), 'Thời điểm nộp (giờ địa phương)'), '2026-03-02T14:30', el);
    const s = changes[changes.length - 1]!.procedure.scenarios![0]!;
    expect(s.data).to.deep.equal({ copies: 1 });
    expect(s.agency).to.equal(WARD_1);
    expect(s.submittedAt).to.equal('2026-03-02T14:30:00+07:00');
  });
});

describe('mc-publish-panel', () => {
  it('shows the change summary and JSON diff against the live version; publishes with the draft revision', async () => {
    const live = procedure();
    const draft = procedure();
    draft.fees.items[0]!.amount = 10000;
    const { client, calls } = fakeClient([live]);
    const { el } = await host<Editor>('mc-publish-panel', draft, { client, problems: [] });
    await settle(el);
    expect(el.querySelector('[data-summary]')!.textContent).to.contain('Mức thu "Lệ phí": 8.000 đồng → 10.000 đồng');
    expect(el.querySelector('.mc-diff .mc-added')!.textContent).to.contain('"amount": 10000');
    const publish = button(el, 'Công bố');
    expect(publish.disabled, 'a change note is required').to.equal(true);
    const note = control<HTMLTextAreaElement>(el, 'Ghi chú thay đổi (bắt buộc)');
    note.focus();
    await sendKeys({ type: 'Tăng lệ phí theo Nghị quyết mới' });
    await el.updateComplete;
    expect(publish.disabled).to.equal(false);
    await expect(el).to.be.accessible();
    publish.click();
    await settle(el);
    const post = calls.find((c) => c.method === 'post')!;
    expect(post.path).to.equal('/api/v1/procedures/{procedureCode}/versions');
    expect(post.options.body).to.deep.equal({ draftRevision: 7, note: 'Tăng lệ phí theo Nghị quyết mới' });
    expect(el.textContent).to.contain('Đã công bố phiên bản 2');
  });

  it('blocks publishing: problems, a failing scenario, a past date, no designer grant', async () => {
    const draft = withScenario();
    draft.scenarios![0]!.expect = { feeTotal: 1 };
    draft.effectiveFrom = '2020-01-01';
    const { client } = fakeClient([], [{ agency: WARD_1, role: 'designer' }]);
    const { el, changes } = await host<Editor>('mc-publish-panel', draft, {
      client,
      problems: [{ pointer: '/title', code: 'x', message: { vi: 'Thiếu tên', en: 'No title' } }],
    });
    await settle(el);
    const todo = el.querySelector('[aria-label="Cần hoàn tất trước khi công bố"]')!.textContent!;
    expect(todo).to.contain('Sửa 1 lỗi');
    expect(todo).to.contain('1 tình huống kiểm thử không đạt');
    expect(todo).to.contain('Ngày hiệu lực phải từ hôm nay');
    expect(todo).to.contain('Chỉ cán bộ có vai trò thiết kế');
    expect(el.querySelector('[data-summary]')!.textContent).to.contain('Phiên bản đầu tiên');
    // The date is typed day first, whatever the browser's language; a past one is refused.
    const date = el.querySelector<HTMLInputElement>('#mc-publish-effective')!;
    expect(date.value).to.equal('01/01/2020');
    await change(date, '31/12/2020', el);
    expect(changes).to.have.length(0);
    expect(el.querySelector('#mc-publish-effective-error')!.textContent).to.contain('trở đi');
    expect(date.getAttribute('aria-invalid')).to.equal('true');
    await change(date, '01/06/2099', el);
    expect(changes[0]!.procedure.effectiveFrom).to.equal('2099-06-01');
    expect(el.querySelector('#mc-publish-effective-error')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('mc-history-panel', () => {
  it('lists versions, diffs any two, and retires with a reason; accessible', async () => {
    const v1 = procedure();
    const v2 = procedure();
    v2.deadline = { unit: 'working-days', value: 2 };
    const { client, calls } = fakeClient([v1, v2]);
    const { el } = await host<Editor>('mc-history-panel', procedure(), { client });
    await settle(el);
    expect(el.querySelectorAll('tbody tr')).to.have.length(2);
    expect(el.querySelector('tbody tr .mc-note')!.textContent).to.equal('Ghi chú của phiên bản 2');
    await change(control(el, 'Từ'), '1', el);
    await change(control(el, 'Đến'), '2', el);
    button(el, 'So sánh').click();
    await settle(el);
    expect(el.querySelector('[data-summary]')!.textContent).to.contain(
      'Thời hạn giải quyết: 3 ngày làm việc → 2 ngày làm việc',
    );
    await expect(el).to.be.accessible();
    const reason = control<HTMLTextAreaElement>(el, 'Lý do bãi bỏ');
    reason.value = 'Thủ tục được thay thế';
    reason.dispatchEvent(new Event('input'));
    await el.updateComplete;
    button(el, 'Bãi bỏ').click();
    await settle(el);
    expect(calls.find((c) => c.path.endsWith('/retire'))!.options.body).to.deep.equal({
      reason: 'Thủ tục được thay thế',
    });
    expect(el.textContent).to.contain('Đã bãi bỏ');
  });
});

async function axeClean(el: HTMLElement) {
  await expect(el).to.be.accessible();
}
