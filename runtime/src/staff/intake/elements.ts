import { StaffIntake } from './staff-intake.ts';
import { StaffGuidance } from './staff-guidance.ts';

/** The counter intake screen and its parts (one chunk, loaded when intake is first opened). */
export const INTAKE_ELEMENTS: Record<string, CustomElementConstructor> = {
  'motcua-staff-intake': StaffIntake,
  'motcua-staff-guidance': StaffGuidance,
};
