import { expect, fixture, html } from '@open-wc/testing';
import type { MotcuaForm, MotcuaJsonForms, MotcuaTrack } from '../src/index.ts';
import { $, byLabel, inGroup, mockReset, renderForm, typeInto, waitFor } from './support/helpers.ts';
import { answer, innerForm, renderMotcuaForm } from './support/form-helpers.ts';

/** axe-core, through chai-a11y-axe (shadow roots included), must find no violation. */
async function accessible(el: Element): Promise<void> {
  await expect(el).to.be.accessible();
}

const PERMIT = {
  investor: {
    fullName: 'Đỗ Văn Hùng',
    idNumber: '001080012345',
    address: '5 Trần Phú, Phường Trung Tâm',
    phone: '0987654321',
  },
  site: {
    commune: 'trung-tam',
    address: '7 Nguyễn Trãi, Phường Trung Tâm',
    mapSheet: 12,
    parcel: 345,
    landArea: 120,
    // Outside a planned area, 3 storeys, 240 m²: the building step shows the exemption notice.
    inPlannedArea: false,
  },
  building: { floors: 3, basement: false, footprint: 80, totalFloorArea: 240, height: 11.5, adjoinsExisting: false },
  commitment: true,
  filedByProxy: false,
};

describe('accessibility (axe-core, no violations)', () => {
  beforeEach(mockReset);

  it('1. the initial form', async () => {
    await accessible(await renderMotcuaForm());
  });

  it('2. after a failed submit (summary, invalid fields, document errors)', async () => {
    const el = await renderMotcuaForm();
    $(el, '[part~="submit"]').click();
    await el.updateComplete;
    await innerForm(el).updateComplete;
    expect(el.shadowRoot!.querySelector('#mc-form-summary')).to.not.equal(null);
    await accessible(el);
  });

  it('3. each step of a wizard', async () => {
    const el = await renderMotcuaForm('ok', { procedure: '1.013225' });
    await answer(el, PERMIT);
    const inner = innerForm(el);
    const count = inner.currentStep!.count;
    for (let step = 0; step < count; step++) {
      await accessible(el);
      if (step < count - 1) {
        inner.shadowRoot!.querySelector<HTMLElement>('[part~="wizard-next"]')!.click();
        await waitFor(() => inner.currentStep?.step === step + 1, `step ${step + 2}`);
        await el.updateComplete;
      }
    }
    expect(el.shadowRoot!.querySelector('[part~="submit"]')).to.not.equal(
      null,
      'the last step ends with the submission',
    );
  });

  it('4. an array with two rows', async () => {
    const el = await renderMotcuaForm('ok', { procedure: '1.001612' });
    const inner = innerForm(el);
    await answer(el, { ...(inner.data as object), registrationType: 'thanh-vien-ho-gia-dinh', members: [{}, {}] });
    await inner.updateComplete;
    expect(inner.shadowRoot!.querySelectorAll('fieldset.array .rows > li').length).to.be.at.least(2);
    await accessible(el);
    const standalone = await renderForm('basic', {
      members: [{ name: 'An' }, { name: 'Bình' }],
      phones: ['0912345678', '0987654321'],
    });
    await accessible(standalone);
  });

  it('5. lang="en"', async () => {
    const el = await renderMotcuaForm('ok', { lang: 'en' });
    await accessible(el);
  });

  it('the standalone renderer set, every control after validation, and the tracking element', async () => {
    const form = await renderForm('basic', { members: [{}] });
    form.validate();
    await form.updateComplete;
    await accessible(form);
    const wizard = await renderForm('wizard');
    await accessible(wizard);
    const track = await fixture<MotcuaTrack>(
      html`<motcua-track server="/mock/ok" code="000.20.01.H56-260301-0007"></motcua-track>`,
    );
    await accessible(track);
    await typeInto(track as unknown as MotcuaJsonForms, $(track, '#mc-track-secret'), 'bi-mat-7');
    $(track, '[part~="lookup-button"]').click();
    await waitFor(() => track.shadowRoot!.querySelector('.supplement .doc-title'), 'the dossier');
    await accessible(track);
  });
});

export { byLabel, inGroup };
export type { MotcuaForm };
