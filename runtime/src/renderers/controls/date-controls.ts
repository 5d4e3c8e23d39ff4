import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { formatInstant, localDate, localTime, parseInstant, shownDate, typedDate, zonedInstant } from '@motcua/core';
import type { DispatchProps, FormContext, RenderersByName } from '../../jsonforms/context.ts';
import {
  ariaLabel,
  controlView,
  errorText,
  fieldClass,
  hint,
  requiredMark,
  type ControlView,
} from '../control-shell.ts';
import { pathToPointer } from '../../jsonforms/paths.ts';

/**
 * Dates are typed as dd/mm/yyyy, the way they are written in Việt Nam, whatever the browser's
 * language (a native date picker shows the browser's order: mm/dd/yyyy in an English browser).
 * Native time and date-time pickers. What they give is converted to what the schema's
 * format accepts (ajv-formats, full mode): `date` is YYYY-MM-DD as is; `date-time` and `time` need
 * an offset, which is that of the form's time zone (Asia/Ho_Chi_Minh unless configured);
 * `iso-time` and pattern-checked times get HH:MM:SS / HH:MM without one.
 */
type Kind = 'date' | 'time' | 'datetime-local';

function toInput(kind: Kind, data: unknown, tz: string): string {
  if (typeof data !== 'string' || data === '') return '';
  if (kind === 'date') return shownDate(data);
  if (kind === 'time') return /^\d{2}:\d{2}/.test(data) ? data.slice(0, 5) : '';
  const instant = parseInstant(data, tz);
  return instant === null ? '' : `${localDate(instant, tz)}T${localTime(instant, tz)}`;
}

function fromInput(kind: Kind, text: string, format: unknown, tz: string): string | undefined {
  if (text.trim() === '') return undefined;
  if (kind === 'date') return typedDate(text);
  if (kind === 'datetime-local') {
    const [date = '', time = ''] = text.split('T');
    return formatInstant(zonedInstant(date, time.slice(0, 5), tz), tz);
  }
  const hhmm = text.slice(0, 5);
  if (format === 'time') {
    // A time of day with the zone's offset on the current date (no DST in Việt Nam; correct elsewhere for today).
    const today = localDate(Date.now(), tz);
    return formatInstant(zonedInstant(today, hhmm, tz), tz).slice(11);
  }
  if (format === 'iso-time') return `${hhmm}:00`;
  return hhmm;
}

function dateControl(props: DispatchProps, ctx: FormContext, kind: Kind) {
  const v = controlView(props, ctx);
  if (!v) return nothing;
  // The field's layout written out here (see field() in control-shell.ts): one template per control.
  return html`<div class=${fieldClass(v, kind === 'datetime-local' ? 'date-time' : kind)} part="field" data-pointer=${pathToPointer(v.path)}><label class="label" part="label" for=${v.inputId} ?hidden=${!v.label}>${v.label}${requiredMark(v, ctx)}</label>${hint(v)}<input
    id=${v.inputId}
    part="input"
    type=${kind === 'date' ? 'text' : kind}
    inputmode=${ifDefined(kind === 'date' ? 'numeric' : undefined)}
    placeholder=${ifDefined(kind === 'date' ? 'dd/mm/yyyy' : undefined)}
    .value=${live(toInput(kind, v.data, ctx.timeZone))}
    min=${ifDefined(bound(v, 'formatMinimum'))}
    max=${ifDefined(bound(v, 'formatMaximum'))}
    ?disabled=${v.disabled}
    aria-required=${v.required ? 'true' : 'false'}
    aria-invalid=${v.invalid ? 'true' : 'false'}
    aria-describedby=${ifDefined(v.describedBy)}
    aria-label=${ariaLabel(v)}
    @change=${(e: Event) => ctx.change(v.path, fromInput(kind, (e.target as HTMLInputElement).value, v.schema.format, ctx.timeZone))}
    @blur=${() => ctx.touch(v.path)}
  />${errorText(v, ctx)}</div>`;
}

function bound(v: ControlView, keyword: string): string | undefined {
  const value = (v.schema as Record<string, unknown>)[keyword];
  return typeof value === 'string' ? value : undefined;
}

export const dateRenderers = {
  date: (p, c) => dateControl(p, c, 'date'),
  time: (p, c) => dateControl(p, c, 'time'),
  'date-time': (p, c) => dateControl(p, c, 'datetime-local'),
} satisfies RenderersByName;
