import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MotcuaForm } from '../src/index.ts';
import { mockLog, mockReset, waitFor } from './support/helpers.ts';
import { innerForm, renderMotcuaForm } from './support/form-helpers.ts';

/** The element that has focus, looking through shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

async function tabUntil(what: string, test: (el: Element) => boolean, max = 12): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const a = deepActive();
    if (a && test(a)) return a;
  }
  throw new Error(`Tab never reached ${what}; focus is on ${deepActive()?.outerHTML.slice(0, 120)}`);
}

const labelled = (text: string) => (el: Element) => {
  const id = el.id;
  const root = el.getRootNode() as ShadowRoot;
  return !!id && !!root.querySelector(`label[for="${id}"]`)?.textContent?.includes(text);
};

describe('keyboard only', () => {
  beforeEach(mockReset);

  it('fills and submits a form without a pointer', async () => {
    const el: MotcuaForm = await renderMotcuaForm('ok', { procedure: '9.000001' });
    await tabUntil('the name', labelled('Họ và tên'));
    await sendKeys({ type: 'Phạm Thị Lan' });
    await tabUntil('the email', labelled('Thư điện tử'));
    await sendKeys({ type: 'lan.pham@example.vn' });
    const radio = await tabUntil('the first choice', (e) => (e as HTMLInputElement).type === 'radio');
    await sendKeys({ press: 'ArrowDown' });
    expect((deepActive() as HTMLInputElement).checked).to.equal(true);
    expect(deepActive()).to.not.equal(radio);
    await tabUntil('the agreement', labelled('Tôi đồng ý nhận thông báo'));
    await sendKeys({ press: 'Space' });
    await tabUntil('the submit button', (e) => e.matches('[part~="submit"]'), 20);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => el.shadowRoot!.querySelector('.receipt'), 'the receipt');
    expect(deepActive()?.id).to.equal('mc-receipt-title', 'focus moves to the receipt');
    const log = await mockLog();
    expect(log[0].submission.data).to.deep.equal({
      fullName: 'Phạm Thị Lan',
      email: 'lan.pham@example.vn',
      contactBy: 'sms',
      agree: true,
    });
    expect(log[0].submission.agency).to.equal(undefined, 'a fixed receiving agency is not sent');
  });

  it('a failed submit by keyboard lands on the summary, whose links lead to the fields', async () => {
    const el: MotcuaForm = await renderMotcuaForm('ok', { procedure: '9.000001' });
    await tabUntil('the submit button', (e) => e.matches('[part~="submit"]'), 30);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActive()?.id === 'mc-form-summary', 'focus on the summary');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent).to.contain('Họ và tên');
    await sendKeys({ press: 'Enter' });
    const inner = innerForm(el);
    await waitFor(
      () => deepActive()?.getRootNode() === inner.shadowRoot && (deepActive() as HTMLInputElement).type === 'text',
      'focus on the name field',
    );
  });
});
