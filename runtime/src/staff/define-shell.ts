import { StaffApp } from './app/staff-app.ts';
import { StaffLogin } from './session/staff-login.ts';
import { StaffRelogin } from './session/staff-relogin.ts';
import { StaffPassword } from './session/staff-password.ts';
import { StaffInbox } from './inbox/staff-inbox.ts';
import { StaffHome } from './app/staff-home.ts';

export { defineElements } from './app/define-elements.ts';

/**
 * What the app needs from sign-in to the first inbox page: the shell, the session dialogs and the
 * inbox. The dossier page and the counter intake are loaded when first opened (screens.ts).
 */
export const SHELL_ELEMENTS: Record<string, CustomElementConstructor> = {
  'motcua-staff-app': StaffApp,
  'motcua-staff-login': StaffLogin,
  'motcua-staff-relogin': StaffRelogin,
  'motcua-staff-password': StaffPassword,
  'motcua-staff-inbox': StaffInbox,
  'motcua-staff-home': StaffHome,
};
