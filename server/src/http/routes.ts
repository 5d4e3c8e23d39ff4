import type { AnyRoute } from './route.ts';
import { metaRoutes } from '../openapi/routes.ts';
import { authRoutes } from '../auth/routes.ts';
import { agencyRoutes } from '../agencies/routes.ts';
import { staffRoutes } from '../staff/routes.ts';
import { procedureRoutes } from '../procedures/routes.ts';
import { publicProcedureRoutes } from '../procedures/public-routes.ts';
import { intakeRoutes, legacyImportRoutes } from '../intake/routes.ts';
import { trackingRoutes } from '../tracking/routes.ts';
import { dossierRoutes } from '../dossiers/routes.ts';
import { caseRoutes } from '../cases/routes.ts';
import { slipRoutes } from '../slips/routes.ts';
import { inboxRoutes } from '../inbox/routes.ts';
import { reportRoutes } from '../reports/routes.ts';
import { logbookRoutes } from '../logbook/routes.ts';

/** Every API route of the server, in the order they appear in the OpenAPI document. */
export function allRoutes(): AnyRoute[] {
  const list: AnyRoute[] = [];
  list.push(
    ...metaRoutes(() => list),
    ...authRoutes(),
    ...agencyRoutes(),
    ...staffRoutes(),
    ...procedureRoutes(),
    ...publicProcedureRoutes(),
    ...intakeRoutes(),
    ...trackingRoutes(),
    ...dossierRoutes(),
    ...legacyImportRoutes(),
    ...caseRoutes(),
    ...slipRoutes(),
    ...inboxRoutes(),
    ...reportRoutes(),
    ...logbookRoutes(),
  );
  return list;
}
