import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { DispatchProps, FormContext, RenderersByName } from '../../jsonforms/context.ts';
import { ariaLabel, controlView, errorText, fieldClass, hint, requiredMark } from '../control-shell.ts';
import { pathToPointer } from '../../jsonforms/paths.ts';

const AUTOCOMPLETE_BY_FORMAT: Record<string, string> = { email: 'email', uri: 'url' };

function textControl(props: DispatchProps, ctx: FormContext, multi: boolean) {
  const v = controlView(props, ctx);
  if (!v) return nothing;
  const value = typeof v.data === 'string' ? v.data : v.data === undefined || v.data === null ? '' : String(v.data);
  const onInput = (e: Event) => {
    const text = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    ctx.change(v.path, text === '' ? undefined : text);
  };
  const format = typeof v.schema.format === 'string' ? v.schema.format : '';
  const autocomplete = (v.options.autocomplete as string | undefined) ?? AUTOCOMPLETE_BY_FORMAT[format];
  const maxLength = typeof v.schema.maxLength === 'number' && v.options.restrict ? v.schema.maxLength : undefined;
  const kind = multi ? 'multiline' : format === 'email' ? 'email' : 'text';
  // The field's layout written out here (see field() in control-shell.ts): one template per control.
  return multi
    ? html`<div class=${fieldClass(v, kind)} part="field" data-pointer=${pathToPointer(v.path)}><label class="label" part="label" for=${v.inputId} ?hidden=${!v.label}>${v.label}${requiredMark(v, ctx)}</label>${hint(v)}<textarea
        id=${v.inputId}
        part="input textarea"
        rows=${Number(v.options.rows ?? 4)}
        .value=${live(value)}
        ?disabled=${v.disabled}
        aria-required=${v.required ? 'true' : 'false'}
        aria-invalid=${v.invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(v.describedBy)}
        aria-label=${ariaLabel(v)}
        maxlength=${ifDefined(maxLength)}
        @input=${onInput}
        @blur=${() => ctx.touch(v.path)}
      ></textarea>${errorText(v, ctx)}</div>`
    : html`<div class=${fieldClass(v, kind)} part="field" data-pointer=${pathToPointer(v.path)}><label class="label" part="label" for=${v.inputId} ?hidden=${!v.label}>${v.label}${requiredMark(v, ctx)}</label>${hint(v)}<input
        id=${v.inputId}
        part="input"
        type=${format === 'email' ? 'email' : format === 'uri' ? 'url' : 'text'}
        .value=${live(value)}
        ?disabled=${v.disabled}
        aria-required=${v.required ? 'true' : 'false'}
        aria-invalid=${v.invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(v.describedBy)}
        aria-label=${ariaLabel(v)}
        autocomplete=${ifDefined(autocomplete)}
        maxlength=${ifDefined(maxLength)}
        placeholder=${ifDefined(v.options.placeholder as string | undefined)}
        @input=${onInput}
        @blur=${() => ctx.touch(v.path)}
      />${errorText(v, ctx)}</div>`;
}

export const textRenderers = {
  text: (p, c) => textControl(p, c, false),
  email: (p, c) => textControl(p, c, false),
  multiline: (p, c) => textControl(p, c, true),
} satisfies RenderersByName;
