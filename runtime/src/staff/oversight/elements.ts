import { StaffOversight } from './staff-oversight.ts';
import { OvChart } from './ov-chart.ts';
import { OvDossiers } from './ov-dossiers.ts';

/** The oversight screen's elements (its own chunk: only supervisors who open it load it). */
export const OVERSIGHT_ELEMENTS: Record<string, CustomElementConstructor> = {
  'motcua-staff-oversight': StaffOversight,
  'mc-ov-chart': OvChart,
  'mc-ov-dossiers': OvDossiers,
};
