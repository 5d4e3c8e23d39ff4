import { html, nothing } from 'lit';
import type { Renderer } from '../jsonforms/context.ts';
import type { Lazy } from '../lazy.ts';

/**
 * A renderer whose code is a chunk of its own (src/lazy.ts), for what many forms never show (the
 * wizard, arrays): until the chunk is there the element renders nothing and the form waits for it
 * (updateComplete included); if it cannot be fetched, it says so with a way to try again.
 */
export function lazyRenderer<M>(part: Lazy<M>, pick: (module: M) => Renderer): Renderer {
  let failed = false;
  const load = () =>
    part.load().then(
      () => (failed = false),
      (err: unknown) => {
        failed = true;
        throw err;
      },
    );
  return (props, ctx) => {
    if (part.value) return pick(part.value)(props, ctx);
    if (failed) {
      return html`<div class="unsupported" part="unsupported" role="alert">
        ${ctx.text('partUnavailable')} <button type="button" part="button" @click=${() => ctx.waitFor(load())}>${ctx.text('retry')}</button>
      </div>`;
    }
    ctx.waitFor(load());
    return nothing;
  };
}
