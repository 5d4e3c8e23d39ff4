import { expect, fixture, html } from '@open-wc/testing';
import type { Procedure } from '@motcua/core';
import '../../src/preview/preview-pane.ts';
import { AGENCIES, CALENDAR, procedure } from './support/fixtures.ts';
import { control, host, until, type Editor } from './support/host.ts';

/** The documents editor's channels and "shown, not uploaded" controls, and the preview they feed. */

const doc = (el: Element, id = 'to-khai') => el.querySelector(`[data-document="${id}"]`)!;
const legends = (root: Element) => [...root.querySelectorAll('legend')].map((l) => l.textContent!.trim());

async function click(input: HTMLInputElement, el: Editor) {
  input.click();
  await el.updateComplete;
}

describe('mc-documents-editor: channels and documents to show', () => {
  it('ticks the channels that ask a document; none ticked is every channel', async () => {
    const { el, changes } = await host<Editor>('mc-documents-editor', procedure());
    const box = doc(el).querySelector<HTMLFieldSetElement>('fieldset[aria-describedby]')!;
    expect(box.querySelector('legend')!.textContent).to.equal('Kênh nộp yêu cầu giấy tờ này');
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).to.contain(
      'Không chọn kênh nào là yêu cầu ở mọi kênh',
    );
    expect([...box.querySelectorAll('input')].map((i) => i.checked)).to.deep.equal([false, false, false]);
    await click(control(doc(el), 'Bưu chính công ích'), el);
    await click(control(doc(el), 'Trực tiếp'), el);
    // Core's order of channels, whatever the order of the ticks.
    expect(changes[1]!.procedure.documents[0]!.channels).to.deep.equal(['direct', 'postal']);
    expect(changes[1]!.label).to.equal('Sửa giấy tờ “Tờ khai”');
    await click(control(doc(el), 'Trực tiếp'), el);
    await click(control(doc(el), 'Bưu chính công ích'), el);
    expect('channels' in changes[3]!.procedure.documents[0]!, 'none ticked: the key goes').to.equal(false);
    expect(changes[3]!.procedure.documents[1], 'the other document is untouched').to.deep.equal(
      procedure().documents[1],
    );
    await expect(el).to.be.accessible();
  });

  it('"shown, not uploaded" drops the file limits and hides their controls; unticked, defaults come back', async () => {
    const { el, changes } = await host<Editor>('mc-documents-editor', procedure());
    const show = () => control(doc(el), 'Chỉ xuất trình để đối chiếu, không tải lên (không có giới hạn tệp)');
    expect(legends(doc(el))).to.include('Kiểu tệp chấp nhận');
    await click(show(), el);
    const shown = changes[0]!.procedure.documents[0]!;
    expect(shown.show).to.equal(true);
    for (const key of ['mediaTypes', 'maxSizeBytes', 'minFiles', 'maxFiles'])
      expect(key in shown, `${key} removed`).to.equal(false);
    expect(legends(doc(el))).not.to.include('Kiểu tệp chấp nhận');
    expect(() => control(doc(el), 'Số tệp tối đa')).to.throw('No control labelled');
    expect(() => control(doc(el), 'Dung lượng tối đa mỗi tệp (MB)')).to.throw('No control labelled');
    // What is brought to the counter stays.
    expect(control(doc(el), 'Số bản chính').value).to.equal('1');
    expect(legends(doc(el, 'giay-ket-hon')), 'the other document keeps its file types').to.include(
      'Kiểu tệp chấp nhận',
    );
    await expect(el).to.be.accessible();

    await click(show(), el);
    const uploaded = changes[1]!.procedure.documents[0]!;
    expect('show' in uploaded).to.equal(false);
    expect([uploaded.mediaTypes, uploaded.maxSizeBytes, uploaded.minFiles, uploaded.maxFiles]).to.deep.equal([
      ['application/pdf', 'image/jpeg', 'image/png'],
      10 * 1024 * 1024,
      1,
      3,
    ]);
    expect(control(doc(el), 'Số tệp tối đa').value).to.equal('3');
  });

  it('in English, the channel names are core’s', async () => {
    const { el } = await host<Editor>('mc-documents-editor', procedure(), { lang: 'en' });
    expect(legends(doc(el))).to.include('Channels that ask for it');
    for (const name of ['Online', 'At the counter', 'Public postal service']) control(doc(el), name);
    control(doc(el), 'Shown for checking, not uploaded (no file limits)');
  });
});

describe('the preview follows the documents editor', () => {
  // <motcua-form> from the runtime's sources, as the test server serves them (the designer loads
  // the server's build of the same); a path, not an import, so this workspace compiles alone.
  const runtimeSources = '/runtime/src/index.ts';
  const realFetch = window.fetch;
  before(async () => {
    await import(/* @vite-ignore */ runtimeSources);
    // The province's agencies and calendars, which the preview reads once through the API.
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), location.href).pathname;
      const json = (body: unknown) =>
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      if (path === '/api/v1/agencies')
        return json({ items: AGENCIES.map((a) => ({ ...a, active: true })), nextCursor: null });
      if (path === '/api/v1/calendars') return json({ items: [{ id: 'vn', calendar: CALENDAR }] });
      return realFetch(input, init);
    };
  });
  after(() => {
    window.fetch = realFetch;
  });

  it('a document shown, not uploaded, is listed apart; one not asked online leaves the online form', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    const preview = document.createElement('mc-preview-pane') as HTMLElement & {
      definition: Procedure;
      lang: string;
      updateComplete: Promise<boolean>;
    };
    Object.assign(preview, { lang: 'vi', definition: procedure() });
    wrapper.append(preview);
    const { el } = await host<Editor>('mc-documents-editor', procedure());
    // As the workspace does: every edit is the preview's definition.
    el.addEventListener('procedure-change', (e) => {
      preview.definition = (e as CustomEvent<{ procedure: Procedure }>).detail.procedure;
    });
    const form = await until(() => preview.querySelector('motcua-form')?.shadowRoot ?? null);
    const section = () => form.querySelector('[part="documents"]');
    const uploads = () => [...form.querySelectorAll('[part~="document"] .doc-title')].map((t) => t.textContent!.trim());
    const toShow = () =>
      [...form.querySelectorAll('[part="document-to-show"] .doc-title')].map((t) => t.textContent!.trim());
    await until(() => uploads().includes('Tờ khai') || null);

    await click(control(doc(el), 'Chỉ xuất trình để đối chiếu, không tải lên (không có giới hạn tệp)'), el);
    await until(() => toShow().includes('Tờ khai') || null);
    expect(uploads()).not.to.include('Tờ khai');
    expect(section()!.querySelector('[part="documents-to-show"] h4')!.textContent).to.contain('Giấy tờ xuất trình');

    // Asked only at the counter: the preview is the online form, where it is not asked.
    await click(control(doc(el), 'Trực tiếp'), el);
    await until(() => (!toShow().includes('Tờ khai') && !uploads().includes('Tờ khai')) || null);
    expect(form.querySelector('[part="documents-not-needed"]')!.textContent).to.contain('Tờ khai');
  });
});
