/** Defines a custom element once (a page may load the bundle twice, e.g. two embeds). */
export function define(name: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, ctor);
}
