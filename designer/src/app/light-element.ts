import { LitElement } from 'lit';

/**
 * The designer's elements render into the light DOM: one page stylesheet styles them all, Monaco's
 * injected styles reach its editor, and accessibility checks and tests see one document.
 */
export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
