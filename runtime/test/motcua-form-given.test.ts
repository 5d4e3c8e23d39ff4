import { expect, fixture, html } from '@open-wc/testing';
import { createPrecompiledEvaluator, type CompiledValidator } from '@motcua/core';
import type { MotcuaForm, FormSubmission } from '../src/index.ts';
import type { ProcedureView } from '../src/api/types.ts';
import { $, chooseFiles, pdf, waitFor } from './support/helpers.ts';
import { answer, BIRTH, MONDAY_9AM, renderMotcuaForm, validBirthData } from './support/form-helpers.ts';

/** The published view of the birth registration, as the mock server serves it, and its validators. */
async function published(): Promise<{ view: ProcedureView; validators: Record<string, CompiledValidator> }> {
  const view = (await (await fetch(`/mock/ok/api/v1/public/procedures/${BIRTH}`)).json()) as ProcedureView;
  const mod = (await import(/* @vite-ignore */ view.validators)) as {
    validators?: Record<string, CompiledValidator>;
    default?: Record<string, CompiledValidator>;
  };
  return { view, validators: mod.validators ?? mod.default ?? {} };
}

/** The same definition, given as data (a copy: nothing is shared with the published view). */
async function renderGiven(
  view: ProcedureView,
  validators: Record<string, CompiledValidator>,
  submitHandler?: unknown,
) {
  const el = await fixture<MotcuaForm>(html`<motcua-form
    lang="vi"
    .definition=${structuredClone(view.procedure)}
    .version=${view.version}
    .evaluator=${createPrecompiledEvaluator(validators)}
    .agencies=${structuredClone(view.agencies)}
    .calendars=${structuredClone(view.calendars)}
    .submitHandler=${submitHandler}
    .now=${() => MONDAY_9AM}
  ></motcua-form>`);
  await waitFor(() => el.shadowRoot!.querySelector('motcua-jsonforms'), 'the given form');
  await el.updateComplete;
  return el;
}

/** What a person sees: the element's DOM with the inner form's shadow DOM inlined, without Lit's markers. */
function seen(root: ShadowRoot | Element): string {
  const clone = document.createElement('div');
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeName === 'STYLE') continue;
    clone.append(node.cloneNode(true));
  }
  for (const inner of Array.from(root.querySelectorAll('*')).filter((e) => e.shadowRoot)) {
    const path = inner.tagName.toLowerCase();
    const target = clone.querySelector(path);
    if (target) target.innerHTML = seen(inner.shadowRoot!);
  }
  return clone.innerHTML.replace(/<!--[^]*?-->/g, '');
}

const same = (a: MotcuaForm, b: MotcuaForm) => expect(seen(b.shadowRoot!)).to.equal(seen(a.shadowRoot!));

/** What a handler answers for a dossier received under `code`. */
const receipt = (code: string) => ({
  code,
  secret: 'ABCD-EFGH',
  status: 1,
  statusLabel: { vi: 'Mới tiếp nhận', en: 'Received' },
  dueAt: null,
  expectedDueAt: null,
});

/** Picks the receiving agency as the applicant does. */
async function chooseAgency(el: MotcuaForm, code = '000.20.01.H56'): Promise<void> {
  const agency = $(el, '#mc-agency') as HTMLSelectElement;
  agency.value = code;
  agency.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('<motcua-form> given a definition', () => {
  beforeEach(() => localStorage.clear());

  it('renders the same DOM as the published version loaded over HTTP, for the same data', async () => {
    const { view, validators } = await published();
    const overHttp = await renderMotcuaForm();
    const given = await renderGiven(view, validators);
    expect(seen(overHttp.shadowRoot!)).to.contain('Đăng ký khai sinh');
    same(overHttp, given);

    const data = await validBirthData();
    for (const el of [overHttp, given]) {
      await answer(el, { ...data, birthEvidence: 'nguoi-lam-chung' });
      await chooseAgency(el);
    }
    expect(seen(given.shadowRoot!)).to.contain('van-ban-lam-chung');
    same(overHttp, given);

    // A failed check: the same summary, the same messages beside the same fields.
    for (const el of [overHttp, given]) {
      await answer(el, { ...data, child: { ...(data.child as object), fullName: '' } });
      await el.submit();
      await el.updateComplete;
    }
    // The name and the certificate (the declaration is the e-form itself online).
    expect($(given, '#mc-form-summary').textContent).to.match(/2 vấn đề/);
    same(overHttp, given);
  });

  it('hands the submission to the submit handler and shows its receipt', async () => {
    const { view, validators } = await published();
    const sent: FormSubmission[] = [];
    const el = await renderGiven(
      view,
      validators,
      async (s: FormSubmission, progress: (l: number, t: number) => void) => {
        sent.push(s);
        progress(1, 1);
        return receipt('000.20.01.H56-260302-0042');
      },
    );
    await answer(el, await validBirthData());
    await chooseAgency(el);
    chooseFiles($(el, '#mc-file-giay-chung-sinh') as HTMLInputElement, [pdf()]);
    chooseFiles($(el, '#mc-file-giay-chung-sinh') as HTMLInputElement, [pdf('chung-sinh.pdf')]);
    await waitFor(() => el.shadowRoot!.querySelectorAll('.file-name').length === 2, 'both files');
    // The applicant asks to hear by SMS (to the phone in their answers), not by e-mail.
    for (const id of ['#mc-notify-sms', '#mc-notify-email', '#mc-notify-email'])
      ($(el, id) as HTMLInputElement).click();
    await el.updateComplete;
    expect($(el, 'fieldset.notify').textContent).to.contain('Nhận thông báo về hồ sơ');
    await el.submit();
    await waitFor(() => el.shadowRoot!.querySelector('.receipt'), 'the receipt');
    expect(sent).to.have.length(1);
    expect(sent[0]!.notify).to.deep.equal({ channels: ['sms'], lang: 'vi' });
    expect(sent[0]!.version).to.equal(view.version);
    expect(sent[0]!.agency).to.equal('000.20.01.H56');
    expect(sent[0]!.files.map((f) => f.document)).to.deep.equal(['giay-chung-sinh', 'giay-chung-sinh']);
    expect(sent[0]!.idempotencyKey).to.be.a('string').and.not.equal('');
    expect($(el, '.receipt').textContent).to.contain('000.20.01.H56-260302-0042');
  });

  it('files chosen and submitted at once go with the dossier (their type still being read)', async () => {
    const { view, validators } = await published();
    const sent: FormSubmission[] = [];
    const el = await renderGiven(view, validators, async (s: FormSubmission) => {
      sent.push(s);
      return receipt('000.20.01.H56-260302-0043');
    });
    await answer(el, await validBirthData());
    await chooseAgency(el);
    chooseFiles($(el, '#mc-file-giay-chung-sinh') as HTMLInputElement, [pdf('chung-sinh.pdf')]);
    await el.submit();
    // Before the files were waited for, the check found none and refused the dossier.
    await waitFor(() => el.shadowRoot!.querySelector('.receipt'), 'the receipt');
    expect(sent[0]!.files.map((f) => f.document)).to.deep.equal(['giay-chung-sinh']);
  });

  it('a handler’s refusal is shown beside its cause; without a handler the form says it is a preview', async () => {
    const { view, validators } = await published();
    const el = await renderGiven(view, validators, async () => {
      throw {
        status: 400,
        code: 'invalid_data',
        text: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
        issues: [{ pointer: '/agency', code: 'x', message: { vi: 'Cơ quan tạm ngừng nhận', en: 'Closed' } }],
      };
    });
    await answer(el, await validBirthData());
    await chooseAgency(el);
    chooseFiles($(el, '#mc-file-giay-chung-sinh') as HTMLInputElement, [pdf()]);
    chooseFiles($(el, '#mc-file-giay-chung-sinh') as HTMLInputElement, [pdf('chung-sinh.pdf')]);
    await waitFor(() => el.shadowRoot!.querySelectorAll('.file-name').length === 2, 'both files');
    await el.submit();
    await el.updateComplete;
    expect($(el, '#mc-agency-err').textContent).to.contain('Cơ quan tạm ngừng nhận');

    el.submitHandler = undefined;
    await chooseAgency(el, '000.20.02.H56');
    await el.submit();
    await el.updateComplete;
    await waitFor(() => el.shadowRoot!.querySelector('#mc-submit-error'), 'the preview notice');
    expect($(el, '#mc-submit-error').textContent).to.contain('bản xem trước');
  });

  it('starts from the initial data a host gives, and lays later initial data over the answers', async () => {
    const { view, validators } = await published();
    const el = await fixture<MotcuaForm>(html`<motcua-form
      lang="vi"
      .definition=${structuredClone(view.procedure)}
      .version=${view.version}
      .evaluator=${createPrecompiledEvaluator(validators)}
      .agencies=${structuredClone(view.agencies)}
      .calendars=${structuredClone(view.calendars)}
      .initialData=${{ requester: { fullName: 'Nguyễn Thị Hoa', idNumber: '001190012345' } }}
      .now=${() => MONDAY_9AM}
    ></motcua-form>`);
    const inner = () => el.shadowRoot!.querySelector('motcua-jsonforms') as (HTMLElement & { data: unknown }) | null;
    await waitFor(() => inner(), 'the given form');
    await el.updateComplete;
    const requester = () => (inner()!.data as { requester?: Record<string, unknown> }).requester ?? {};
    expect(requester()).to.deep.include({ fullName: 'Nguyễn Thị Hoa', idNumber: '001190012345' });
    // Typed answers stay when the host finds the applicant afterwards.
    await answer(el, { requester: { fullName: 'Nguyễn Thị Hoa', address: '12 Lê Lợi' } });
    el.initialData = { requester: { fullName: 'Trần Văn Nam', phone: '0912345678' } };
    await el.updateComplete;
    expect(requester()).to.deep.include({ fullName: 'Trần Văn Nam', phone: '0912345678', address: '12 Lê Lợi' });
  });
  it('tells its host the answers and the chosen agency as the applicant changes them', async () => {
    const { view, validators } = await published();
    const el = await renderGiven(view, validators);
    const seenInputs: { data: unknown; agency: string | null }[] = [];
    document.body.addEventListener('motcua-input', (e) => seenInputs.push((e as CustomEvent).detail));
    await answer(el, { requester: { fullName: 'Lê Thị Mai' } });
    expect(seenInputs.at(-1)!.data).to.deep.include({ requester: { fullName: 'Lê Thị Mai' } });
    const select = el.shadowRoot!.querySelector('#mc-agency') as HTMLSelectElement;
    const code = [...select.options].map((o) => o.value).find(Boolean)!;
    select.value = code;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(seenInputs.at(-1)).to.deep.include({ agency: code });
    expect(seenInputs.at(-1)!.data).to.deep.include({ requester: { fullName: 'Lê Thị Mai' } });
  });
});
