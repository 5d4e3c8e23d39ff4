/**
 * A date typed day first (dd/mm/yyyy), the way it is written in Việt Nam, whatever the browser's
 * language: a native date picker would show mm/dd/yyyy in an English browser. The definition
 * stores YYYY-MM-DD (core's shownDate / typedDate convert); text that is no date, or a date
 * before `min`, is not stored and says why.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { isCalendarDate, shownDate, typedDate, type Lang } from '@motcua/core';
import { t } from '../i18n/strings.ts';

export interface DateInputOptions {
  id: string;
  lang: Lang;
  /** The stored date (YYYY-MM-DD), if any. */
  value: string | undefined;
  /** The earliest date accepted (YYYY-MM-DD). */
  min?: string;
  required?: boolean;
  /** What is wrong with the typed text ('' when nothing). */
  error: string;
  /** More ids that describe the input (e.g. core's problems shown beside it). */
  describedBy?: string;
  onDate(date: string): void;
  onError(message: string): void;
}

/** Reads the typed text: the date to store, or the message to show. */
export function readTypedDate(
  text: string,
  lang: Lang,
  min?: string,
  required = false,
): { date?: string; error: string } {
  if (text.trim() === '') return { error: required ? t(lang, 'dateRequired') : '' };
  const date = typedDate(text);
  if (!isCalendarDate(date)) return { error: t(lang, 'dateInvalid') };
  if (min && date < min) return { error: t(lang, 'dateBeforeMin', shownDate(min)) };
  return { date, error: '' };
}

export function dateInput(o: DateInputOptions) {
  const hintId = `${o.id}-hint`;
  const errorId = `${o.id}-error`;
  const described = [hintId, o.error ? errorId : '', o.describedBy ?? ''].filter(Boolean).join(' ');
  return html`<div class="date-input">
    <input
      id=${o.id}
      type="text"
      inputmode="numeric"
      autocomplete="off"
      placeholder="dd/mm/yyyy"
      .value=${live(shownDate(o.value ?? ''))}
      ?required=${o.required}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${described}
      @change=${(e: Event) => {
        const read = readTypedDate((e.target as HTMLInputElement).value, o.lang, o.min, o.required);
        o.onError(read.error);
        if (read.date) o.onDate(read.date);
      }}
    />
    <span class="hint" id=${hintId}>${t(o.lang, 'dateHint')}</span>
    ${o.error ? html`<span class="error" id=${errorId} role="alert">${o.error}</span>` : nothing}
  </div>`;
}
