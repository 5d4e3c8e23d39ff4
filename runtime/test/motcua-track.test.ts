import { expect, fixture, html } from '@open-wc/testing';
import type { MotcuaTrack } from '../src/index.ts';
import '../src/index.ts';
import {
  $,
  $$,
  chooseFiles,
  mockLog,
  mockReset,
  nextEvent,
  norm,
  pdf,
  typeInto,
  waitFor,
  zipNamedPdf,
} from './support/helpers.ts';

const SEEDED = '000.20.01.H56-260301-0007';

async function renderTrack(scenario = 'ok', code = ''): Promise<MotcuaTrack> {
  return fixture<MotcuaTrack>(html`<motcua-track server=${`/mock/${scenario}`} code=${code}></motcua-track>`);
}

async function lookUp(el: MotcuaTrack, code: string, secret: string): Promise<void> {
  await typeInto(el as never, $(el, '#mc-track-code'), code);
  await typeInto(el as never, $(el, '#mc-track-secret'), secret);
  $(el, '[part~="lookup-button"]').click();
}

/** Clicks a download button and catches the file the element hands to the browser. */
async function download(el: MotcuaTrack, selector: string): Promise<{ fileId: string; name: string; text: string }> {
  const clicked: HTMLAnchorElement[] = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicked.push(this);
  };
  let fileId: string;
  try {
    const done = nextEvent<{ fileId: string }>(el, 'motcua-download');
    $(el, selector).click();
    fileId = (await done).detail.fileId;
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
  return { fileId, name: clicked[0]!.download, text: await (await fetch(clicked[0]!.href)).text() };
}

describe('<motcua-track>', () => {
  beforeEach(mockReset);

  it('offers the result issued to the applicant for download, fetched with the secret', async () => {
    const el = await renderTrack();
    await lookUp(el, '000.20.01.H56-260301-0010', 'bi-mat-10');
    await waitFor(() => el.shadowRoot!.querySelector('.results'), 'the results');
    expect(norm($(el, '.status-badge').textContent)).to.equal('Đã xong · Đã trả kết quả');
    expect($(el, '.status-badge').classList.contains('done')).to.equal(true);
    expect(norm($(el, '.results').textContent))
      .to.contain('Kết quả giải quyết')
      .and.contain('trich-luc-khai-sinh.pdf');
    const got = await download(el, '.results [part~="download"]');
    expect(got.fileId).to.equal('6f1c0d2e-0000-4000-8000-000000000010');
    expect(got.name).to.equal('trich-luc-khai-sinh.pdf');
    expect(got.text).to.equal('%PDF-1.4 result');
  });

  it('offers the slips issued to the applicant, fetched with the secret', async () => {
    const el = await renderTrack();
    await lookUp(el, '000.20.01.H56-260301-0010', 'bi-mat-10');
    await waitFor(() => el.shadowRoot!.querySelector('.slips'), 'the slips');
    expect(norm($(el, '.slips').textContent))
      .to.contain('Phiếu cơ quan đã gửi bạn')
      .and.contain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    const got = await download(el, '.slips [part~="download"]');
    expect(got.fileId).to.equal('6f1c0d2e-0000-4000-8000-0000000000a1');
    expect(got.name).to.equal('000.20.01.H56-260301-0010-receipt.pdf');
    expect(got.text).to.equal('%PDF-1.4 receipt slip');
  });

  it('opened from a receipt QR code: looks the dossier up from the fragment, then drops the secret from it', async () => {
    const before = location.href;
    history.replaceState(null, '', `#tab=2&motcua-code=${encodeURIComponent(SEEDED)}&motcua-secret=bi-mat-7`);
    try {
      const el = await renderTrack();
      await waitFor(() => el.shadowRoot!.querySelector('.status-badge'), 'the dossier, without typing');
      expect(($(el, '#mc-track-code') as HTMLInputElement).value).to.equal(SEEDED);
      expect(location.hash).to.equal('#tab=2', 'the page keeps its own fragment, not the secret');
      expect(location.href).not.to.contain('bi-mat-7');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('money owed says how much, for what, and where and when to pay', async () => {
    const el = await renderTrack();
    await lookUp(el, '000.20.01.H56-260301-0006', 'bi-mat-6');
    await waitFor(() => el.shadowRoot!.querySelector('[part="payment-info"]'), 'the payment instructions');
    expect($(el, '.status-badge').classList.contains('needs-you')).to.equal(true);
    const text = norm($(el, '[part="payment-info"]').textContent);
    expect(text).to.contain('Phí cấp bản sao Trích lục khai sinh8.000 đồng');
    expect(text).to.contain('Tổng cộng8.000 đồng');
    expect(text).to.contain('Nộp tiền mặt hoặc quẹt thẻ tại Bộ phận Một cửa');
  });

  it('a dossier still in progress offers no result', async () => {
    const el = await renderTrack();
    await lookUp(el, SEEDED, 'bi-mat-7');
    await waitFor(() => el.shadowRoot!.querySelector('.status-badge'), 'the status');
    expect(el.shadowRoot!.querySelector('.results')).to.equal(null);
  });

  it('finds a dossier by code and secret: status with label and date, due date, the public timeline', async () => {
    const el = await renderTrack();
    const found = nextEvent<{ code: string; status: number }>(el, 'motcua-loaded');
    await lookUp(el, SEEDED, 'bi-mat-7');
    expect((await found).detail).to.deep.equal({ code: SEEDED, status: 5 });
    await el.updateComplete;
    expect(norm($(el, '.status-badge').textContent)).to.equal('Cần bạn thực hiện · Yêu cầu bổ sung giấy tờ');
    expect($(el, '.status-badge').classList.contains('needs-you')).to.equal(true);
    const red = getComputedStyle($(el, '.status-badge')).color;
    expect(red).not.to.equal('rgb(179, 38, 30)', 'never the colour of errors');
    expect(norm($(el, '[part="status"]').textContent)).to.contain('từ 10:00, Chủ Nhật, 01/03/2026');
    expect(norm($(el, '.facts').textContent)).to.contain('Hạn trả kết quả17:00, Chủ Nhật, 01/03/2026');
    expect($$(el, '.timeline li').map((li) => norm(li.querySelector('strong')!.textContent))).to.deep.equal([
      'Nộp trực tuyến',
      'Tiếp nhận',
      'Yêu cầu bổ sung',
    ]);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#mc-track-title'));
  });

  it('a wrong secret looks exactly like an unknown dossier', async () => {
    const el = await renderTrack();
    await lookUp(el, SEEDED, 'sai');
    const alert = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('#mc-lookup-error'), 'the error');
    expect(norm(alert.textContent)).to.equal('Không tìm thấy hồ sơ. Kiểm tra lại mã hồ sơ và mã tra cứu.');
    expect(el.shadowRoot!.querySelector('.result')).to.equal(null);
    expect($(el, '#mc-track-secret').getAttribute('aria-describedby')).to.equal('mc-lookup-error');
  });

  it('sends the documents a supplement request asks for, checking them first', async () => {
    const el = await renderTrack();
    await lookUp(el, SEEDED, 'bi-mat-7');
    await waitFor(
      () => el.shadowRoot!.querySelector('.supplement .doc-title')?.textContent === 'Giấy chứng sinh',
      'the requested document with its title',
    );
    $(el, '[part~="supplement-send"]').click();
    await el.updateComplete;
    expect(norm($(el, '.supplement .doc > .error').textContent)).to.contain('Thiếu giấy tờ "Giấy chứng sinh"');
    chooseFiles($(el, '#mc-sup-giay-chung-sinh') as HTMLInputElement, [zipNamedPdf()]);
    await waitFor(() => el.shadowRoot!.querySelector('.supplement .file.invalid'), 'the refused file');
    $(el, '[aria-label="Bỏ tệp that-is-a-zip.pdf"]').click();
    chooseFiles($(el, '#mc-sup-giay-chung-sinh') as HTMLInputElement, [pdf('chung-sinh-ro.pdf')]);
    await waitFor(
      () => $$(el, '.supplement .file-name').length === 1 && !el.shadowRoot!.querySelector('.supplement .invalid'),
      'the good file',
    );
    await typeInto(el as never, $(el, '#mc-sup-comment'), 'Bản chụp rõ hơn');
    $(el, '[part~="supplement-send"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('#mc-track-notice'), 'the confirmation');
    expect(norm($(el, '#mc-track-notice').textContent)).to.equal('Đã gửi giấy tờ bổ sung.');
    expect(el.shadowRoot!.querySelector('.supplement')).to.equal(null);
    expect(norm($(el, '.status-badge').textContent)).to.equal('Đang giải quyết · Đang xử lý');
    expect($(el, '.status-badge').classList.contains('in-progress')).to.equal(true);
    const log = await mockLog();
    expect(log[0]).to.deep.include({ supplement: { comment: 'Bản chụp rõ hơn' } });
    expect(log[0].files.map((f: any) => [f.field, f.name])).to.deep.equal([
      ['documents.giay-chung-sinh', 'chung-sinh-ro.pdf'],
    ]);
  });

  it('a file chosen and sent at once goes with the supplement (its type still being read)', async () => {
    const el = await renderTrack();
    await lookUp(el, SEEDED, 'bi-mat-7');
    await waitFor(
      () => el.shadowRoot!.querySelector('.supplement .doc-title')?.textContent === 'Giấy chứng sinh',
      'the requested document with its title',
    );
    chooseFiles($(el, '#mc-sup-giay-chung-sinh') as HTMLInputElement, [pdf('chung-sinh-ro.pdf')]);
    $(el, '[part~="supplement-send"]').click();
    // Before the files were waited for, the send found none and said the document was missing.
    await waitFor(() => el.shadowRoot!.querySelector('#mc-track-notice'), 'the confirmation');
    expect(norm($(el, '#mc-track-notice').textContent)).to.equal('Đã gửi giấy tờ bổ sung.');
    const log = await mockLog();
    expect(log[0].files.map((f: any) => [f.field, f.name])).to.deep.equal([
      ['documents.giay-chung-sinh', 'chung-sinh-ro.pdf'],
    ]);
  });

  it('asks to withdraw, with a reason', async () => {
    const el = await renderTrack('ok', SEEDED);
    expect(($(el, '#mc-track-code') as HTMLInputElement).value).to.equal(
      SEEDED,
      'the code attribute presets the lookup',
    );
    await typeInto(el as never, $(el, '#mc-track-secret'), 'bi-mat-7');
    $(el, '[part~="lookup-button"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('[part~="withdraw-open"]'), 'the withdraw button');
    $(el, '[part~="withdraw-open"]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#mc-withdraw-reason'));
    $(el, '[part~="withdraw-confirm"]').click();
    await el.updateComplete;
    expect(norm($(el, '#mc-withdraw-err').textContent)).to.equal('Hãy ghi lý do rút hồ sơ.');
    await typeInto(el as never, $(el, '#mc-withdraw-reason'), 'Đã đăng ký ở nơi khác');
    $(el, '[part~="withdraw-confirm"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('#mc-track-notice'), 'the confirmation');
    expect(norm($(el, '#mc-track-notice').textContent)).to.contain('Đã gửi yêu cầu rút hồ sơ');
    expect(el.shadowRoot!.querySelector('[part~="withdraw-open"]')).to.equal(null);
    expect((await mockLog())[0]).to.deep.include({ withdrawal: { reason: 'Đã đăng ký ở nơi khác' } });
  });

  it('a network failure offers a retry', async () => {
    const el = await fixture<MotcuaTrack>(html`<motcua-track server="http://127.0.0.1:9"></motcua-track>`);
    await lookUp(el, SEEDED, 'bi-mat-7');
    const alert = await waitFor(
      () => el.shadowRoot!.querySelector<HTMLElement>('#mc-lookup-error'),
      'the network error',
    );
    expect(norm(alert.textContent)).to.contain('Không kết nối được với máy chủ').and.contain('Thử lại');
  });
});
