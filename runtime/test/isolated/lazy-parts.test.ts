import { expect, fixture, html } from '@open-wc/testing';
import { rankWith, uiTypeIs } from '@jsonforms/core';
import {
  motcuaRenderers,
  type MotcuaForm,
  type MotcuaJsonForms,
  type Renderer,
  type RendererEntry,
} from '../../src/index.ts';
import { lazy } from '../../src/lazy.ts';
import { lazyRenderer } from '../../src/renderers/lazy-renderer.ts';
import { t, wordsFor } from '../../src/i18n/strings.ts';
import { $, norm, waitFor } from '../support/helpers.ts';
import { fillReady, renderMotcuaForm } from '../support/form-helpers.ts';

// Parts of the runtime come in chunks of their own, fetched when a page needs them (src/lazy.ts).
// The browser tests share one page, where another test may have loaded a chunk already: this file
// runs alone (web-test-runner.isolated.config.mjs), in a page where none of them was loaded before.

const SCHEMA = { type: 'object', properties: { name: { type: 'string', title: 'Họ và tên' } } };
const UI = { type: 'Group', label: 'Nhóm', elements: [{ type: 'Control', scope: '#/properties/name' }] };

/** A renderer for Group from a chunk that takes `ms` to arrive, or fails the first `failures` times. */
function slowGroup(ms: number, failures = 0) {
  let attempts = 0;
  const part = lazy<{ render: Renderer }>(async () => {
    attempts++;
    await new Promise((r) => setTimeout(r, ms));
    if (attempts <= failures) throw new Error('chunk unavailable');
    return { render: (_props, ctx) => html`<p class="from-chunk">${ctx.text('required')}</p>` };
  });
  const entry: RendererEntry = {
    name: 'slow-group',
    tester: rankWith(50, uiTypeIs('Group')),
    renderer: lazyRenderer(part, (m) => m.render),
  };
  return { renderers: [...motcuaRenderers, entry], attempts: () => attempts };
}

async function form(renderers: readonly RendererEntry[]): Promise<MotcuaJsonForms> {
  return fixture<MotcuaJsonForms>(
    html`<motcua-jsonforms .schema=${SCHEMA} .uischema=${UI} .data=${{}} .renderers=${renderers}></motcua-jsonforms>`,
  );
}

describe('lazily loaded parts', () => {
  it('updateComplete waits for a lazily loaded renderer: the form is whole when it resolves', async () => {
    const { renderers } = slowGroup(60);
    const el = await form(renderers);
    expect(norm($(el, '.from-chunk').textContent)).to.equal('bắt buộc');
  });

  it('a renderer whose chunk cannot be fetched says so, visibly, and asks to reload the page', async () => {
    const { renderers, attempts } = slowGroup(0, 1);
    const el = await form(renderers);
    const note = $(el, '.unsupported[role="alert"]');
    expect(norm(note.textContent)).to.equal(
      'Không tải được phần này của tờ khai. Kiểm tra kết nối mạng rồi tải lại trang.',
    );
    el.data = { name: 'An' };
    await el.updateComplete;
    expect(attempts()).to.equal(1, 'not fetched again on every render: browsers remember a failed module');
  });

  it('English words arrive before an English element renders; Vietnamese ones are there from the start', async () => {
    expect(t('errorSummaryTitle', 'vi', { count: 2 })).to.equal('Có 2 lỗi cần sửa trước khi tiếp tục');
    await wordsFor('en');
    expect(wordsFor('en')).to.equal(undefined, 'loaded once');
    expect(t('errorSummaryTitle', 'en', { count: 2 })).to.equal('There are 2 problems to fix before continuing');
    expect(t('arrayAdd', 'en', { label: 'item' })).to.equal(
      'Add item',
      'the English words of the lazily loaded parts too',
    );
  });

  it('a lazily loaded part brings its Vietnamese words (joined to the English ones already there)', async () => {
    await wordsFor('en');
    expect(t('arrayAdd', 'vi', { label: 'mục' })).to.equal('[arrayAdd]', 'before its chunk: the key, never nothing');
    await import('../../src/renderers/controls/array-views.ts');
    expect(t('arrayAdd', 'vi', { label: 'mục' })).to.equal('Thêm mục');
    expect(t('arrayAdd', 'en', { label: 'item' })).to.equal('Add item');
    await import('../../src/renderers/layouts/wizard-view.ts');
    expect(t('wizardProgress', 'vi', { n: 1, count: 3 })).to.equal('Bước 1 trên 3');
    expect(t('wizardProgress', 'en', { n: 1, count: 3 })).to.equal('Step 1 of 3');
  });

  it('a <motcua-track> whose chunk cannot be fetched says so and emits motcua-error', async () => {
    await fetch(`/mock/block?path=${encodeURIComponent('/runtime/src/elements/track/track-controller.ts')}`, {
      method: 'POST',
    });
    try {
      const errors: CustomEvent[] = [];
      document.addEventListener('motcua-error', (e) => errors.push(e as CustomEvent));
      const el = await fixture<HTMLElement>(html`<motcua-track server="/mock/ok"></motcua-track>`);
      const alert = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('[role="alert"]'), 'the message');
      expect(norm(alert.textContent)).to.equal(
        'Không tải được phần tra cứu hồ sơ. Kiểm tra kết nối mạng rồi tải lại trang.',
      );
      expect(errors[0]?.detail).to.deep.include({ stage: 'lookup', kind: 'network' });
    } finally {
      await fetch('/mock/unblock', { method: 'POST' });
    }
  });

  it('a standalone form with rules whose evaluator cannot be fetched says so above the fields, which it shows', async () => {
    await fetch(`/mock/block?path=${encodeURIComponent('/runtime/src/jsonforms/interpreted.ts')}`, { method: 'POST' });
    try {
      const schema = {
        type: 'object',
        properties: {
          married: { type: 'boolean', title: 'Đã kết hôn' },
          spouse: { type: 'string', title: 'Vợ/chồng' },
        },
      };
      const uischema = {
        type: 'VerticalLayout',
        elements: [
          { type: 'Control', scope: '#/properties/married' },
          {
            type: 'Control',
            scope: '#/properties/spouse',
            rule: { effect: 'SHOW', condition: { scope: '#/properties/married', schema: { const: true } } },
          },
        ],
      };
      const el = await fixture<MotcuaJsonForms>(
        html`<motcua-jsonforms .schema=${schema} .uischema=${uischema} .data=${{}}></motcua-jsonforms>`,
      );
      const alert = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('[part="alert"]'), 'the message');
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(norm(alert.textContent)).to.equal(t('rulesUnavailable', 'vi'));
      const form = $(el, '[part="form"]');
      expect(form.firstElementChild).to.equal(alert, 'above the fields');
      expect(norm(form.textContent)).to.contain('Đã kết hôn', 'the fields are still shown');
    } finally {
      await fetch('/mock/unblock', { method: 'POST' });
    }
  });

  it('when the receipt cannot be fetched after a dossier was filed, its code and secret still show', async () => {
    await fetch('/mock/reset', { method: 'POST' });
    await fetch(`/mock/block?path=${encodeURIComponent('/runtime/src/elements/form/receipt.ts')}`, { method: 'POST' });
    try {
      const el: MotcuaForm = await renderMotcuaForm();
      await fillReady(el);
      const submitted = new Promise((resolve) => el.addEventListener('motcua-submitted', resolve, { once: true }));
      $(el, '[part~="submit"]').click();
      await submitted;
      const receipt = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('.receipt'), 'the receipt');
      expect(norm(receipt.querySelector('.code')!.textContent)).to.equal('000.20.01.H56-260302-0001');
      expect(norm(receipt.querySelector('.secret')!.textContent)).to.equal('secret-1');
      expect(norm(receipt.querySelector('.note')!.textContent)).to.contain('không tải được giấy biên nhận đầy đủ');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#mc-receipt-title'));
    } finally {
      await fetch('/mock/unblock', { method: 'POST' });
    }
  });
});
