import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { conditionUses } from '@motcua/core';
import { procedure } from './support/fixtures.ts';
import { button, change, control, host, type Editor } from './support/host.ts';

describe('mc-conditions-editor', () => {
  it('shows a named condition as a sentence with where it is used, and is accessible', async () => {
    const { el } = await host<Editor>('mc-conditions-editor', procedure());
    const set = el.querySelector('[data-condition="ket-hon"]')!;
    expect(control<HTMLSelectElement>(set, 'Trường').value).to.equal('/parentsMarried');
    expect(control<HTMLSelectElement>(set, 'Phép so sánh').value).to.equal('is-true');
    expect(set.textContent).to.contain('Được dùng ở 2 nơi');
    expect(set.textContent).to.contain('Giấy tờ: Giấy chứng nhận kết hôn');
    await expect(el).to.be.accessible();
  });

  it('an edit of the sentence changes every copy in one undo step', async () => {
    const { el, changes } = await host<Editor>('mc-conditions-editor', procedure());
    const set = el.querySelector('[data-condition="ket-hon"]')!;
    await change(control(set, 'Trường'), '/place', el);
    await change(control(el.querySelector('[data-condition="ket-hon"]')!, 'Phép so sánh'), 'equals', el);
    const select = control<HTMLSelectElement>(el.querySelector('[data-condition="ket-hon"]')!, 'Giá trị');
    await change(select, '0', el);
    expect(changes).to.have.length(3);
    const p = changes[2]!.procedure;
    const when = p.conditions![0]!.when;
    expect(when).to.deep.equal({
      title: 'cha mẹ đã đăng ký kết hôn / the parents are married',
      properties: { place: { const: 'benh-vien' } },
      required: ['place'],
    });
    expect(p.documents[1]!.when).to.deep.equal(when);
    expect(p.fees.items[0]!.exemptions![0]!.when).to.deep.equal(when);
    expect(changes[0]!.label).to.equal('Sửa điều kiện “cha mẹ đã đăng ký kết hôn”');
  });

  it('"then show [field]" puts the condition on a form element as a display rule', async () => {
    const { el, changes } = await host<Editor>('mc-conditions-editor', procedure());
    const set = () => el.querySelector('[data-condition="ket-hon"]')!;
    await change(control(set(), 'Phần tử của tờ khai'), '/form/uischema/elements/3', el);
    button(set(), 'Áp dụng “cha mẹ đã đăng ký kết hôn” cho phần tử').click();
    await el.updateComplete;
    const p = changes[0]!.procedure;
    expect(p.form.uischema.elements![3]!.rule).to.deep.equal({
      effect: 'SHOW',
      condition: { scope: '#', schema: p.conditions![0]!.when },
    });
    expect(set().textContent).to.contain('Được dùng ở 3 nơi');
    expect(set().textContent).to.contain('Hiển thị trên tờ khai: Nơi sinh');
  });

  it('adds a condition and a clause from the keyboard, in English', async () => {
    const { el, changes } = await host<Editor>('mc-conditions-editor', procedure(), { lang: 'en' });
    button(el, 'Add a condition').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(changes).to.have.length(1);
    const added = changes[0]!.procedure.conditions![1]!;
    expect(added.id).to.equal('dieu-kien');
    expect(conditionUses(changes[0]!.procedure, added.when)).to.deep.equal([]);
    const fieldset = el.querySelector('[data-condition="dieu-kien"]')!;
    button(fieldset, 'Add a clause').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(changes[1]!.procedure.conditions![1]!.when).to.have.property('allOf').with.length(2);
  });

  it('deleting a condition in use lists the uses first, a second press confirms', async () => {
    const { el, changes } = await host<Editor>('mc-conditions-editor', procedure());
    const del = button(el, 'Xóa: cha mẹ đã đăng ký kết hôn');
    del.click();
    await el.updateComplete;
    expect(changes).to.have.length(0);
    expect(el.querySelector('[role="alert"]')!.textContent).to.contain('2 nơi');
    button(el, 'Xóa: cha mẹ đã đăng ký kết hôn').click();
    await el.updateComplete;
    expect(changes[0]!.procedure.conditions).to.deep.equal([]);
    expect(changes[0]!.procedure.documents[1]!.when, 'the copies stay').to.not.equal(undefined);
  });

  it('the advanced JSON mode replaces one condition and refuses invalid JSON', async () => {
    const { el, changes } = await host<Editor>('mc-conditions-editor', procedure());
    const set = el.querySelector('[data-condition="ket-hon"]')!;
    const area = control<HTMLTextAreaElement>(set, 'JSON Schema của điều kiện');
    area.value = '{ not json';
    button(set, 'Áp dụng JSON').click();
    await el.updateComplete;
    expect(changes).to.have.length(0);
    expect(el.querySelector('[role="alert"]')!.textContent).to.contain('JSON không hợp lệ');
    area.value = JSON.stringify({ properties: { copies: { minimum: 2, multipleOf: 2 } }, required: ['copies'] });
    button(set, 'Áp dụng JSON').click();
    await el.updateComplete;
    expect(changes).to.have.length(1);
    expect(el.textContent).to.contain('không viết được thành câu');
  });
});
