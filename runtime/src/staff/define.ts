import { SHELL_ELEMENTS, defineElements } from './define-shell.ts';
import { DOSSIER_ELEMENTS } from './dossier/elements.ts';
import { StaffIntake } from './intake/staff-intake.ts';

/** The staff workspace's elements by tag, every one (for an intranet page that embeds single screens). */
export const STAFF_ELEMENTS: Record<string, CustomElementConstructor> = {
  ...SHELL_ELEMENTS,
  ...DOSSIER_ELEMENTS,
  'motcua-staff-intake': StaffIntake,
};

export function defineStaffElements(): void {
  defineElements(STAFF_ELEMENTS);
}
