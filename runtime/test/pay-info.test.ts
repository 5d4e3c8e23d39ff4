import { expect, fixture, html } from '@open-wc/testing';
import type { MotcuaForm, MotcuaTrack } from '../src/index.ts';
import '../src/index.ts';
import { $, mockReset, nextEvent, norm, typeInto, waitFor } from './support/helpers.ts';
import { fillReady, renderMotcuaForm } from './support/form-helpers.ts';

// How much is owed, for what, and how and where to pay it (the server's `payment`, from the
// procedure's definition): on the receipt after submitting, on the printed receipt and in tracking.

const OWING = '000.20.01.H56-260301-0006';
const info = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part="payment-info"]');

async function renderTrack(lang = 'vi'): Promise<MotcuaTrack> {
  return fixture<MotcuaTrack>(html`<motcua-track server="/mock/ok" lang=${lang}></motcua-track>`);
}

async function lookUp(el: MotcuaTrack, code: string, secret: string): Promise<void> {
  await typeInto(el as never, $(el, '#mc-track-code'), code);
  await typeInto(el as never, $(el, '#mc-track-secret'), secret);
  $(el, '[part~="lookup-button"]').click();
}

async function submitted(scenario: string): Promise<{ el: MotcuaForm; code: string }> {
  const el = await renderMotcuaForm(scenario);
  await fillReady(el);
  const sent = nextEvent<{ code: string }>(el, 'motcua-submitted');
  $(el, '[part~="submit"]').click();
  const { code } = (await sent).detail;
  await waitFor(() => el.shadowRoot!.querySelector('.receipt'), 'the receipt');
  return { el, code };
}

/** Catches what the copy buttons put on the clipboard. */
async function copying(run: () => Promise<void>): Promise<string[]> {
  const copied: string[] = [];
  const write = Clipboard.prototype.writeText;
  Clipboard.prototype.writeText = async (text: string) => void copied.push(text);
  try {
    await run();
  } finally {
    Clipboard.prototype.writeText = write;
  }
  return copied;
}

describe('payment instructions', () => {
  beforeEach(async () => {
    await mockReset();
    sessionStorage.clear();
  });

  it('the receipt of a dossier that owes says the amount, what for, and how and where to pay', async () => {
    const { el, code } = await submitted('owing');
    const box = info(el)!;
    expect(box, 'the instructions come with the receipt').not.to.equal(null);
    expect(el.shadowRoot!.querySelector('.receipt')!.contains(box)).to.equal(true);
    const text = norm(box.textContent);
    expect(text).to.contain('Số tiền phải nộp');
    expect(text).to.contain('Phí cấp bản sao Trích lục khai sinh8.000 đồng');
    expect(text).to.contain('Tổng cộng8.000 đồng');
    expect(text).to.contain('Nộp trước: hồ sơ được tiếp nhận sau khi đã nộp đủ.');
    expect(text).to.contain('Kho bạc Nhà nước khu vực (tài khoản minh họa)');
    expect(norm($(el, '.pay-account').textContent)).to.equal('3511.0.1234567');
    expect(norm($(el, '.pay-content').textContent)).to.equal(`LE PHI KHAI SINH ${code}`, 'the dossier code in it');
    expect(norm($(el, '.pay-counter').textContent)).to.contain('Bộ phận Một cửa');
    // That the dossier waits for the payment is said once: by the "pay first" line, not again by a note.
    expect(text.split('được tiếp nhận sau khi').length - 1).to.equal(1);
    expect(box.querySelector('.pay-note')).to.equal(null);
    const copied = await copying(async () => {
      $(el, '[aria-label="Sao chép số tài khoản"]').click();
      await waitFor(() => norm($(el, '.pay-account ~ .copied').textContent) !== '', 'said copied');
      $(el, '[aria-label="Sao chép nội dung chuyển khoản"]').click();
      await waitFor(() => norm($(el, '.pay-content ~ .copied').textContent) !== '', 'said copied');
    });
    expect(copied).to.deep.equal(['3511.0.1234567', `LE PHI KHAI SINH ${code}`]);
    expect(norm($(el, '.pay-account ~ .copied').textContent)).to.equal('✓ Đã sao chép');
    await expect(el).to.be.accessible();
  });

  it('the printed receipt carries the instructions, without buttons', async () => {
    const { el, code } = await submitted('owing');
    await waitFor(() => info(el), 'the instructions');
    const { printReceipt } = await import('../src/elements/form/receipt.ts');
    const view = await (await fetch('/mock/owing/api/v1/public/procedures/1.001193')).json();
    const secret = norm($(el, '.receipt .secret').textContent);
    const track = await (
      await fetch(`/mock/owing/api/v1/public/dossiers/${code}`, { headers: { 'X-Tracking-Secret': secret } })
    ).json();
    const receipt = {
      code,
      secret,
      status: track.status,
      statusLabel: track.statusLabel,
      fees: track.fees,
      dueAt: null,
      expectedDueAt: null,
      agency: track.agency,
      payment: track.payment,
      submittedAt: Date.parse('2026-03-02T09:00:00+07:00'),
    } as Parameters<typeof printReceipt>[1];
    const frame = printReceipt(el.shadowRoot!, receipt, view, 'vi', false);
    const doc = frame.contentDocument!;
    const text = norm(doc.body.textContent);
    expect(text).to.contain('Số tiền phải nộp').and.contain(`LE PHI KHAI SINH ${code}`).and.contain('3511.0.1234567');
    expect(doc.querySelectorAll('button').length).to.equal(0);
    frame.remove();
  });

  it('a receipt with nothing owed has no instructions', async () => {
    const { el } = await submitted('ok');
    await new Promise((r) => setTimeout(r, 100));
    expect(info(el)).to.equal(null);
  });

  it('tracking shows them while the fees are owed, in English too, and drops them once paid', async () => {
    const el = await renderTrack();
    await lookUp(el, OWING, 'bi-mat-6');
    await waitFor(() => info(el), 'the instructions');
    expect(norm(info(el)!.textContent))
      .to.contain(`LE PHI KHAI SINH ${OWING}`)
      .and.contain('Tổng cộng8.000 đồng');
    await expect(el).to.be.accessible();

    const en = await renderTrack('en');
    await lookUp(en, OWING, 'bi-mat-6');
    await waitFor(() => info(en), 'the instructions in English');
    const text = norm(info(en)!.textContent);
    expect(text).to.contain('Amount to pay').and.contain('Birth extract copies8,000 VND');
    expect(text).to.contain('Transfer reference').and.contain('Pay first: the dossier is accepted once paid in full.');
    expect(text).to.contain('Pay in cash or by card at the one-stop counter');

    await fetch(`/mock/settle?code=${encodeURIComponent(OWING)}&state=paid`, { method: 'POST' });
    $(el, '[part~="lookup-button"]').click();
    await waitFor(() => !info(el) && el.shadowRoot!.querySelector('.status-badge'), 'paid: no instructions');
    expect(el.shadowRoot!.querySelector('.fees')).to.equal(null);
  });

  it("a definition's note, when it says more than when to pay, follows the ways to pay", async () => {
    const { payInfoTemplate } = await import('../src/elements/form/pay-info.ts');
    const note = {
      vi: 'Giấy phép được trao sau khi đã nộp đủ.',
      en: 'The permit is handed over once it is paid.',
    };
    const due = {
      collect: 'after',
      items: [{ id: 'le-phi', title: { vi: 'Lệ phí cấp giấy phép', en: 'Permit charge' }, amount: 75000 }],
      total: 75000,
      bankTransfer: null,
      counter: { vi: 'Nộp tại Bộ phận Một cửa.', en: 'Pay at the one-stop counter.' },
      note,
    } as Parameters<typeof payInfoTemplate>[0];
    const el = await fixture<HTMLElement>(html`<div>${payInfoTemplate(due, 'UBND xã', 'vi')}</div>`);
    expect(norm(el.querySelector('.pay-when')!.textContent)).to.equal('Nộp khi nhận kết quả.');
    expect(norm(el.querySelector('.pay-note')!.textContent)).to.equal(note.vi);
    expect(el.querySelector('.pay-counter ~ .pay-note'), 'after the counter').not.to.equal(null);
    expect(el.querySelector('.pay-ask'), 'the definition says how: no "ask the agency"').to.equal(null);
  });

  it('a dossier that owes nothing shows no instructions', async () => {
    const el = await renderTrack();
    await lookUp(el, '000.20.01.H56-260301-0007', 'bi-mat-7');
    await waitFor(() => el.shadowRoot!.querySelector('.status-badge'), 'the dossier');
    expect(info(el)).to.equal(null);
  });
});
