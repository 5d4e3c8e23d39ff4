import type { CSSResult } from 'lit';

/**
 * Adds the style sheet of a lazily loaded part (its chunk carries its own look) to an element's
 * shadow root, once. Constructable style sheets: allowed by a strict CSP, unlike <style>.
 */
export function adoptStyles(root: HTMLElement | DocumentFragment, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (!sheet || !(root instanceof ShadowRoot) || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
