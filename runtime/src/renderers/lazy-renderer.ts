import { html, nothing, type CSSResult } from 'lit';
import type { Renderer } from '../jsonforms/context.ts';
import type { Lazy } from '../lazy.ts';

/**
 * A renderer whose code is a chunk of its own (src/lazy.ts), for what many forms never show (the
 * wizard, arrays): until the chunk is there the element renders nothing and the form waits for it
 * (updateComplete included). If it cannot be fetched it says so, visibly: browsers remember a
 * module that failed to load for the life of the page, so only reloading the page can help. The
 * chunk's own styles join the form's shadow root when it first renders.
 */
export function lazyRenderer<M>(
  part: Lazy<M>,
  pick: (module: M) => Renderer,
  styles?: (module: M) => CSSResult,
): Renderer {
  let failed = false;
  return (props, ctx) => {
    if (part.value) {
      if (styles) ctx.adoptStyles(styles(part.value));
      return pick(part.value)(props, ctx);
    }
    if (failed)
      return html`<div class="unsupported" part="unsupported" role="alert">${ctx.text('partUnavailable')}</div>`;
    ctx.waitFor(
      part.load().catch(() => {
        failed = true;
      }),
    );
    return nothing;
  };
}
