import { html } from 'lit';
import type { LocalizedText } from '@motcua/core';

/** Two inputs for one text: Vietnamese (required) then English; each commits on change. */
export function localizedInputs(
  labels: { vi: string; en: string },
  value: LocalizedText | undefined,
  set: (next: LocalizedText) => void,
  multiline = false,
) {
  const vi = value?.vi ?? '';
  const en = value?.en ?? '';
  const commit = (lang: 'vi' | 'en') => (e: Event) => {
    const text = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    const next: LocalizedText =
      lang === 'vi' ? { vi: text, ...(en ? { en } : {}) } : { vi, ...(text ? { en: text } : {}) };
    set(next);
  };
  return multiline
    ? html`<label>${labels.vi} <textarea rows="2" .value=${vi} @change=${commit('vi')}></textarea></label>
        <label>${labels.en} <textarea rows="2" .value=${en} @change=${commit('en')}></textarea></label>`
    : html`<label>${labels.vi} <input .value=${vi} required @change=${commit('vi')} /></label>
        <label>${labels.en} <input .value=${en} @change=${commit('en')} /></label>`;
}

/** A whole number input that commits on change; empty or invalid input is ignored. */
export function integerInput(label: string, value: number | undefined, min: number, set: (n: number) => void) {
  return html`<label
    >${label}
    <input
      type="number"
      inputmode="numeric"
      min=${min}
      step="1"
      .value=${value === undefined ? '' : String(value)}
      @change=${(e: Event) => {
        const n = Number((e.target as HTMLInputElement).value);
        if (Number.isInteger(n) && n >= min) set(n);
      }}
  /></label>`;
}
