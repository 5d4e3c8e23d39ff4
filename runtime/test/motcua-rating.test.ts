import { expect, fixture, html } from '@open-wc/testing';
import type { MotcuaTrack } from '../src/index.ts';
import '../src/index.ts';
import { $, $$, mockLog, mockReset, nextEvent, norm, typeInto, waitFor } from './support/helpers.ts';

const RATEABLE = '000.20.01.H56-260301-0011';

async function openReturned(code = RATEABLE, secret = 'bi-mat-11'): Promise<MotcuaTrack> {
  const el = await fixture<MotcuaTrack>(html`<motcua-track server="/mock/ok"></motcua-track>`);
  await typeInto(el as never, $(el, '#mc-track-code'), code);
  await typeInto(el as never, $(el, '#mc-track-secret'), secret);
  $(el, '[part~="lookup-button"]').click();
  await waitFor(() => el.shadowRoot!.querySelector('.result'), 'the dossier');
  return el;
}

/** The rating element inside the tracking view, once its chunk has defined it. */
async function ratingOf(el: MotcuaTrack): Promise<HTMLElement & { updateComplete: Promise<boolean> }> {
  const r = await waitFor(
    () =>
      el.shadowRoot!.querySelector('motcua-rating')?.shadowRoot?.querySelector('form, .notice') &&
      el.shadowRoot!.querySelector('motcua-rating'),
    'the rating form',
  );
  return r as HTMLElement & { updateComplete: Promise<boolean> };
}

describe('<motcua-track>: the satisfaction rating', () => {
  beforeEach(mockReset);

  it('is not offered for a dossier that cannot be rated', async () => {
    const el = await openReturned('000.20.01.H56-260301-0010', 'bi-mat-10');
    expect(el.shadowRoot!.querySelector('motcua-rating')).to.equal(null);
  });

  it('asks every question before sending, then sends core’s criteria once with the secret', async () => {
    const el = await openReturned();
    const rating = await ratingOf(el);
    const root = rating.shadowRoot!;
    expect(norm(root.querySelector('h3')!.textContent)).to.equal('Đánh giá mức độ hài lòng');
    expect(root.querySelectorAll('fieldset').length).to.equal(11, 'nine criteria, convenience and overall');
    expect(norm(root.textContent)).to.contain('Thái độ của cán bộ, công chức').and.contain('Rất hài lòng');
    await expect(el).to.be.accessible();

    $(rating, '[part~="rating-send"]').click();
    await rating.updateComplete;
    expect(norm($(rating, '[role="alert"]').textContent)).to.equal('Còn 11 mục chưa chọn mức đánh giá.');
    expect(root.querySelectorAll('fieldset.invalid').length).to.equal(11);
    expect(rating.shadowRoot!.activeElement?.getAttribute('name')).to.equal(
      'totalTime',
      'the first unanswered question',
    );
    expect(await mockLog()).to.deep.equal([], 'nothing sent');

    for (const fs of $$(rating, 'fieldset')) (fs.querySelector('input[type="radio"]') as HTMLInputElement).click();
    // The overall answer: dissatisfied (the last choice).
    const overall = $$(rating, 'input[name="overall"]');
    (overall[overall.length - 1] as HTMLInputElement).click();
    const comment = $(rating, '#mc-rating-comment') as HTMLTextAreaElement;
    comment.value = '  Chờ lâu ở quầy  ';
    comment.dispatchEvent(new Event('input'));
    await rating.updateComplete;
    await expect(el).to.be.accessible();

    const rated = nextEvent<{ code: string; ratedAt: string }>(rating, 'motcua-rated');
    $(rating, '[part~="rating-send"]').click();
    expect((await rated).detail).to.deep.equal({ code: RATEABLE, ratedAt: '2026-03-03T10:00:00+07:00' });
    await rating.updateComplete;
    expect(norm($(rating, '.notice').textContent)).to.equal('Cảm ơn bạn đã đánh giá.');
    const log = (await mockLog()).filter((e) => e.rating);
    expect(log).to.have.length(1);
    expect(log[0].code).to.equal(RATEABLE);
    expect(log[0].rating).to.deep.equal({
      scores: {
        totalTime: 2,
        agencyTime: 2,
        contacts: 2,
        agenciesContacted: 2,
        oneStop: 2,
        publicity: 2,
        attitude: 2,
        complaints: 2,
        onlineProgress: 2,
      },
      convenience: 'very-satisfied',
      overall: 'dissatisfied',
      comment: 'Chờ lâu ở quầy',
    });
  });

  it('once rated, says when and asks nothing (in English too)', async () => {
    const first = await openReturned();
    const rating = await ratingOf(first);
    for (const fs of $$(rating, 'fieldset')) (fs.querySelector('input[type="radio"]') as HTMLInputElement).click();
    await rating.updateComplete;
    $(rating, '[part~="rating-send"]').click();
    await waitFor(() => rating.shadowRoot!.querySelector('.notice'), 'the thanks');

    const el = await fixture<MotcuaTrack>(html`<motcua-track server="/mock/ok" lang="en"></motcua-track>`);
    await typeInto(el as never, $(el, '#mc-track-code'), RATEABLE);
    await typeInto(el as never, $(el, '#mc-track-secret'), 'bi-mat-11');
    $(el, '[part~="lookup-button"]').click();
    const again = await ratingOf(el);
    expect(again.shadowRoot!.querySelector('form')).to.equal(null);
    expect(norm($(again, '.notice').textContent)).to.match(/^You rated this dossier at /);
  });
});
