import * as meta from './meta.ts';
import * as auth from './auth.ts';
import * as agencies from './agencies.ts';
import * as staff from './staff.ts';
import * as procedures from './procedures.ts';
import * as publicProcedures from './public-procedures.ts';
import * as intake from './intake.ts';
import * as tracking from './tracking.ts';
import * as dossiers from './dossiers.ts';
import * as cases from './cases.ts';
import * as slips from './slips.ts';
import * as inbox from './inbox.ts';
import * as queues from './queues.ts';
import * as live from './live.ts';
import * as reports from './reports.ts';
import * as logbook from './logbook.ts';
import * as outbox from './outbox.ts';
import * as payments from './payments.ts';
import * as preferences from './preferences.ts';
import * as satisfaction from './satisfaction.ts';
import * as oversight from './oversight.ts';
import type { RouteContract } from './route.ts';

/**
 * THE route table of the API, keyed by operationId, in the order of the OpenAPI document. The
 * server implements every entry (and nothing else); the document, docs/public-api.md and the
 * client's types come from it.
 */
export const contract = {
  getHealth: meta.getHealth,
  getReady: meta.getReady,
  getOpenApi: meta.getOpenApi,
  getApiDocs: meta.getApiDocs,

  login: auth.login,
  logout: auth.logout,
  getSession: auth.getSession,
  changePassword: auth.changePassword,
  getMyPreferences: preferences.getMyPreferences,
  putMyPreferences: preferences.putMyPreferences,

  listAgencyKinds: agencies.listAgencyKinds,
  listAgencies: agencies.listAgencies,
  getAgency: agencies.getAgency,
  getAgencyHistory: agencies.getAgencyHistory,
  createAgency: agencies.createAgency,
  updateAgency: agencies.updateAgency,
  moveAgency: agencies.moveAgency,
  mergeAgency: agencies.mergeAgency,
  listCalendars: agencies.listCalendars,
  getCalendar: agencies.getCalendar,
  createCalendar: agencies.createCalendar,
  updateCalendar: agencies.updateCalendar,

  listStaff: staff.listStaff,
  createStaff: staff.createStaff,
  getStaff: staff.getStaff,
  updateStaff: staff.updateStaff,
  setStaffRoles: staff.setStaffRoles,
  listApiTokens: staff.listApiTokens,
  createApiToken: staff.createApiToken,
  revokeApiToken: staff.revokeApiToken,

  listProcedures: procedures.listProcedures,
  createProcedure: procedures.createProcedure,
  getProcedure: procedures.getProcedure,
  updateProcedureDraft: procedures.updateProcedureDraft,
  validateProcedureDraft: procedures.validateProcedureDraft,
  publishProcedure: procedures.publishProcedure,
  listProcedureVersions: procedures.listProcedureVersions,
  getProcedureVersion: procedures.getProcedureVersion,
  retireProcedure: procedures.retireProcedure,

  publicListProcedures: publicProcedures.publicListProcedures,
  publicGetProcedure: publicProcedures.publicGetProcedure,
  publicGetProcedureVersion: publicProcedures.publicGetProcedureVersion,
  publicGetValidators: publicProcedures.publicGetValidators,
  publicGetCurrentValidators: publicProcedures.publicGetCurrentValidators,

  publicSubmitDossier: intake.publicSubmitDossier,
  counterSubmitDossier: intake.counterSubmitDossier,

  publicTrackDossier: tracking.publicTrackDossier,
  publicSupplementDossier: tracking.publicSupplementDossier,
  publicWithdrawDossier: tracking.publicWithdrawDossier,
  publicGetDossierFile: tracking.publicGetDossierFile,
  publicGetDossierSlip: tracking.publicGetDossierSlip,
  publicRateDossier: satisfaction.publicRateDossier,

  getDossier: dossiers.getDossier,
  listDossierEvents: dossiers.listDossierEvents,
  getDossierFile: dossiers.getDossierFile,
  importLegacyDossiers: intake.importLegacyDossiers,

  listDossierActions: cases.listDossierActions,
  performDossierAction: cases.performDossierAction,
  performDossierActionWithFiles: cases.performDossierActionWithFiles,
  listAgencyHandlers: cases.listAgencyHandlers,

  listDossierSlips: slips.listDossierSlips,
  issueDossierSlip: slips.issueDossierSlip,
  getDossierSlip: slips.getDossierSlip,

  getInbox: inbox.getInbox,
  getInboxQueues: queues.getInboxQueues,
  exportInbox: inbox.exportInbox,
  getInboxEvents: live.getInboxEvents,

  getBieu06Report: reports.getBieu06Report,
  getOversightDashboard: oversight.getOversightDashboard,
  getOversightDossiers: oversight.getOversightDossiers,
  getLogbook: logbook.getLogbook,

  listDeadLetters: outbox.listDeadLetters,
  replayDeadLetters: outbox.replayDeadLetters,

  publicStartPayment: payments.publicStartPayment,
  publicVnpayIpn: payments.publicVnpayIpn,
  publicVnpayReturn: payments.publicVnpayReturn,
  publicPaygovCallback: payments.publicPaygovCallback,
  publicPaygovReturn: payments.publicPaygovReturn,
  listDossierPayments: payments.listDossierPayments,
  refundPayment: payments.refundPayment,
  getPaymentReconciliation: payments.getPaymentReconciliation,
} as const satisfies Record<string, RouteContract>;

export type Contract = typeof contract;
export type OperationId = keyof Contract;
export type AnyRoute = Contract[OperationId];

/** Every route, in the table's order. */
export const routes: readonly RouteContract[] = Object.values(contract);
