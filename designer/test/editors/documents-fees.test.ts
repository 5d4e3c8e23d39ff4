import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { procedure } from './support/fixtures.ts';
import { button, change, control, host, type Editor } from './support/host.ts';

describe('mc-documents-editor', () => {
  it('edits names, condition, copies and file types; accessible', async () => {
    const { el, changes } = await host<Editor>('mc-documents-editor', procedure());
    await expect(el).to.be.accessible();
    const first = el.querySelector('[data-document="to-khai"]')!;
    await change(control(first, 'Tên (tiếng Anh)'), 'Declaration form', el);
    expect(changes[0]!.procedure.documents[0]!.title).to.deep.equal({ vi: 'Tờ khai', en: 'Declaration form' });
    await change(control(el.querySelector('[data-document="to-khai"]')!, 'Phải nộp khi'), 'ket-hon', el);
    expect(changes[1]!.procedure.documents[0]!.when).to.deep.equal(procedure().conditions![0]!.when);
    await change(control(el.querySelector('[data-document="to-khai"]')!, 'Số bản sao'), '2', el);
    expect(changes[2]!.procedure.documents[0]!.copies).to.equal(2);
    control(el.querySelector('[data-document="to-khai"]')!, 'JPEG').click();
    await el.updateComplete;
    expect(changes[3]!.procedure.documents[0]!.mediaTypes).to.deep.equal(['application/pdf', 'image/jpeg']);
    await change(control(el.querySelector('[data-document="to-khai"]')!, 'Đường dẫn tệp mẫu'), '/mau/to-khai.pdf', el);
    expect(changes[4]!.procedure.documents[0]!.template).to.equal('/mau/to-khai.pdf');
    expect(el.querySelector('a[download]')!.getAttribute('href')).to.equal('/mau/to-khai.pdf');
  });

  it('moves a document down from the keyboard and adds one', async () => {
    const { el, changes } = await host<Editor>('mc-documents-editor', procedure());
    button(el, 'Chuyển xuống: Tờ khai').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(changes[0]!.procedure.documents.map((d) => d.id)).to.deep.equal(['giay-ket-hon', 'to-khai']);
    expect(changes[0]!.label).to.equal('Chuyển giấy tờ “Tờ khai”');
    button(el, 'Thêm giấy tờ').click();
    await el.updateComplete;
    expect(changes[1]!.procedure.documents[2]!.id).to.equal('giay-to');
  });

  it('shows core problems beside the document they point at', async () => {
    const { el } = await host<Editor>('mc-documents-editor', procedure(), {
      problems: [{ pointer: '/documents/1/maxFiles', code: 'x', message: { vi: 'Quá ít tệp', en: 'Too few files' } }],
    });
    expect(el.querySelector('[data-document="giay-ket-hon"] .mc-issues')!.textContent).to.contain('Quá ít tệp');
    expect(el.querySelector('[data-document="to-khai"] .mc-issues')).to.equal(null);
  });
});

describe('mc-fees-editor', () => {
  it('recomputes the total on sample answers with core, exemptions included; accessible', async () => {
    const { el, changes } = await host<Editor>('mc-fees-editor', procedure());
    const sample = control<HTMLTextAreaElement>(el, 'Dữ liệu tờ khai mẫu (JSON)');
    await change(sample, '{"copies": 3}', el);
    expect(el.querySelector('[data-total]')!.getAttribute('data-total')).to.equal(String(8000 + 3 * 5000));
    await change(sample, '{"copies": 1, "parentsMarried": true}', el);
    expect(el.querySelector('[data-total]')!.getAttribute('data-total')).to.equal('5000');
    expect(el.textContent).to.contain('Được miễn: Cha mẹ đã kết hôn');
    await change(control(el.querySelector('[data-fee="ban-sao"]')!, 'Mức thu (đồng)'), '6000', el);
    expect(changes[0]!.procedure.fees.items[1]!.amount).to.equal(6000);
    expect(el.querySelector('[data-total]')!.getAttribute('data-total'), 'the total follows the edit').to.equal('6000');
    await expect(el).to.be.accessible();
  });

  it('adds an item with a condition and an exemption, and multiplies by a field', async () => {
    const { el, changes } = await host<Editor>('mc-fees-editor', procedure(), { lang: 'en' });
    button(el, 'Add a fee item').click();
    await el.updateComplete;
    const item = () => el.querySelector('[data-fee="phi"]')!;
    await change(control(item(), 'Owed when'), 'ket-hon', el);
    await change(control(item(), 'Multiplied by'), '/copies', el);
    button(item(), 'Add an exemption').click();
    await el.updateComplete;
    const p = changes[changes.length - 1]!.procedure;
    const fee = p.fees.items[2]!;
    expect(fee.when).to.deep.equal(p.conditions![0]!.when);
    expect(fee.per).to.deep.equal({ field: '/copies' });
    expect(fee.exemptions![0]!.id).to.equal('mien');
  });

  it('invalid sample JSON is reported and breaks nothing', async () => {
    const { el } = await host<Editor>('mc-fees-editor', procedure());
    await change(control<HTMLTextAreaElement>(el, 'Dữ liệu tờ khai mẫu (JSON)'), '{ copies: ', el);
    expect(el.querySelector('[role="alert"]')!.textContent).to.contain('JSON không hợp lệ');
  });
});
