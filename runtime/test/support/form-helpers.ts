import { fixture, html } from '@open-wc/testing';
import '../../src/index.ts';
import type { MotcuaForm, MotcuaJsonForms } from '../../src/index.ts';
import { $, $$, chooseFiles, pdf, waitFor } from './helpers.ts';

export const BIRTH = '1.001193';
/** Monday 2 March 2026, 09:00 in Hà Nội. */
export const MONDAY_9AM = Date.parse('2026-03-02T09:00:00+07:00');

export async function renderMotcuaForm(
  scenario = 'ok',
  attrs: { agency?: string; lang?: string; kiosk?: boolean; procedure?: string } = {},
): Promise<MotcuaForm> {
  const el = await fixture<MotcuaForm>(html`<motcua-form
    procedure=${attrs.procedure ?? BIRTH}
    server=${`/mock/${scenario}`}
    agency=${attrs.agency ?? ''}
    lang=${attrs.lang ?? 'vi'}
    ?kiosk=${attrs.kiosk ?? false}
    .now=${() => MONDAY_9AM}
  ></motcua-form>`);
  await waitFor(
    () => el.shadowRoot!.querySelector('motcua-jsonforms') || el.shadowRoot!.querySelector('.alert'),
    'the form',
  );
  await el.updateComplete;
  return el;
}

export function innerForm(el: MotcuaForm): MotcuaJsonForms {
  return el.shadowRoot!.querySelector('motcua-jsonforms') as MotcuaJsonForms;
}

/** Replaces the answers as the form would after typing (the change event the form emits). */
export async function answer(el: MotcuaForm, data: unknown): Promise<void> {
  const inner = innerForm(el);
  inner.data = data;
  inner.dispatchEvent(new CustomEvent('change', { detail: { data, errors: [] }, bubbles: true }));
  await el.updateComplete;
  await inner.updateComplete;
}

export async function validBirthData(): Promise<Record<string, unknown>> {
  return (await fetch('/runtime/test/fixtures/birth-valid.json')).json();
}

export const fileInput = (el: MotcuaForm, id: string) => $(el, `#mc-file-${id}`) as HTMLInputElement;

/** Fills the birth registration as an applicant would: valid answers, an agency, two files of the certificate. */
export async function fillReady(el: MotcuaForm): Promise<void> {
  await answer(el, await validBirthData());
  const agency = $(el, '#mc-agency') as HTMLSelectElement;
  agency.value = '000.20.01.H56';
  agency.dispatchEvent(new Event('change'));
  await el.updateComplete;
  // Online the e-form is the declaration: the birth certificate is the upload (two scans of it).
  chooseFiles(fileInput(el, 'giay-chung-sinh'), [pdf()]);
  await waitFor(() => $$(el, '.file-name').length === 1, 'the first certificate file');
  chooseFiles(fileInput(el, 'giay-chung-sinh'), [pdf('chung-sinh.pdf')]);
  await waitFor(() => $$(el, '.file-name').length === 2, 'the birth certificate file');
}
