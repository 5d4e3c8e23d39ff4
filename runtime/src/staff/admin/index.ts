/**
 * The administration screens of the staff app, as standalone elements (a province's portal may
 * embed any of them): each takes `.client` (a signed-in client of @motcua/api/client) and `.lang`.
 */
import { define } from '../../elements/define.ts';
import { AdminAgencies } from './mc-admin-agencies.ts';
import { AdminStaff } from './mc-admin-staff.ts';
import { AdminGrants } from './mc-admin-grants.ts';
import { AdminTokens } from './mc-admin-tokens.ts';
import { AdminCalendars } from './mc-admin-calendars.ts';
import { AdminAssignments } from './mc-admin-assignments.ts';
import { AdminTabs } from './mc-admin.ts';

define('mc-admin-agencies', AdminAgencies);
define('mc-admin-staff', AdminStaff);
define('mc-admin-grants', AdminGrants);
define('mc-admin-tokens', AdminTokens);
define('mc-admin-calendars', AdminCalendars);
define('mc-admin-assignments', AdminAssignments);
define('mc-admin', AdminTabs);

export { AdminAgencies, AdminStaff, AdminGrants, AdminTokens, AdminCalendars, AdminAssignments, AdminTabs };
export { ADMIN_TABS } from './mc-admin.ts';
export { STRINGS, type StringKey } from '../i18n/strings.ts';
export { tr } from '../i18n/language.ts';
