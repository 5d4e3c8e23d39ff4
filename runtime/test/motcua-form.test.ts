import { expect } from '@open-wc/testing';
import type { MotcuaForm } from '../src/index.ts';
import {
  $,
  $$,
  byLabel,
  chooseFiles,
  eventually,
  inGroup,
  mockLog,
  mockReset,
  nextEvent,
  norm,
  pdf,
  typeInto,
  waitFor,
  zipNamedPdf,
} from './support/helpers.ts';
import {
  answer,
  fileInput,
  fillReady,
  innerForm,
  MONDAY_9AM,
  renderMotcuaForm,
  validBirthData,
} from './support/form-helpers.ts';

const docTitles = (el: MotcuaForm) => $$(el, '.doc-list .doc-title').map((d) => norm(d.textContent));
describe('<motcua-form>', () => {
  beforeEach(mockReset);
  afterEach(() => localStorage.clear());

  it('loads the published procedure, announces it, offers the receiving agency (preset by the site)', async () => {
    const loaded: CustomEvent[] = [];
    document.addEventListener('motcua-loaded', (e) => loaded.push(e as CustomEvent), { once: true });
    const el = await renderMotcuaForm('ok', { agency: '000.20.03.H56' });
    expect(norm($(el, 'h2').textContent)).to.equal('Đăng ký khai sinh');
    expect(loaded[0]?.detail).to.deep.equal({ procedure: '1.001193', version: 1, title: 'Đăng ký khai sinh' });
    const select = $(el, '#mc-agency') as HTMLSelectElement;
    expect([...select.options].slice(1).map((o) => o.textContent)).to.deep.equal([
      'Phường Trung Tâm',
      'Phường Bắc Thành',
      'Xã Đông Sơn',
      'Xã Tây Hòa',
      'Xã Nam Phong',
    ]);
    expect(select.value).to.equal('000.20.03.H56');
    expect(byLabel(innerForm(el), 'Họ, chữ đệm và tên').tagName).to.equal(
      'INPUT',
      'Vietnamese half of "vi / en" labels',
    );
  });

  it('fills schema defaults, including those of an optional object once the applicant starts it', async () => {
    const el = await renderMotcuaForm();
    const inner = innerForm(el);
    expect(inner.data).to.deep.include({
      fatherKnown: true,
      feeExemptionGroup: 'khong',
      extractCopies: 0,
      filedByProxy: false,
    });
    expect((inner.data as any).child).to.deep.equal({ ethnicity: 'Kinh', nationality: 'Việt Nam' });
    expect((inner.data as any).father).to.equal(undefined);
    await typeInto(inner, inGroup(inner, 'Người cha', 'Họ, chữ đệm và tên'), 'Trần Văn Nam');
    await el.updateComplete;
    await inner.updateComplete;
    expect((inner.data as any).father).to.deep.equal({
      fullName: 'Trần Văn Nam',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
    });
  });

  it('the documents checklist follows the answers', async () => {
    const el = await renderMotcuaForm();
    // Online the e-form is the declaration: nothing to upload yet, the identity paper only to show.
    expect(docTitles(el)).to.deep.equal(['Giấy tờ tùy thân của người yêu cầu']);
    expect(norm($(el, '.to-show').textContent))
      .to.contain('Giấy tờ xuất trình')
      .and.to.contain('Cơ sở dữ liệu quốc gia về dân cư');
    expect($$(el, '.to-show input, .to-show .file-button')).to.have.length(0, 'no upload control for it');
    expect(el.shadowRoot!.querySelector('#mc-file-to-khai')).to.equal(null, 'no picker for the declaration');
    expect(norm($(el, 'details.not-needed').textContent)).to.contain(
      'Tờ khai đăng ký khai sinh (mẫu 01, Thông tư 04/2020/TT-BTP) — Không yêu cầu khi nộp theo kênh trực tuyến',
    );
    const inner = innerForm(el);
    (byLabel(inner, 'Giấy tờ chứng minh việc sinh').querySelectorAll('input')[0] as HTMLInputElement).click();
    await inner.updateComplete;
    await el.updateComplete;
    expect(docTitles(el)).to.include('Giấy chứng sinh');
    const certificate = '[data-pointer="/documents/giay-chung-sinh"]';
    expect(norm($(el, `${certificate} .hint:nth-of-type(2)`).textContent)).to.contain('mang theo: 1 bản chính.');
    expect(norm($(el, '.doc-list').textContent)).not.to.contain('0 bản sao');
    expect(norm($(el, '[data-pointer="/documents/giay-chung-sinh"] .hint').textContent)).to.contain(
      'Phải nộp vì trẻ được sinh tại cơ sở y tế',
    );
    (byLabel(inner, 'Người khác nộp thay người yêu cầu') as HTMLInputElement).click();
    await inner.updateComplete;
    await el.updateComplete;
    expect(docTitles(el)).to.include('Văn bản ủy quyền');
    expect(norm($(el, 'details.not-needed summary').textContent)).to.equal(
      'Không cần nộp trong trường hợp của bạn (4)',
    );
  });

  it('file pickers check type (by content) and size before anything is uploaded', async () => {
    const el = await renderMotcuaForm();
    await answer(el, { birthEvidence: 'giay-chung-sinh' });
    await el.updateComplete;
    const input = fileInput(el, 'giay-chung-sinh');
    expect(input.accept).to.equal('application/pdf,image/jpeg,image/png');
    chooseFiles(input, [zipNamedPdf()]);
    await waitFor(() => $$(el, '.file.invalid').length === 1, 'the rejected file');
    expect(norm($(el, '.file.invalid .error').textContent)).to.contain(
      'có kiểu application/zip; chỉ chấp nhận application/pdf, image/jpeg, image/png',
    );
    $(el, '[aria-label="Bỏ tệp that-is-a-zip.pdf"]').click();
    await el.updateComplete;
    chooseFiles(fileInput(el, 'giay-chung-sinh'), [pdf('lon.pdf', 11 * 1024 * 1024)]);
    await waitFor(() => $$(el, '.file.invalid').length === 1, 'the large file');
    expect(norm($(el, '.file.invalid .error').textContent)).to.contain('quá lớn (11 MB); tối đa 10 MB');
    expect(await mockLog()).to.deep.equal([]);
  });

  it('shows the running fees and the expected appointment computed with core', async () => {
    const el = await renderMotcuaForm('ok', { agency: '000.20.01.H56' });
    const fees = () => norm($(el, '.fees-table').textContent);
    expect(fees()).to.contain('Lệ phí đăng ký khai sinh').and.to.contain('8.000 đồng');
    // Born 20 February, filed 2 March: within 60 days, so the charge is exempted (no question asked).
    await answer(el, { child: { birthDate: '2026-02-20' }, feeExemptionGroup: 'khong', extractCopies: 2 });
    await el.updateComplete;
    expect(fees()).to.contain('Được miễn: Đăng ký khai sinh đúng hạn');
    expect(fees()).to.contain('Phí cấp bản sao Trích lục khai sinh (2 bản sao)').and.to.contain('16.000 đồng');
    const due = $(el, '.due time');
    expect(due.getAttribute('datetime')).to.equal(
      '2026-03-02T17:00:00+07:00',
      'same day: accepted before the 15:00 cut-off',
    );
    expect(norm(due.textContent)).to.equal('17:00, Thứ Hai, 02/03/2026');
  });

  it('paints the fields first and works out the expected appointment after them', async () => {
    const el = Object.assign(document.createElement('motcua-form') as MotcuaForm, { now: () => MONDAY_9AM });
    el.setAttribute('procedure', '1.001193');
    el.setAttribute('server', '/mock/ok');
    el.setAttribute('agency', '000.20.01.H56');
    const shown: string[] = [];
    el.addController({
      hostUpdated: () => {
        const due = el.shadowRoot!.querySelector('[part~="appointment"]');
        if (due) shown.push(norm(due.textContent));
      },
    });
    document.body.append(el);
    try {
      await waitFor(() => el.shadowRoot!.querySelector('motcua-jsonforms'), 'the form');
      await el.updateComplete;
      expect(shown[0]).to.equal('', 'the first paint does not wait for it');
      expect(shown.at(-1)).to.equal('17:00, Thứ Hai, 02/03/2026');
      expect($(el, '.due time').getAttribute('datetime')).to.equal('2026-03-02T17:00:00+07:00');
    } finally {
      el.remove();
    }
  });

  it('submits with an Idempotency-Key and shows the receipt; emits motcua-submitted with the code', async () => {
    const el = await renderMotcuaForm();
    await fillReady(el);
    // Notifications by e-mail and SMS, to the addresses in the answers.
    ($(el, '#mc-notify-email') as HTMLInputElement).click();
    ($(el, '#mc-notify-sms') as HTMLInputElement).click();
    const submitted = nextEvent<{ code: string }>(el, 'motcua-submitted');
    $(el, '[part~="submit"]').click();
    const e = await submitted;
    await el.updateComplete;
    expect(e.detail.code).to.equal('000.20.01.H56-260302-0001');
    const log = await mockLog();
    expect(log).to.have.length(1);
    expect(log[0].key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(log[0].submission).to.deep.include({ version: 1, agency: '000.20.01.H56' });
    expect(log[0].submission.notify).to.deep.equal({ channels: ['email', 'sms'], lang: 'vi' });
    expect(log[0].files.map((f: any) => f.field)).to.deep.equal([
      'documents.giay-chung-sinh',
      'documents.giay-chung-sinh',
    ]);
    const receipt = norm($(el, '.receipt').textContent);
    expect(receipt)
      .to.contain('Đã nộp hồ sơ thành công')
      .and.contain('000.20.01.H56-260302-0001')
      .and.contain('secret-1');
    expect(receipt).to.contain('17:00, Thứ Ba, 03/03/2026');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#mc-receipt-title'));
  });

  it('shows upload progress while sending, file by file, and locks the form meanwhile', async () => {
    const el = await renderMotcuaForm('slow');
    await fillReady(el);
    $(el, '[part~="submit"]').click();
    const progress = await waitFor(
      () => el.shadowRoot!.querySelector<HTMLProgressElement>('progress[part="upload-progress"]'),
      'the progress bar',
    );
    expect(progress.getAttribute('aria-label')).to.match(/^Đã gửi \d+%$/);
    expect(($(el, '[part~="submit"]') as HTMLButtonElement).disabled).to.equal(true);
    expect((innerForm(el) as any).readonly).to.equal(true, 'answers cannot change while they are being sent');
    await waitFor(
      () => $$(el, '.file .hint').every((h) => h.textContent!.includes('đã tải lên')),
      'every file uploaded',
    );
    await waitFor(() => el.shadowRoot!.querySelector('.receipt'), 'the receipt');
  });

  it('a receipt prints alone, from a frame built without inline styles', async () => {
    const el = await renderMotcuaForm();
    await fillReady(el);
    $(el, '[part~="submit"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('.receipt'), 'the receipt');
    const { printReceipt } = await import('../src/elements/form/receipt.ts');
    const view = await (await fetch('/mock/ok/api/v1/public/procedures/1.001193')).json();
    const shown = (sel: string) => $(el, `.receipt ${sel}`).textContent!.trim();
    const receipt = {
      code: shown('.code'),
      secret: shown('.secret'),
      status: 1,
      statusLabel: { vi: 'Mới tiếp nhận', en: 'Received' },
      dueAt: null,
      expectedDueAt: null,
      submittedAt: MONDAY_9AM,
    } as Parameters<typeof printReceipt>[1];
    const frame = printReceipt(el.shadowRoot!, receipt, view, 'vi', false);
    const doc = frame.contentDocument!;
    expect(norm(doc.body.textContent))
      .to.contain('GIẤY BIÊN NHẬN HỒ SƠ NỘP TRỰC TUYẾN')
      .and.contain('000.20.01.H56-260302-0001');
    expect(doc.adoptedStyleSheets.length).to.equal(1);
    expect(doc.querySelectorAll('[style], style, script').length).to.equal(0);
    frame.remove();
  });

  it('a failed check opens a focused summary and sends nothing', async () => {
    const el = await renderMotcuaForm();
    $(el, '[part~="submit"]').click();
    await el.updateComplete;
    const summary = $(el, '#mc-form-summary');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    const text = norm(summary.textContent);
    expect(text).to.contain('Cơ quan tiếp nhận hồ sơ: Chưa chọn cơ quan tiếp nhận');
    expect(text).not.to.contain('Tờ khai đăng ký khai sinh', 'online the e-form is the declaration');
    expect(text).to.contain('Người yêu cầu › Họ, chữ đệm và tên: Chưa điền, mục này bắt buộc');
    expect(text).to.contain('Người yêu cầu › Số điện thoại: Chưa điền, mục này bắt buộc');
    expect(text).not.to.match(/requester|fullName/);
    expect(text).not.to.contain('Đăng ký trong 60 ngày', 'an unticked box is the answer "no"');
    expect(text.indexOf('Người yêu cầu ›')).to.be.below(text.indexOf('Người cha ›'), 'in the order of the form');
    const count = Number(/Có (\d+) vấn đề/.exec(text)?.[1]);
    expect(count).to.equal($$(el, '#mc-form-summary li').length);
    expect(await mockLog()).to.deep.equal([]);
  });

  it('a 400 puts each server message next to its cause: field, file, agency', async () => {
    const el = await renderMotcuaForm('400');
    await fillReady(el);
    const failed = nextEvent<{ status: number; stage: string }>(el, 'motcua-error');
    $(el, '[part~="submit"]').click();
    expect((await failed).detail).to.deep.include({ status: 400, stage: 'submit' });
    await el.updateComplete;
    const inner = innerForm(el);
    await inner.updateComplete;
    const address = inGroup(inner, 'Người yêu cầu', 'Nơi cư trú');
    expect(address.getAttribute('aria-invalid')).to.equal('true');
    expect(norm(inner.shadowRoot!.getElementById(`${address.id}-err`)!.textContent)).to.equal(
      'Địa chỉ không có trong cơ sở dữ liệu',
    );
    expect(norm($(el, '[data-pointer="/documents/giay-chung-sinh"] .file .error').textContent)).to.equal(
      'Tệp không đọc được',
    );
    expect(norm($(el, '#mc-agency-err').textContent)).to.equal('Cơ quan tạm ngừng tiếp nhận');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#mc-form-summary'));
    expect($$(el, '#mc-form-summary li')).to.have.length(3);
  });

  it('413 without pointers is shown at the documents; 415 at the file', async () => {
    for (const [scenario, where, text] of [
      ['413', '', ''],
      ['415', '[data-pointer="/documents/giay-chung-sinh"] .file .error', 'Tệp không phải PDF hay ảnh'],
    ] as const) {
      const el = await renderMotcuaForm(scenario);
      await fillReady(el);
      $(el, '[part~="submit"]').click();
      await waitFor(() => el.shadowRoot!.querySelector('#mc-form-summary'), `the ${scenario} summary`);
      const summary = norm($(el, '#mc-form-summary').textContent);
      if (scenario === '413') {
        expect(summary).to.contain('Giấy tờ cần nộp: Tệp gửi lên quá lớn so với giới hạn của máy chủ.');
        expect(norm($(el, '.documents > .error').textContent)).to.equal(
          'Tệp gửi lên quá lớn so với giới hạn của máy chủ.',
        );
      } else {
        expect(norm($(el, where).textContent)).to.equal(text);
      }
      el.remove();
    }
  });

  it('a network failure is shown at the button; retrying keeps the same Idempotency-Key and files once', async () => {
    const el = await renderMotcuaForm('flaky');
    await fillReady(el);
    $(el, '[part~="submit"]').click();
    const alert = await waitFor(
      () => el.shadowRoot!.querySelector<HTMLElement>('#mc-submit-error'),
      'the network error',
    );
    expect(norm(alert.textContent))
      .to.contain('Không kết nối được với máy chủ')
      .and.contain('hồ sơ sẽ không bị nộp trùng');
    expect(el.shadowRoot!.activeElement).to.equal(alert);
    const button = $(el, '[part~="submit"]');
    expect(norm(button.textContent)).to.equal('Thử lại');
    await fetch('/mock/heal', { method: 'POST' });
    button.click();
    await waitFor(() => el.shadowRoot!.querySelector('.receipt'), 'the receipt after retry');
    const log = await mockLog();
    expect(log.length).to.be.greaterThan(1);
    expect(new Set(log.map((l: any) => l.key)).size).to.equal(1, 'every attempt carried the same key');
  });

  it('after a 400 the corrected dossier goes with a new key (the server created nothing)', async () => {
    const el = await renderMotcuaForm('400');
    await fillReady(el);
    $(el, '[part~="submit"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('#mc-form-summary'), 'the summary');
    $(el, '[part~="submit"]').click();
    await el.updateComplete;
    expect((await mockLog()).length).to.equal(1, "the server's objections stand until their cause changes");
    const inner = innerForm(el);
    await typeInto(inner, inGroup(inner, 'Người yêu cầu', 'Nơi cư trú'), '14 Lê Lợi, Phường Trung Tâm');
    const agency = $(el, '#mc-agency') as HTMLSelectElement;
    agency.value = '000.20.02.H56';
    agency.dispatchEvent(new Event('change'));
    await el.updateComplete;
    $(el, '[aria-label="Bỏ tệp giay-chung-sinh.pdf"]').click();
    await el.updateComplete;
    chooseFiles(fileInput(el, 'giay-chung-sinh'), [pdf('giay-chung-sinh-moi.pdf')]);
    await waitFor(() => $$(el, '.file-name').some((f) => f.textContent === 'giay-chung-sinh-moi.pdf'), 'the new file');
    $(el, '[part~="submit"]').click();
    await eventually(async () => (await mockLog()).length === 2, 'the second POST');
    const log = await mockLog();
    expect(log[1].key).not.to.equal(log[0].key);
  });

  it('drafts: kept only with consent, restored on return, cleared after submission', async () => {
    let el = await renderMotcuaForm();
    await answer(el, { ...(innerForm(el).data as object), requester: { fullName: 'Lê Văn Tám' } });
    await new Promise((r) => setTimeout(r, 500));
    expect(Object.keys(localStorage).filter((k) => k.startsWith('motcua:draft:'))).to.deep.equal(
      [],
      'nothing without consent',
    );
    const consent = $(el, '#mc-draft') as HTMLInputElement;
    consent.click();
    await el.updateComplete;
    const key = Object.keys(localStorage).find((k) => k.startsWith('motcua:draft:'))!;
    expect(JSON.parse(localStorage.getItem(key)!).data.requester).to.deep.equal({ fullName: 'Lê Văn Tám' });
    el.remove();

    el = await renderMotcuaForm();
    expect((innerForm(el).data as any).requester).to.deep.equal({ fullName: 'Lê Văn Tám' });
    expect(norm($(el, '[part="draft-notice"]').textContent)).to.contain('Đã khôi phục bản nháp');
    expect(($(el, '#mc-draft') as HTMLInputElement).checked).to.equal(true);
    await fillReady(el);
    $(el, '[part~="submit"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('.receipt'), 'the receipt');
    expect(localStorage.getItem(key)).to.equal(null);
  });

  it('kiosk mode neither offers nor reads nor writes drafts, and forgets the applicant when idle', async () => {
    localStorage.setItem(
      `motcua:draft:${location.origin}:1.001193`,
      JSON.stringify({ version: 1, savedAt: 1, data: { requester: { fullName: 'Ai đó' } } }),
    );
    const el = await renderMotcuaForm('ok', { kiosk: true });
    expect(el.shadowRoot!.querySelector('#mc-draft')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="draft-notice"]')).to.equal(null);
    expect((innerForm(el).data as any).requester).to.equal(undefined);
    el.idleSeconds = 0.2;
    await answer(el, { ...(innerForm(el).data as object), requester: { fullName: 'Khách' } });
    el.dispatchEvent(new KeyboardEvent('keydown'));
    await waitFor(() => (innerForm(el).data as any).requester === undefined, 'the idle reset', 3000);
    expect(localStorage.getItem(`motcua:draft:${location.origin}:1.001193`)).to.contain(
      'Ai đó',
      'the kiosk never touched storage',
    );
  });

  it('a wizard procedure shows documents and the submit button on its last step only', async () => {
    const el = await renderMotcuaForm('ok', { procedure: '1.013225' });
    const inner = innerForm(el);
    expect(inner.shadowRoot!.querySelector('.wizard')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="submit"]')).to.equal(null);
    const count = inner.currentStep!.count;
    inner.shadowRoot!.querySelector<HTMLElement>('.steps');
    (inner as any)._steps = new Map([['wizard:', 99]]);
    inner.requestUpdate();
    await waitFor(() => el.shadowRoot!.querySelector('[part~="submit"]'), 'the submit button on the last step');
    expect(inner.currentStep!.step).to.equal(count - 1);
  });

  it('the construction permit tells an applicant who may be exempt, and only them', async () => {
    const el = await renderMotcuaForm('ok', { procedure: '1.013225' });
    const inner = innerForm(el);
    const investor = { fullName: 'Đỗ Văn Hùng', idNumber: '001080012345', address: '5 Trần Phú', phone: '0987654321' };
    const site = { commune: 'trung-tam', address: '7 Nguyễn Trãi', mapSheet: 12, parcel: 345, landArea: 120 };
    const building = {
      floors: 3,
      basement: false,
      footprint: 80,
      totalFloorArea: 240,
      height: 11,
      adjoinsExisting: false,
    };
    const permit = (inPlannedArea: boolean, floors = 3) => ({
      investor,
      site: { ...site, inPlannedArea },
      building: { ...building, floors },
      commitment: true,
      filedByProxy: false,
    });
    const notice = () =>
      [...inner.shadowRoot!.querySelectorAll('[part~="text"]')].find((p) => /miễn giấy phép/.test(p.textContent ?? ''));
    await answer(el, permit(false));
    for (let step = 0; step < 2; step++) {
      inner.shadowRoot!.querySelector<HTMLElement>('[part~="wizard-next"]')!.click();
      await waitFor(() => inner.currentStep?.step === step + 1, `step ${step + 2}`);
    }
    await waitFor(() => notice(), 'the exemption notice on the building step');
    expect(notice()!.textContent).to.contain('hãy hỏi Ủy ban nhân dân xã trước khi nộp');
    await answer(el, permit(true));
    await waitFor(() => !notice(), 'no notice inside a planned area');
    await answer(el, permit(false, 7));
    await waitFor(() => !notice(), 'no notice for 7 storeys');
  });

  it('a procedure that cannot be loaded says so, offers a retry and emits motcua-error', async () => {
    const errors: CustomEvent[] = [];
    document.addEventListener('motcua-error', (e) => errors.push(e as CustomEvent), { once: true });
    const el = await renderMotcuaForm('missing');
    expect(norm($(el, '.alert').textContent))
      .to.contain('Không tải được thủ tục.')
      .and.contain('Không có thủ tục này');
    expect(errors[0]?.detail).to.deep.include({ stage: 'load', status: 404 });
  });

  it('speaks English with lang="en", through the "vi / en" convention of procedure texts', async () => {
    const el = await renderMotcuaForm('ok', { lang: 'en' });
    expect(norm($(el, 'h2').textContent)).to.equal('Birth registration');
    const inner = innerForm(el);
    expect(inGroup(inner, 'Requester', 'Full name').tagName).to.equal('INPUT');
    expect(norm($(el, '#mc-docs-title').textContent)).to.equal('Documents to provide');
    expect(norm($(el, '[part~="submit"]').textContent)).to.equal('Submit');
  });

  it('shows the receipt in English with lang="en" (its English words come with the form\'s, its Vietnamese ones with the receipt)', async () => {
    const el = await renderMotcuaForm('ok', { lang: 'en' });
    await fillReady(el);
    const submitted = nextEvent(el, 'motcua-submitted');
    $(el, '[part~="submit"]').click();
    await submitted;
    await el.updateComplete;
    const receipt = norm($(el, '.receipt').textContent);
    expect(receipt)
      .to.contain('Your dossier was submitted')
      .and.contain('Tracking secret')
      .and.contain('secret-1')
      .and.contain('Print the receipt');
    expect(receipt).not.to.contain('Đã nộp');
  });
});
