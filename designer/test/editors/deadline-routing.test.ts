import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { procedure, WARD_1, JUSTICE } from './support/fixtures.ts';
import { button, change, control, host, type Editor } from './support/host.ts';

describe('mc-deadline-editor', () => {
  it('computes the due date with core on the agency calendar; accessible', async () => {
    const { el, changes } = await host<Editor>('mc-deadline-editor', procedure());
    await change(control(el, 'Cơ quan'), WARD_1, el);
    // Thursday 30 April 2026 is a holiday, 1 May too: 3 working days (24 h) from Wednesday 29 April 16:00: 1 h, 8 h on 4 and 5 May, 7 h on 6 May.
    await change(control(el, 'Thời điểm nộp (giờ địa phương)'), '2026-04-29T16:00', el);
    expect(el.querySelector('[data-due]')!.getAttribute('data-due')).to.equal('06/05/2026 16:00');
    await change(control<HTMLSelectElement>(el, 'Tính theo'), 'same-day', el);
    expect(changes[0]!.procedure.deadline).to.deep.equal({ unit: 'same-day', cutoff: '15:00' });
    expect(el.querySelector('[data-due]')!.getAttribute('data-due')).to.equal('04/05/2026 17:00');
    await expect(el).to.be.accessible();
  });

  it('warns when step budgets exceed the deadline', async () => {
    const p = procedure();
    p.deadline = { unit: 'working-days', value: 2 };
    const { el } = await host<Editor>('mc-deadline-editor', p);
    expect(el.querySelector('.mc-issues-lint')!.textContent).to.contain('vượt thời hạn giải quyết');
  });
});

describe('mc-routing-editor', () => {
  it('shows the steps as a list and as a diagram of the same data; accessible', async () => {
    const { el } = await host<Editor>('mc-routing-editor', procedure());
    const nodes = [...el.querySelectorAll('svg [data-step]')].map((g) => g.getAttribute('data-step'));
    expect(nodes).to.deep.equal(['tham-dinh', 'phe-duyet']);
    expect(el.querySelectorAll('svg path[marker-end]')).to.have.length(1);
    expect(el.querySelector('svg [data-step="phe-duyet"]')!.textContent).to.contain('Sở Tư pháp');
    expect(el.textContent).to.contain('Không có gì cần xem lại.');
    await expect(el).to.be.accessible();
  });

  it('adds a step, which the diagram and the lints follow', async () => {
    const { el, changes } = await host<Editor>('mc-routing-editor', procedure(), { lang: 'en' });
    button(el, 'Add a step').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const p = changes[0]!.procedure;
    expect(p.workflow.steps.map((s) => s.id)).to.deep.equal(['tham-dinh', 'phe-duyet', 'buoc']);
    expect(p.workflow.steps[1]!.next).to.deep.equal([{ step: 'buoc' }]);
    expect(el.querySelectorAll('svg [data-step]')).to.have.length(3);
    // Cut the new step off: it becomes unreachable, drawn dashed and linted.
    button(el.querySelector('fieldset[data-step="phe-duyet"]')!, 'Remove branch 1').click();
    await el.updateComplete;
    expect(el.querySelector('.mc-issues-lint')!.textContent).to.contain('cannot be reached');
    expect(el.querySelector('svg [data-step="buoc"] rect')!.getAttribute('stroke-dasharray')).to.not.equal('none');
  });

  it('edits role, agency rules, budget, external system and the receiving rule', async () => {
    const { el, changes } = await host<Editor>('mc-routing-editor', procedure());
    const step = () => el.querySelector('fieldset[data-step="tham-dinh"]')!;
    await change(control(step(), 'Vai trò thực hiện'), 'leader', el);
    await change(control(step(), 'Cơ quan thực hiện'), 'cases', el);
    await change(control(step(), 'Thời gian của bước'), 'working-hours', el);
    step().querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await el.updateComplete;
    await change(control(el, 'Cách xác định'), 'fixed', el);
    await change(control(el.querySelector('fieldset')!, 'Cơ quan'), JUSTICE, el);
    const p = changes[changes.length - 1]!.procedure;
    const s = p.workflow.steps[0]!;
    expect(s.role).to.equal('leader');
    expect(s.agency).to.have.property('cases').with.length(1);
    expect(s.budget).to.deep.equal({ unit: 'working-hours', value: 2 });
    expect(s.external).to.deep.equal({ system: 'he-thong' });
    expect(p.receiving).to.deep.equal({ mode: 'fixed', agency: JUSTICE });
  });
});
