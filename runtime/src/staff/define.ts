import { SHELL_ELEMENTS, defineElements } from './define-shell.ts';
import { DOSSIER_ELEMENTS } from './dossier/elements.ts';
import { INTAKE_ELEMENTS } from './intake/elements.ts';

/** The staff workspace's elements by tag, every one (for an intranet page that embeds single screens). */
export const STAFF_ELEMENTS: Record<string, CustomElementConstructor> = {
  ...SHELL_ELEMENTS,
  ...DOSSIER_ELEMENTS,
  ...INTAKE_ELEMENTS,
};

export function defineStaffElements(): void {
  defineElements(STAFF_ELEMENTS);
}
