/** Defines each element once (an intranet page may load them twice). */
export function defineElements(elements: Record<string, CustomElementConstructor>): void {
  for (const [tag, ctor] of Object.entries(elements)) if (!customElements.get(tag)) customElements.define(tag, ctor);
}
