import { StaffDossier } from './staff-dossier.ts';
import { StaffActions } from './action-panel.ts';
import { StaffViewer } from './document-viewer.ts';
import { StaffFormData } from './form-data.ts';

/** The dossier page and its parts (one chunk, loaded when a dossier is first opened). */
export const DOSSIER_ELEMENTS: Record<string, CustomElementConstructor> = {
  'motcua-staff-dossier': StaffDossier,
  'motcua-staff-actions': StaffActions,
  'motcua-staff-viewer': StaffViewer,
  'motcua-staff-form-data': StaffFormData,
};
