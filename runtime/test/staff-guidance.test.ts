import { expect, fixture, html } from '@open-wc/testing';
import type { Procedure } from '@motcua/core';
import { INTAKE_ELEMENTS } from '../src/staff/intake/elements.ts';
import type { StaffGuidance } from '../src/staff/intake/staff-guidance.ts';
import { defineElements } from '../src/staff/app/define-elements.ts';
import { setLang } from '../src/staff/i18n/language.ts';
import { formatDate } from '../src/staff/ui/format.ts';

/**
 * The counter's guidance slip for an incomplete dossier, on the birth registration example: the
 * documents asked on the dossier's channel (the paper declaration at the counter and by post, the
 * identity paper shown at the counter only), documents to show apart, and the printed text.
 */

defineElements(INTAKE_ELEMENTS);

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

async function birth(): Promise<Procedure> {
  const view = await (await fetch('/mock/ok/api/v1/public/procedures/1.001193')).json();
  return view.procedure as Procedure;
}

async function render(channel: 'direct' | 'postal', office = '', clerk = ''): Promise<StaffGuidance> {
  const procedure = await birth();
  return fixture<StaffGuidance>(
    html`<motcua-staff-guidance
      .procedure=${procedure}
      channel=${channel}
      .office=${office}
      .clerk=${clerk}
    ></motcua-staff-guidance>`,
  );
}

/** Today in Vietnam, as the slip prints it. */
const today = (lang: 'vi' | 'en') => formatDate(Date.now(), lang);

const root = (el: StaffGuidance) => el.shadowRoot!;
const legends = (el: StaffGuidance) => [...root(el).querySelectorAll('legend')].map((l) => norm(l.textContent));
const ticks = (el: StaffGuidance, legend: string) =>
  [...root(el).querySelectorAll('fieldset')]
    .find((f) => norm(f.querySelector('legend')!.textContent) === legend)!
    .querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
const labelsIn = (el: StaffGuidance, legend: string) =>
  [...ticks(el, legend)].map((i) => norm(i.closest('label')!.textContent));

async function tick(el: StaffGuidance, id: string) {
  root(el).querySelector<HTMLInputElement>(`input[data-document="${id}"]`)!.click();
  await el.updateComplete;
}

async function openSlip(el: StaffGuidance): Promise<HTMLElement> {
  root(el).querySelector('details')!.open = true;
  const button = [...root(el).querySelectorAll<HTMLButtonElement>('details > button')][0]!;
  expect(button.disabled, 'something is ticked').to.equal(false);
  button.click();
  await el.updateComplete;
  return root(el).querySelector<HTMLElement>('section.slip')!;
}

/** The slip as printed: its text without the print and close buttons. */
function printed(slip: HTMLElement): string {
  const copy = slip.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.no-print').forEach((n) => n.remove());
  return [...copy.querySelectorAll('h2, h3, p, li')].map((n) => norm(n.textContent)).join('\n');
}

describe('<motcua-staff-guidance>', () => {
  beforeEach(() => setLang('vi'));
  after(() => setLang('vi'));

  it('at the counter: the paper declaration to bring, the identity paper to show, listed apart', async () => {
    const el = await render('direct', 'Phường Trung Tâm', 'Lê Thị Tiếp');
    expect(legends(el)).to.deep.equal(['Giấy tờ', 'Giấy tờ xuất trình']);
    expect(labelsIn(el, 'Giấy tờ')[0]).to.equal('Tờ khai đăng ký khai sinh (mẫu 01, Thông tư 04/2020/TT-BTP)');
    expect(labelsIn(el, 'Giấy tờ')).not.to.include('Giấy tờ tùy thân của người yêu cầu');
    expect(labelsIn(el, 'Giấy tờ xuất trình')).to.deep.equal(['Giấy tờ tùy thân của người yêu cầu']);
    await tick(el, 'giay-chung-sinh');
    await tick(el, 'to-khai');
    await tick(el, 'giay-to-tuy-than');
    const slip = await openSlip(el);
    expect(printed(slip)).to.equal(
      [
        'Phường Trung Tâm',
        'Phiếu hướng dẫn',
        'Đăng ký khai sinh',
        'Hình thức nộp hồ sơ: Trực tiếp',
        'Hồ sơ chưa đầy đủ.',
        'Đề nghị ông/bà bổ sung các giấy tờ sau:',
        // In the procedure's order, whatever the order of the ticks.
        'Tờ khai đăng ký khai sinh (mẫu 01, Thông tư 04/2020/TT-BTP)',
        'Giấy chứng sinh',
        'Giấy tờ xuất trình',
        'Mang theo bản chính để cán bộ đối chiếu (không nộp lại):',
        'Giấy tờ tùy thân của người yêu cầu',
        // The day and who gave it: what the applicant takes home says when and where from.
        `Ngày ${today('vi')} — Cán bộ hướng dẫn: Lê Thị Tiếp`,
      ].join('\n'),
    );
    await expect(el).to.be.accessible();
  });

  it('by post: no document to show is asked, and a tick from the counter does not reach the slip', async () => {
    const el = await render('direct');
    await tick(el, 'giay-to-tuy-than');
    await tick(el, 'van-ban-uy-quyen');
    el.channel = 'postal';
    await el.updateComplete;
    expect(legends(el)).to.deep.equal(['Giấy tờ']);
    const slip = await openSlip(el);
    const text = printed(slip);
    expect(text).to.contain('Hình thức nộp hồ sơ: Bưu chính');
    expect(text).to.contain('Văn bản ủy quyền');
    expect(text).not.to.contain('Giấy tờ tùy thân');
    expect(text).not.to.contain('Giấy tờ xuất trình');
  });

  it('only documents to show missing: no list of documents to hand in; in English too', async () => {
    setLang('en');
    const el = await render('direct');
    expect(legends(el)).to.deep.equal(['Documents', 'Documents to show']);
    await tick(el, 'giay-to-tuy-than');
    const text = printed(await openSlip(el));
    expect(text).to.equal(
      [
        'Guidance slip',
        'Birth registration',
        'Filed: At the counter',
        'The dossier is incomplete.',
        'Documents to show',
        'Bring the originals for the clerk to check (they are not kept):',
        "The requester's identity paper",
        `Given on ${today('en')}`,
      ].join('\n'),
    );
  });

  it('prints the slip; another procedure or reset() starts with nothing ticked', async () => {
    const el = await render('direct');
    await tick(el, 'to-khai');
    const slip = await openSlip(el);
    const print = window.print;
    let printedOnce = 0;
    window.print = () => void printedOnce++;
    try {
      [...slip.querySelectorAll<HTMLButtonElement>('button')].find((b) => norm(b.textContent) === 'In')!.click();
    } finally {
      window.print = print;
    }
    expect(printedOnce).to.equal(1);
    el.reset();
    await el.updateComplete;
    expect(root(el).querySelector('section.slip')).to.equal(null);
    expect([...ticks(el, 'Giấy tờ')].some((i) => i.checked)).to.equal(false);
    await tick(el, 'to-khai');
    el.procedure = { ...el.procedure };
    await el.updateComplete;
    expect([...ticks(el, 'Giấy tờ')].some((i) => i.checked)).to.equal(false);
  });
});
