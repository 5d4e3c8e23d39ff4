import type { Definition } from '../store/definition-store.ts';

/** Tells the workspace about a new definition (one undo step), as the section editors do. */
export function emitChange(from: HTMLElement, procedure: Definition, label: string): void {
  from.dispatchEvent(
    new CustomEvent('procedure-change', { detail: { procedure, label }, bubbles: true, composed: true }),
  );
}
