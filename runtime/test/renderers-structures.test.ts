import { expect, fixture, html } from '@open-wc/testing';
import type { MotcuaJsonForms } from '../src/index.ts';
import { $, $$, byLabel, inGroup, norm, renderForm, typeInto } from './support/helpers.ts';

// Alternatives (oneOf / anyOf), merged parts (allOf), recursive schemas, lists of texts and
// ListWithDetail (test/fixtures/alternatives.json), and the element given no schema or no evaluator.

const data = (el: MotcuaJsonForms) => el.data as Record<string, any>;
const click = async (el: MotcuaJsonForms, target: HTMLElement) => {
  target.click();
  await el.updateComplete;
};
const button = (el: MotcuaJsonForms, text: string) => {
  const found = $$(el, 'button').find((b) => norm(b.textContent) === text || b.getAttribute('aria-label') === text);
  if (!found) throw new Error(`No button "${text}"`);
  return found;
};
const choiceIn = (el: MotcuaJsonForms, legend: string) => inGroup(el, legend, 'Chọn trường hợp') as HTMLSelectElement;

async function accessible(el: Element): Promise<void> {
  await expect(el).to.be.accessible();
}

describe('renderer set: alternatives and merged parts', () => {
  it('oneOf: a choice of the alternatives by title, then the chosen one\u2019s fields', async () => {
    const el = await renderForm('alternatives');
    const choice = choiceIn(el, 'Giấy tờ tùy thân');
    expect([...choice.options].map((o) => o.textContent!.trim())).to.deep.equal(['— Chọn —', 'Căn cước', 'Hộ chiếu']);
    expect(() => byLabel(el, 'Số định danh')).to.throw();
    await typeInto(el, choice, '0', 'change');
    await typeInto(el, byLabel(el, 'Số định danh'), '001080012345');
    await typeInto(el, byLabel(el, 'Nơi cấp'), 'Bộ Công an');
    expect(data(el).identity).to.deep.equal({ idNumber: '001080012345', issuedBy: 'Bộ Công an' });
    expect(norm($(el, `label[for="${byLabel(el, 'Số định danh').id}"]`).textContent)).to.contain('(bắt buộc)');
    await accessible(el);
  });

  it('oneOf: switching keeps what both cases share and brings the rest back when chosen again', async () => {
    const el = await renderForm('alternatives', { identity: { idNumber: '001', issuedBy: 'BCA' } });
    const choice = choiceIn(el, 'Giấy tờ tùy thân');
    expect(choice.value).to.equal('0', 'the case the data fits');
    await typeInto(el, choice, '1', 'change');
    expect(data(el).identity).to.deep.equal({ issuedBy: 'BCA' });
    expect((byLabel(el, 'Số hộ chiếu') as HTMLInputElement).value).to.equal('');
    expect(norm($(el, '.choice-of .hint').textContent)).to.contain('được giữ lại');
    await typeInto(el, choiceIn(el, 'Giấy tờ tùy thân'), '0', 'change');
    expect(data(el).identity).to.deep.equal({ idNumber: '001', issuedBy: 'BCA' });
    expect(
      new Set(el.validate({ summary: false }).map((i) => i.pointer)).has('/identity'),
      'the data fits its case',
    ).to.equal(false);
  });

  it('anyOf of plain values: the chosen kind of input, and a value of another type is not carried over', async () => {
    const el = await renderForm('alternatives');
    await typeInto(el, choiceIn(el, 'Số tiền'), '0', 'change');
    const number = byLabel(el, 'Bằng số') as HTMLInputElement;
    expect(number.type).to.equal('number');
    await typeInto(el, number, '150000');
    expect(data(el).amount).to.equal(150000);
    await typeInto(el, choiceIn(el, 'Số tiền'), '1', 'change');
    expect('amount' in data(el)).to.equal(false);
    await typeInto(el, byLabel(el, 'Bằng chữ'), 'Một trăm năm mươi nghìn đồng');
    expect(data(el).amount).to.equal('Một trăm năm mươi nghìn đồng');
  });

  it('allOf: one group with the fields of every part, required as any part says', async () => {
    const el = await renderForm('alternatives');
    const phone = inGroup(el, 'Người nộp', 'Số điện thoại') as HTMLInputElement;
    expect(norm($(el, `label[for="${phone.id}"]`).textContent)).to.contain('(bắt buộc)');
    await typeInto(el, inGroup(el, 'Người nộp', 'Họ và tên'), 'Trần Thị Bình');
    await typeInto(el, phone, '0912345678');
    expect(data(el).applicant).to.deep.equal({ name: 'Trần Thị Bình', phone: '0912345678' });
    expect($$(el, '.unsupported')).to.have.length(0);
  });
});

describe('renderer set: recursive schemas', () => {
  it('a person whose guardian is a person opens one level at a time, on request', async () => {
    const el = await renderForm('alternatives');
    const applicant = byLabel(el, 'Người nộp');
    // The applicant's guardian is shown; the guardian's own guardian waits for the button.
    const levels = () =>
      [...applicant.querySelectorAll('fieldset')].filter((f) =>
        norm(f.querySelector('legend')?.textContent).startsWith('Người giám hộ'),
      );
    expect(levels().length).to.equal(2);
    expect(levels()[0]!.querySelectorAll(':scope > div input').length).to.equal(1, 'the first level: its name');
    expect(levels()[1]!.querySelectorAll('input').length).to.equal(0, 'the next level: closed');
    const open = levels()[1]!.querySelector<HTMLButtonElement>(':scope > [part~="object-open"]')!;
    expect(norm(open.textContent)).to.equal('+ Khai người giám hộ');
    await click(el, open);
    expect(JSON.stringify(data(el).applicant)).to.equal('{"guardian":{"guardian":{}}}');
    expect(levels().length).to.equal(3);
    expect(levels()[1]!.querySelectorAll(':scope > div input').length).to.equal(1, 'opened: its name');
    expect(levels()[2]!.querySelectorAll('input').length).to.equal(0, 'and the level after it waits again');
    await accessible(el);
  });

  it('a schema whose part is itself (allOf) renders without overflowing the stack', async () => {
    const el = await renderForm('alternatives', { tree: { label: 'Gốc', more: { label: 'Phụ' } } });
    expect((inGroup(el, 'Mục kèm theo', 'Tên mục') as HTMLInputElement).value).to.equal('Phụ');
    const opens = $$(el, '[part~="object-open"]').map((b) => norm(b.textContent));
    expect(opens).to.include('+ Khai mục kèm theo');
    expect($$(el, '.unsupported, .alert')).to.have.length(0);
  });
});

describe('renderer set: lists', () => {
  it('a list without an item schema is a list of texts', async () => {
    const el = await renderForm('alternatives');
    await click(el, button(el, '+ Thêm ghi chú'));
    const input = byLabel(el, 'Ghi chú thứ 1') as HTMLInputElement;
    expect(input.type).to.equal('text');
    await typeInto(el, input, 'Nộp bản sao');
    expect(data(el).notes).to.deep.equal(['Nộp bản sao']);
  });

  it('a list of plain values: add, move and remove, each button named by the item it acts on', async () => {
    const el = await renderForm('alternatives', { phones: ['0901', '0902'] });
    expect(button(el, 'Chuyển Số điện thoại thứ 1 xuống dưới').hasAttribute('disabled')).to.equal(false);
    expect(button(el, 'Chuyển Số điện thoại thứ 1 lên trên').hasAttribute('disabled')).to.equal(true);
    await click(el, button(el, 'Chuyển Số điện thoại thứ 1 xuống dưới'));
    expect(data(el).phones).to.deep.equal(['0902', '0901']);
    await click(el, button(el, 'Xóa Số điện thoại thứ 1'));
    expect(data(el).phones).to.deep.equal(['0901']);
    await click(el, button(el, '+ Thêm số điện thoại'));
    expect(data(el).phones).to.deep.equal(['0901', '']);
    await accessible(el);
  });

  it('ListWithDetail: the rows as a list, the chosen row\u2019s form beside it', async () => {
    const el = await renderForm('alternatives', { members: [{ fullName: 'An' }, { fullName: 'Bình' }] });
    const rows = $$(el, '.master .show');
    expect(rows.map((r) => norm(r.textContent))).to.deep.equal(['Thành viên thứ 1: An', 'Thành viên thứ 2: Bình']);
    expect(rows[0]!.getAttribute('aria-current')).to.equal('true');
    expect((inGroup(el, 'Thành viên', 'Họ tên') as HTMLInputElement).value).to.equal('An');
    await click(el, rows[1]!);
    expect((byLabel(el, 'Họ tên') as HTMLInputElement).value).to.equal('Bình');
    await typeInto(el, byLabel(el, 'Năm sinh'), '1990');
    expect(data(el).members[1]).to.deep.equal({ fullName: 'Bình', born: 1990 });
    await click(el, button(el, '+ Thêm thành viên'));
    expect(data(el).members).to.have.length(3);
    expect($$(el, '.master .show')[2]!.getAttribute('aria-current')).to.equal('true', 'the new row is shown');
    expect((byLabel(el, 'Họ tên') as HTMLInputElement).value).to.equal('');
    await click(el, button(el, 'Chuyển Thành viên thứ 3 lên trên'));
    expect(data(el).members.map((m: any) => m.fullName)).to.deep.equal(['An', undefined, 'Bình']);
    await click(el, button(el, 'Xóa Thành viên thứ 2'));
    expect(data(el).members.map((m: any) => m.fullName)).to.deep.equal(['An', 'Bình']);
    await accessible(el);
  });
});

describe('<motcua-jsonforms> given less', () => {
  it('without a schema: one is read off the data, never an error', async () => {
    const el = await fixture<MotcuaJsonForms>(
      html`<motcua-jsonforms .data=${{ fullName: 'An', age: 30, married: true, phones: ['0901'], notes: [] }}></motcua-jsonforms>`,
    );
    await el.updateComplete;
    const texts = $$(el, 'input').map((i) => (i as HTMLInputElement).value);
    expect(texts).to.include.members(['An', '30', '0901']);
    expect(($$(el, 'input[type=checkbox]')[0] as HTMLInputElement).checked).to.equal(true);
    expect($$(el, '.unsupported, .alert')).to.have.length(0);
    await typeInto(el, $$(el, 'input')[0]!, 'Bình');
    expect(data(el).fullName).to.equal('Bình');
    expect(data(el).age).to.equal(30, 'the rest of the data stays');
  });

  it('with rules and no evaluator: core\u2019s interpreted evaluator is loaded and the rules apply', async () => {
    const schema = {
      type: 'object',
      properties: {
        hasProxy: { type: 'boolean', title: 'Nộp qua người đại diện' },
        proxy: { type: 'string', title: 'Họ tên người đại diện' },
      },
    };
    const uischema = {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/hasProxy' },
        {
          type: 'Control',
          scope: '#/properties/proxy',
          rule: { effect: 'SHOW', condition: { scope: '#/properties/hasProxy', schema: { const: true } } },
        },
      ],
    };
    const el = await fixture<MotcuaJsonForms>(
      html`<motcua-jsonforms .schema=${schema} .uischema=${uischema} .data=${{}}></motcua-jsonforms>`,
    );
    await el.updateComplete;
    expect($$(el, '.unsupported, .alert').map((x) => norm(x.textContent))).to.deep.equal([]);
    expect(() => byLabel(el, 'Họ tên người đại diện')).to.throw();
    await click(el, byLabel(el, 'Nộp qua người đại diện'));
    expect(byLabel(el, 'Họ tên người đại diện').tagName).to.equal('INPUT');
  });
});
