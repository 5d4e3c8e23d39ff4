/**
 * The staff workspace as Lit web components, for an intranet page that embeds them
 * (`defineStaffElements()`, then `<motcua-staff-app>` or single screens with a `data` property).
 */
export { defineStaffElements, STAFF_ELEMENTS } from './define.ts';
export { createClientData, type ClientDataOptions } from './data/client-data.ts';
export type { StaffData } from './data/staff-data.ts';
export { setLang } from './i18n/language.ts';
