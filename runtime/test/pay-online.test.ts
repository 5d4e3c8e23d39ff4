import { expect, fixture, html } from '@open-wc/testing';
import type { MotcuaForm, MotcuaTrack } from '../src/index.ts';
import '../src/index.ts';
import { $, $$, mockLog, mockReset, nextEvent, norm, typeInto, waitFor } from './support/helpers.ts';
import { fillReady, renderMotcuaForm } from './support/form-helpers.ts';

const OWING = '000.20.01.H56-260301-0006';

interface PaymentDetail {
  code: string;
  provider: string;
  redirectUrl: string;
}

async function renderTrack(scenario = 'ok', lang = 'vi'): Promise<MotcuaTrack> {
  return fixture<MotcuaTrack>(html`<motcua-track server=${`/mock/${scenario}`} lang=${lang}></motcua-track>`);
}

async function lookUp(el: MotcuaTrack, code: string, secret: string): Promise<void> {
  await typeInto(el as never, $(el, '#mc-track-code'), code);
  await typeInto(el as never, $(el, '#mc-track-secret'), secret);
  $(el, '[part~="lookup-button"]').click();
}

const panel = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part="payment"]');

/** Clicks "pay" and catches the page's departure to the provider (the host page may take it over). */
async function pay(el: Element, provider?: string): Promise<PaymentDetail> {
  if (provider) {
    const radio = $(el, `input[name="mc-pay-provider"][value="${provider}"]`) as HTMLInputElement;
    radio.click();
    await (el as MotcuaTrack).updateComplete;
  }
  const leaving = new Promise<CustomEvent<PaymentDetail>>((resolve) =>
    el.addEventListener('motcua-payment', (e) => (e.preventDefault(), resolve(e as CustomEvent<PaymentDetail>)), {
      once: true,
    }),
  );
  $(el, '[part~="pay-button"]').click();
  return (await leaving).detail;
}

/** The provider's verdict (the mock stands for the server's settlement), then its return to this page. */
async function comeBack(code: string, state: 'paid' | 'failed'): Promise<void> {
  await fetch(`/mock/settle?code=${encodeURIComponent(code)}&state=${state}`, { method: 'POST' });
  history.replaceState(null, '', `#tab=2&motcua-payment=${state}&motcua-dossier=${encodeURIComponent(code)}`);
}

describe('paying online', () => {
  beforeEach(async () => {
    await mockReset();
    sessionStorage.clear();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('tracking: a dossier waiting for its fees offers the providers; paying goes to the chosen one', async () => {
    const el = await renderTrack();
    await lookUp(el, OWING, 'bi-mat-6');
    await waitFor(() => panel(el), 'the payment panel');
    const text = norm(panel(el)!.textContent);
    expect(text).to.contain('Thanh toán trực tuyến');
    expect(text).to.contain('Hồ sơ chờ bạn nộp 8.000 đồng trước khi được tiếp nhận');
    expect($$(el, 'input[name="mc-pay-provider"]').map((r) => (r as HTMLInputElement).value)).to.deep.equal([
      'vnpay',
      'paygov',
    ]);
    expect(($(el, 'input[value="vnpay"]') as HTMLInputElement).checked).to.equal(true, 'the first is chosen');
    expect(norm($(el, '[part~="pay-button"]').textContent)).to.equal('Thanh toán 8.000 đồng');
    const went = await pay(el, 'paygov');
    expect(went.code).to.equal(OWING);
    expect(went.provider).to.equal('paygov');
    const page = location.origin + location.pathname + location.search;
    expect(went.redirectUrl).to.contain(`backTo=${encodeURIComponent(page)}`);
    const log = await mockLog();
    expect(log.at(-1)).to.deep.include({ code: OWING, payment: { provider: 'paygov', backTo: page } });
    expect(sessionStorage.getItem(`motcua-payment:${OWING}`)).to.contain('bi-mat-6');
  });

  it('tracking: back from a paid payment, the dossier is looked up again and says paid', async () => {
    const el = await renderTrack();
    await lookUp(el, OWING, 'bi-mat-6');
    await waitFor(() => panel(el), 'the payment panel');
    await pay(el);
    el.remove();
    await comeBack(OWING, 'paid');
    const back = await renderTrack();
    await waitFor(() => panel(back)?.classList.contains('paid'), 'paid');
    expect(norm(panel(back)!.querySelector('h3')!.textContent)).to.equal('✓ Đã thanh toán 8.000 đồng');
    expect(norm(panel(back)!.textContent)).to.contain('Trạng thái hồ sơ: Mới đăng ký');
    expect(back.shadowRoot!.querySelector('[part~="pay-button"]')).to.equal(null, 'nothing more to pay');
    expect(location.hash).to.equal('#tab=2', 'the page keeps its own fragment');
    expect(sessionStorage.getItem(`motcua-payment:${OWING}`)).to.equal(null, 'forgotten');
    expect(($(back, '#mc-track-secret') as HTMLInputElement).value).to.equal('bi-mat-6');
  });

  it('axe-core finds no violation in the offer nor in the paid state', async () => {
    const el = await renderTrack();
    await lookUp(el, OWING, 'bi-mat-6');
    await waitFor(() => panel(el), 'the payment panel');
    await expect(el).to.be.accessible();
    await pay(el);
    el.remove();
    await comeBack(OWING, 'paid');
    const back = await renderTrack();
    await waitFor(() => panel(back)?.classList.contains('paid'), 'paid');
    await expect(back).to.be.accessible();
  });

  it('tracking: back from a cancelled payment, it says so and offers paying again', async () => {
    const el = await renderTrack();
    await lookUp(el, OWING, 'bi-mat-6');
    await waitFor(() => panel(el), 'the payment panel');
    await pay(el, 'vnpay');
    el.remove();
    await comeBack(OWING, 'failed');
    const back = await renderTrack();
    await waitFor(() => panel(back)?.querySelector('[role="alert"]'), 'the failure');
    expect(norm(panel(back)!.querySelector('[role="alert"]')!.textContent)).to.contain(
      'Thanh toán chưa thành công (đã hủy hoặc bị từ chối)',
    );
    expect(back.shadowRoot!.querySelector('[part~="pay-button"]')).not.to.equal(null);
  });

  it('a return that this tab did not begin shows nothing of it', async () => {
    history.replaceState(null, '', `#motcua-payment=paid&motcua-dossier=${encodeURIComponent(OWING)}`);
    const el = await renderTrack();
    await new Promise((r) => setTimeout(r, 200));
    expect(panel(el)).to.equal(null);
    expect(($(el, '#mc-track-secret') as HTMLInputElement).value).to.equal('');
  });

  it('a provider that does not answer is said, in English too', async () => {
    const el = await renderTrack('paydown', 'en');
    await lookUp(el, OWING, 'bi-mat-6');
    await waitFor(() => panel(el), 'the payment panel');
    expect(norm(panel(el)!.querySelector('h3')!.textContent)).to.equal('Pay online');
    expect(norm(panel(el)!.textContent)).to.contain('National payment platform (PayGov)');
    el.addEventListener('motcua-payment', () => expect.fail('never leaves'));
    $(el, '[part~="pay-button"]').click();
    await waitFor(() => panel(el)!.querySelector('[role="alert"]'), 'the error');
    expect(norm(panel(el)!.querySelector('[role="alert"]')!.textContent)).to.equal('No answer');
    expect(sessionStorage.length).to.equal(0, 'nothing kept');
  });

  it('the receipt of a dossier with fees due first offers paying, and the return shows it paid', async () => {
    const el = await renderMotcuaForm('owing');
    await fillReady(el);
    const submitted = nextEvent<{ code: string; status: number }>(el, 'motcua-submitted');
    $(el, '[part~="submit"]').click();
    const { code, status } = (await submitted).detail;
    expect(status).to.equal(6);
    await waitFor(() => panel(el)?.querySelector('[part~="pay-button"]'), 'pay now under the receipt');
    expect(norm($(el, '.receipt').textContent)).to.contain('Yêu cầu thực hiện nghĩa vụ tài chính');
    const went = await pay(el, 'vnpay');
    expect(went).to.deep.include({ code, provider: 'vnpay' });
    el.remove();
    await comeBack(code, 'paid');
    const back = await fixture<MotcuaForm>(html`<motcua-form procedure="1.001193" server="/mock/owing"></motcua-form>`);
    await waitFor(() => panel(back)?.classList.contains('paid'), 'the receipt, paid');
    const receipt = norm($(back, '.receipt').textContent);
    expect(receipt).to.contain(code).and.contain('secret-1');
    expect(receipt).to.contain('Mới đăng ký', 'the status it has now');
    expect(norm(panel(back)!.textContent)).to.contain('Đã thanh toán 8.000 đồng');
    expect(location.hash).to.equal('#tab=2');
  });

  it('a receipt without fees due first offers no payment', async () => {
    const el = await renderMotcuaForm();
    await fillReady(el);
    const submitted = nextEvent(el, 'motcua-submitted');
    $(el, '[part~="submit"]').click();
    await submitted;
    await new Promise((r) => setTimeout(r, 200));
    expect(panel(el)).to.equal(null);
  });
});
