import { StaffApp } from './app/staff-app.ts';
import { StaffLogin } from './session/staff-login.ts';
import { StaffRelogin } from './session/staff-relogin.ts';
import { StaffPassword } from './session/staff-password.ts';
import { StaffInbox } from './inbox/staff-inbox.ts';
import { StaffDossier } from './dossier/staff-dossier.ts';
import { StaffActions } from './dossier/action-panel.ts';
import { StaffViewer } from './dossier/document-viewer.ts';
import { StaffFormData } from './dossier/form-data.ts';
import { StaffIntake } from './intake/staff-intake.ts';
import { StaffHome } from './app/staff-home.ts';

/** The staff workspace's elements by tag; each defined once (an intranet page may load them twice). */
export const STAFF_ELEMENTS: Record<string, CustomElementConstructor> = {
  'motcua-staff-app': StaffApp,
  'motcua-staff-login': StaffLogin,
  'motcua-staff-relogin': StaffRelogin,
  'motcua-staff-password': StaffPassword,
  'motcua-staff-inbox': StaffInbox,
  'motcua-staff-dossier': StaffDossier,
  'motcua-staff-actions': StaffActions,
  'motcua-staff-viewer': StaffViewer,
  'motcua-staff-form-data': StaffFormData,
  'motcua-staff-intake': StaffIntake,
  'motcua-staff-home': StaffHome,
};

export function defineStaffElements(): void {
  for (const [tag, ctor] of Object.entries(STAFF_ELEMENTS))
    if (!customElements.get(tag)) customElements.define(tag, ctor);
}
