import { expect, fixture, html } from '@open-wc/testing';
import type { MotcuaJsonForms } from '../src/index.ts';
import {
  $,
  $$,
  byLabel,
  evaluatorFor,
  loadFixture,
  nextEvent,
  norm,
  renderForm,
  typeInto,
  waitFor,
} from './support/helpers.ts';

const data = (el: MotcuaJsonForms) => el.data as Record<string, unknown>;

describe('renderer set: controls', () => {
  it('renders a text control with label, hint and required mark bound to the input', async () => {
    const el = await renderForm('basic');
    const input = byLabel(el, 'Họ và tên') as HTMLInputElement;
    expect(input.tagName).to.equal('INPUT');
    expect(input.type).to.equal('text');
    expect(input.getAttribute('aria-required')).to.equal('true');
    const hintId = input.getAttribute('aria-describedby')!;
    expect(norm(el.shadowRoot!.getElementById(hintId)!.textContent)).to.equal('Ghi bằng chữ in hoa có dấu');
    expect(norm($(el, `label[for="${input.id}"]`).textContent)).to.contain('(bắt buộc)');
  });

  it('picks the input kind from the schema and UI schema', async () => {
    const el = await renderForm('basic');
    expect((byLabel(el, 'Thư điện tử') as HTMLInputElement).type).to.equal('email');
    expect(byLabel(el, 'Ghi chú').tagName).to.equal('TEXTAREA');
    const age = byLabel(el, 'Tuổi') as HTMLInputElement;
    expect([age.type, age.step, age.min, age.max]).to.deep.equal(['number', '1', '0', '150']);
    expect((byLabel(el, 'Chiều cao (m)') as HTMLInputElement).step).to.equal('any');
    expect((byLabel(el, 'Tôi cam đoan nội dung khai là đúng') as HTMLInputElement).type).to.equal('checkbox');
    expect(byLabel(el, 'Giới tính').getAttribute('role')).to.equal('radiogroup');
    expect(byLabel(el, 'Giới tính').querySelectorAll('input[type=radio]').length).to.equal(3);
    const ethnicity = byLabel(el, 'Dân tộc') as HTMLSelectElement;
    expect([...ethnicity.options].map((o) => o.textContent)).to.deep.equal([
      '— Chọn —',
      'Kinh',
      'Tày',
      'Thái',
      'Mường',
    ]);
    expect((byLabel(el, 'Nhận kết quả') as HTMLSelectElement).options.length).to.equal(3);
    expect((byLabel(el, 'Ngày sinh') as HTMLInputElement).type).to.equal('text', 'typed as dd/mm/yyyy');
    expect((byLabel(el, 'Ngày sinh') as HTMLInputElement).placeholder).to.equal('dd/mm/yyyy');
    expect((byLabel(el, 'Giờ sinh') as HTMLInputElement).type).to.equal('time');
    expect((byLabel(el, 'Lịch hẹn') as HTMLInputElement).type).to.equal('datetime-local');
    expect((byLabel(el, 'Mức độ hài lòng') as HTMLInputElement).type).to.equal('range');
    expect(byLabel(el, 'Địa chỉ').tagName).to.equal('FIELDSET');
    expect((byLabel(el, 'Số nhà, đường') as HTMLInputElement).type).to.equal('text');
    expect(byLabel(el, 'Ngoại ngữ').querySelectorAll('input[type=checkbox]').length).to.equal(3);
    expect(byLabel(el, 'Số điện thoại').classList.contains('array')).to.equal(true);
    expect(byLabel(el, 'Thành viên').classList.contains('array')).to.equal(true);
    expect(norm($(el, '.text').textContent)).to.equal('Phần I. Thông tin người khai');
    expect(norm($(el, 'fieldset.group > legend').textContent)).to.equal('Số đo');
    const row = $$(el, '.layout.horizontal > .field');
    expect(row.length).to.equal(2);
    expect(row[0]!.getBoundingClientRect().top).to.equal(row[1]!.getBoundingClientRect().top, 'side by side');
    expect($$(el, '.unsupported')).to.have.length(0);
  });

  it('writes typed values into the data and emits change with data and errors', async () => {
    const el = await renderForm('basic');
    const changed = nextEvent<{ data: Record<string, unknown>; errors: unknown[] }>(el, 'change');
    await typeInto(el, byLabel(el, 'Họ và tên'), 'Nguyễn Văn An');
    const e = await changed;
    expect(e.detail.data.fullName).to.equal('Nguyễn Văn An');
    expect(e.detail.errors.map((i: any) => i.pointer)).to.deep.equal(['/email']);
    await typeInto(el, byLabel(el, 'Họ và tên'), '');
    expect('fullName' in data(el)).to.equal(false, 'an emptied input removes the property');
  });

  it('numbers: typed text becomes a number; clearing removes it', async () => {
    const el = await renderForm('basic');
    await typeInto(el, byLabel(el, 'Tuổi'), '42');
    expect(data(el).age).to.equal(42);
    await typeInto(el, byLabel(el, 'Chiều cao (m)'), '1.65');
    expect(data(el).height).to.equal(1.65);
    await typeInto(el, byLabel(el, 'Tuổi'), '');
    expect('age' in data(el)).to.equal(false);
  });

  it('booleans, radios, selects (enum and oneOf), multi-enum checkboxes and the slider', async () => {
    const el = await renderForm('basic');
    const agree = byLabel(el, 'Tôi cam đoan nội dung khai là đúng') as HTMLInputElement;
    agree.click();
    await el.updateComplete;
    expect(data(el).agree).to.equal(true);
    (byLabel(el, 'Giới tính').querySelectorAll('input')[1] as HTMLInputElement).click();
    await el.updateComplete;
    expect(data(el).gender).to.equal('Nữ');
    await typeInto(el, byLabel(el, 'Dân tộc'), '2', 'change');
    expect(data(el).ethnicity).to.equal('thai');
    await typeInto(el, byLabel(el, 'Dân tộc'), '-1', 'change');
    expect('ethnicity' in data(el)).to.equal(false);
    const langs = byLabel(el, 'Ngoại ngữ').querySelectorAll('input');
    (langs[2] as HTMLInputElement).click();
    (langs[0] as HTMLInputElement).click();
    await el.updateComplete;
    expect(data(el).languages).to.deep.equal(['Anh', 'Trung'], 'in the order of the options');
    await typeInto(el, byLabel(el, 'Mức độ hài lòng'), '5');
    expect(data(el).score).to.equal(5);
  });

  it('dates are typed and shown as dd/mm/yyyy whatever the language; a non-date says so', async () => {
    const el = await renderForm('basic');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    const input = byLabel(el, 'Ngày sinh') as HTMLInputElement;
    await typeInto(el, input, '2/3/2026', 'change');
    expect(data(el).birthDate).to.equal('2026-03-02');
    await el.updateComplete;
    expect(input.value).to.equal('02/03/2026');
    await typeInto(el, input, '31/02/2026', 'change');
    expect(el.validate().find((i) => i.pointer === '/birthDate')?.message.vi).to.equal(
      'Phải là một ngày có thật, dạng dd/mm/yyyy',
    );
    await el.updateComplete;
    expect(input.value).to.equal('31/02/2026', 'what was typed stays to be corrected');
  });

  it('dates stay YYYY-MM-DD; times and date-times get the Việt Nam offset the schema formats need, and read back', async () => {
    const el = await renderForm('basic');
    await typeInto(el, byLabel(el, 'Ngày sinh'), '2026-03-02', 'change');
    await typeInto(el, byLabel(el, 'Giờ sinh'), '08:30', 'change');
    await typeInto(el, byLabel(el, 'Lịch hẹn'), '2026-03-05T14:15', 'change');
    expect(data(el)).to.include({
      birthDate: '2026-03-02',
      birthTime: '08:30:00+07:00',
      appointment: '2026-03-05T14:15:00+07:00',
    });
    expect(el.errors.filter((i) => ['/birthDate', '/birthTime', '/appointment'].includes(i.pointer))).to.deep.equal([]);
    el.data = { ...data(el), appointment: '2026-03-05T01:00:00Z' };
    await el.updateComplete;
    expect((byLabel(el, 'Lịch hẹn') as HTMLInputElement).value).to.equal('2026-03-05T08:00');
  });

  it('nested objects write below their property', async () => {
    const el = await renderForm('basic');
    await typeInto(el, byLabel(el, 'Xã, phường'), 'Phường Bến Nghé');
    expect(data(el).address).to.deep.equal({ commune: 'Phường Bến Nghé' });
    el.validate();
    await el.updateComplete;
    const street = byLabel(el, 'Số nhà, đường');
    expect(street.getAttribute('aria-invalid')).to.equal('true');
  });

  it('what it cannot render it says so, visibly', async () => {
    const el = await fixture<MotcuaJsonForms>(html`<motcua-jsonforms
      .schema=${{ type: 'object', properties: { x: { type: 'null' } } }}
      .uischema=${{
        type: 'VerticalLayout',
        elements: [
          { type: 'Control', scope: '#/properties/x' },
          { type: 'ListWithDetail', scope: '#/properties/x' },
        ],
      }}
    ></motcua-jsonforms>`);
    const notes = $$(el, '.unsupported');
    expect(notes).to.have.length(2);
    expect(norm(notes[0]!.textContent)).to.contain('Control #/properties/x');
    expect(norm(notes[1]!.textContent)).to.contain('ListWithDetail');
  });

  it('without a UI schema, generates one from the schema (as JSON Forms does)', async () => {
    const f = await loadFixture('basic');
    const el = await fixture<MotcuaJsonForms>(
      html`<motcua-jsonforms .schema=${f.schema} .evaluator=${await evaluatorFor('basic')}></motcua-jsonforms>`,
    );
    expect(byLabel(el, 'Họ và tên').tagName).to.equal('INPUT');
    expect(byLabel(el, 'Thành viên').classList.contains('array')).to.equal(true);
  });

  it('readonly disables every input', async () => {
    const el = await renderForm('basic');
    el.readonly = true;
    await el.updateComplete;
    const enabled = $$(el, 'input, select, textarea, button').filter(
      (i) => !(i as HTMLInputElement).disabled && !i.closest('fieldset[disabled]'),
    );
    expect(enabled.map((i) => i.outerHTML)).to.deep.equal([]);
  });
});

describe('renderer set: validation messages', () => {
  it("shows core's Vietnamese message after the field is left, linked by aria-describedby", async () => {
    const el = await renderForm('basic');
    const name = byLabel(el, 'Họ và tên') as HTMLInputElement;
    expect(name.getAttribute('aria-invalid')).to.equal('false', 'not before the person has been there');
    await typeInto(el, name, 'A');
    name.dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    const errId = name
      .getAttribute('aria-describedby')!
      .split(' ')
      .find((id) => id.endsWith('-err'))!;
    expect(norm(el.shadowRoot!.getElementById(errId)!.textContent)).to.equal('Phải có ít nhất 2 ký tự');
    await typeInto(el, name, 'An');
    expect(name.getAttribute('aria-invalid')).to.equal('false');
  });

  it('speaks English with lang="en"', async () => {
    const el = await renderForm('basic');
    el.setAttribute('lang', 'en');
    await typeInto(el, byLabel(el, 'Thư điện tử'), 'not-an-email');
    byLabel(el, 'Thư điện tử').dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect(norm($(el, '.email .error').textContent)).to.equal('Must be an email address');
  });

  it('a failed validate() opens a focused error summary whose links focus the fields', async () => {
    const el = await renderForm('basic', { members: [{}] });
    const issues = el.validate();
    await el.updateComplete;
    expect(issues.map((i) => i.pointer).sort()).to.deep.equal(['/email', '/fullName', '/members/0/name'].sort());
    const summary = $(el, '.summary');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(summary.getAttribute('role')).to.equal('alert');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => norm(a.textContent))).to.include('Họ và tên: Chưa điền, mục này bắt buộc');
    links.find((a) => a.textContent!.includes('Họ tên'))!.click();
    expect(el.shadowRoot!.activeElement).to.equal(byLabel(el, 'Họ tên'));
  });

  it('names fields by section and label from the UI schema; a blank section lists its fields', async () => {
    const el = await renderForm('sections', { agreed: false });
    const issues = el.validate();
    await el.updateComplete;
    expect(issues.map((i) => i.pointer)).to.deep.equal(['/child/fullName', '/child/birthDate']);
    const items = $$(el, '.summary li').map((li) => norm(li.textContent));
    expect(items).to.deep.equal([
      'Người được khai sinh › Họ, chữ đệm và tên: Chưa điền, mục này bắt buộc',
      'Người được khai sinh › Ngày sinh: Chưa điền, mục này bắt buộc',
    ]);
    expect(norm($(el, '#mc-summary-title').textContent)).to.contain(`${items.length} lỗi`);
    expect(norm($(el, '.summary').textContent)).not.to.match(/child|fullName|birthDate/);
    const name = byLabel(el, 'Họ, chữ đệm và tên') as HTMLInputElement;
    expect(norm(el.shadowRoot!.getElementById(`${name.id}-err`)!.textContent)).to.equal('Chưa điền, mục này bắt buộc');
  });

  it('shows errors given from outside (the server) at their field, until the field changes', async () => {
    const el = await renderForm('basic', { fullName: 'Trần B', email: 'b@x.vn' });
    el.issues = [
      { pointer: '/email', code: 'taken', message: { vi: 'Địa chỉ đã được dùng', en: 'Address already used' } },
    ];
    await el.updateComplete;
    expect(norm($(el, '.email .error').textContent)).to.equal('Địa chỉ đã được dùng');
    await typeInto(el, byLabel(el, 'Thư điện tử'), 'c@x.vn');
    expect(el.shadowRoot!.querySelector('.email .error')).to.equal(null);
  });

  it('a number field with text that is not a number says so', async () => {
    const el = await renderForm('basic');
    const age = byLabel(el, 'Tuổi') as HTMLInputElement;
    age.focus();
    document.execCommand('insertText', false, 'e');
    await el.updateComplete;
    expect(age.validity.badInput).to.equal(true);
    expect(el.errors.map((i) => [i.pointer, i.message.vi])).to.deep.include(['/age', 'Phải là một số']);
  });
});

describe('renderer set: arrays', () => {
  it("adds rows (focusing the new one), reorders and removes them, naming each button's item", async () => {
    const el = await renderForm('basic');
    const add = $(el, `#${byLabel(el, 'Thành viên').id}-add`);
    expect(norm(add.textContent)).to.equal('+ Thêm thành viên');
    add.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(byLabel(el, 'Họ tên'));
    await typeInto(el, el.shadowRoot!.activeElement as HTMLElement, 'An');
    add.click();
    await el.updateComplete;
    await typeInto(el, el.shadowRoot!.activeElement as HTMLElement, 'Bình');
    expect(data(el).members).to.deep.equal([{ name: 'An' }, { name: 'Bình' }]);
    const down = $(el, '[aria-label="Chuyển Thành viên thứ 1 xuống dưới"]');
    down.click();
    await el.updateComplete;
    expect(data(el).members).to.deep.equal([{ name: 'Bình' }, { name: 'An' }]);
    $(el, '[aria-label="Xóa Thành viên thứ 1"]').click();
    await el.updateComplete;
    expect(data(el).members).to.deep.equal([{ name: 'An' }]);
    expect(($(el, '[aria-label="Chuyển Thành viên thứ 1 lên trên"]') as HTMLButtonElement).disabled).to.equal(true);
  });

  it('stops adding at maxItems; arrays of primitives get one labelled input per row', async () => {
    const el = await renderForm('basic', {
      members: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      phones: ['0912345678', '12'],
    });
    expect(($(el, `#${byLabel(el, 'Thành viên').id}-add`) as HTMLButtonElement).disabled).to.equal(true);
    const second = byLabel(el, 'Số điện thoại thứ 2') as HTMLInputElement;
    expect(second.value).to.equal('12');
    el.validate();
    await el.updateComplete;
    expect(second.getAttribute('aria-invalid')).to.equal('true');
    await typeInto(el, second, '0987654321');
    expect(data(el).phones).to.deep.equal(['0912345678', '0987654321']);
  });
});

describe('renderer set: rules', () => {
  it('SHOW, HIDE, ENABLE and DISABLE follow the data, evaluated by the precompiled validators', async () => {
    const el = await renderForm('rules');
    const labels = () => $$(el, 'label, legend').map((l) => norm(l.textContent));
    expect(labels()).not.to.include('Họ tên người nộp thay');
    expect(labels()).to.include('Mã bí mật');
    (byLabel(el, 'Nộp thay') as HTMLInputElement).click();
    await el.updateComplete;
    expect(labels()).to.include('Họ tên người nộp thay');
    expect((byLabel(el, 'Trường khóa') as HTMLInputElement).disabled).to.equal(false);
    expect((byLabel(el, 'Trường mở khóa') as HTMLInputElement).disabled).to.equal(true, 'ENABLE rule not met yet');
    await typeInto(el, byLabel(el, 'Loại'), '0', 'change');
    expect((byLabel(el, 'Trường khóa') as HTMLInputElement).disabled).to.equal(true);
    expect((byLabel(el, 'Trường mở khóa') as HTMLInputElement).disabled).to.equal(false);
    await typeInto(el, byLabel(el, 'Loại'), '1', 'change');
    expect(labels()).not.to.include('Mã bí mật');
  });

  it('a rule whose schema the validator module lacks is reported where it applies, not guessed', async () => {
    const el = await renderForm('rules');
    el.uischema = {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/kind' },
        {
          type: 'Control',
          scope: '#/properties/secret',
          rule: { effect: 'SHOW', condition: { scope: '#/properties/kind', schema: { const: 'zzz' } } },
        },
      ],
    } as never;
    await el.updateComplete;
    expect(norm($(el, '.unsupported').textContent)).to.contain('Không đánh giá được điều kiện hiển thị');
    expect(byLabel(el, 'Loại').tagName).to.equal('SELECT');
  });
});

describe('renderer set: wizard (Categorization)', () => {
  it("shows one step at a time with progress, blocks Next on the step's errors, skips hidden steps", async () => {
    const el = await renderForm('wizard');
    expect(norm($(el, '.progress').textContent)).to.equal('Bước 1 trên 2', 'the spouse step is hidden');
    expect($$(el, '.steps li').map((l) => norm(l.querySelector('.name')!.textContent))).to.deep.equal([
      'Người khai',
      'Liên hệ',
    ]);
    expect($(el, '.steps li[aria-current="step"]').textContent).to.contain('Người khai');
    const next = () => $(el, '[part~="wizard-next"]').click();
    next();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.summary'));
    expect(norm($(el, '.summary').textContent)).to.contain('Họ và tên');
    expect(norm($(el, '.summary').textContent)).not.to.contain('Số điện thoại', "only this step's errors");
    await typeInto(el, byLabel(el, 'Họ và tên'), 'Lê C');
    (byLabel(el, 'Đã kết hôn') as HTMLInputElement).click();
    await el.updateComplete;
    expect(norm($(el, '.progress').textContent)).to.equal('Bước 1 trên 3');
    const step = nextEvent<{ step: number; count: number; label: string }>(el, 'motcua-step');
    next();
    await el.updateComplete;
    expect((await step).detail).to.deep.equal({ step: 1, count: 3, label: 'Vợ hoặc chồng' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.step-title'));
    expect(byLabel(el, 'Họ tên vợ/chồng').tagName).to.equal('INPUT');
    $(el, '[part~="wizard-back"]').click();
    await el.updateComplete;
    expect(norm($(el, '.step-title').textContent)).to.equal('Người khai');
  });

  it('marks a step behind done only while its fields are valid', async () => {
    const el = await renderForm('wizard', { fullName: 'Lê C' });
    $(el, '[part~="wizard-next"]').click();
    await el.updateComplete;
    const first = () => $$(el, '.steps li')[0]!;
    expect(first().classList.contains('done')).to.equal(true);
    expect(norm(first().textContent)).to.contain('(đã xong)');
    el.data = { fullName: '' };
    await el.updateComplete;
    expect(first().classList.contains('done')).to.equal(false);
    expect(first().classList.contains('attention')).to.equal(true);
    expect(norm(first().textContent)).to.contain('(còn lỗi cần sửa)').and.not.contain('✓');
  });

  it('validate() goes to the first step with an error', async () => {
    const el = await renderForm('wizard', { fullName: 'Lê C', phone: 'x' });
    const issues = el.validate();
    await el.updateComplete;
    expect(issues.map((i) => i.pointer)).to.deep.equal(['/phone']);
    expect(norm($(el, '.step-title').textContent)).to.equal('Liên hệ');
    expect((byLabel(el, 'Số điện thoại') as HTMLInputElement).getAttribute('aria-invalid')).to.equal('true');
  });
});

describe('renderer set: i18n', () => {
  it('uses a translation table by JSON Forms i18n key for form texts, and the runtime table for its own', async () => {
    const el = await renderForm('basic');
    el.setAttribute('lang', 'en');
    el.translations = { en: { 'fullName.label': 'Full name' } };
    await el.updateComplete;
    expect(byLabel(el, 'Full name').tagName).to.equal('INPUT');
    expect([...(byLabel(el, 'Dân tộc') as HTMLSelectElement).options][0]!.textContent).to.equal('— Select —');
    expect(norm($(el, `#${byLabel(el, 'Thành viên').id}-add`).textContent)).to.equal('+ Add thành viên');
  });
});

describe('renderer set: more of what the vanilla set renders', () => {
  it('$ref to definitions, a Category outside a Categorization (a group), a nested Categorization inside a step (groups)', async () => {
    const schema = {
      type: 'object',
      definitions: { person: { type: 'object', properties: { name: { type: 'string', title: 'Tên' } } } },
      properties: {
        owner: { $ref: '#/definitions/person' },
        note: { type: 'string', title: 'Ghi chú' },
        extra: { type: 'string', title: 'Thêm' },
      },
    };
    const el = await fixture<MotcuaJsonForms>(html`<motcua-jsonforms
      .schema=${schema}
      .uischema=${{
        type: 'Categorization',
        elements: [
          {
            type: 'Category',
            label: 'Bước một',
            elements: [
              { type: 'Control', scope: '#/properties/owner' },
              {
                type: 'Categorization',
                elements: [
                  { type: 'Category', label: 'Phần con', elements: [{ type: 'Control', scope: '#/properties/note' }] },
                ],
              },
            ],
          },
          { type: 'Category', label: 'Bước hai', elements: [{ type: 'Control', scope: '#/properties/extra' }] },
        ],
      }}
    ></motcua-jsonforms>`);
    expect(byLabel(el, 'Tên').tagName).to.equal('INPUT', 'the $ref was resolved');
    expect($$(el, 'legend').map((l) => norm(l.textContent))).to.include('Phần con');
    expect(byLabel(el, 'Ghi chú').tagName).to.equal('INPUT');
    expect($$(el, '.wizard')).to.have.length(1, 'one wizard at a time');
    const alone = await fixture<MotcuaJsonForms>(html`<motcua-jsonforms .schema=${schema}
      .uischema=${{ type: 'Category', label: 'Nhóm lẻ', elements: [{ type: 'Control', scope: '#/properties/note' }] }}></motcua-jsonforms>`);
    expect(norm($(alone, 'fieldset.group > legend').textContent)).to.equal('Nhóm lẻ');
  });

  it('checks an untouched form once its fields are painted, or at once when asked', async () => {
    const f = await loadFixture('basic');
    const inner = await evaluatorFor('basic');
    let calls = 0;
    const evaluator = { validate: (s: never, d: unknown) => (calls++, inner.validate(s, d)) };
    const el = await fixture<MotcuaJsonForms>(html`<motcua-jsonforms
      .schema=${f.schema}
      .uischema=${f.uischema}
      .data=${{}}
      .evaluator=${evaluator}
    ></motcua-jsonforms>`);
    expect(calls, 'not before the first paint').to.equal(0);
    await waitFor(() => calls === 1, 'the check after the paint');
    expect(el.errors.map((i) => i.pointer)).to.include('/fullName');
    expect(calls, 'checked once for the same data').to.equal(1);
    el.data = { fullName: 'NGUYỄN VĂN A' };
    expect(el.errors.map((i) => i.pointer)).not.to.include('/fullName');
    expect(calls, 'new data: checked when asked').to.equal(2);
  });

  it('a validator module that does not match the schema is said, not taken as valid', async () => {
    const el = await renderForm('basic');
    el.schema = { type: 'object', properties: { other: { type: 'string' } } } as never;
    await el.updateComplete;
    // An untouched form is first checked once its fields are painted.
    await waitFor(() => !!el.shadowRoot!.querySelector('.alert'), 'the notice');
    expect(norm($(el, '.alert').textContent)).to.contain('Không kiểm tra được dữ liệu tờ khai');
  });
});
