import type { Role } from '@motcua/core';
import type { Allow, PolicyRule } from './rules.ts';

/**
 * THE access policy: one row per operationId of the API, enforced by one middleware
 * (policy/middleware.ts). A route without a row is denied. The rules of issue 3:
 * - staff read dossiers that are at, or have passed through, their agency;
 * - they act only on dossiers currently at their agency (the step's role is then checked by core);
 * - leaders and viewers of an ancestor agency read, never act on, the dossiers of its subtree;
 * - admins manage agencies and accounts in their subtree;
 * - designers edit procedures owned by their agency or its subtree.
 */
const CASE_ROLES: readonly Role[] = ['reception', 'specialist', 'leader', 'viewer'];

const adminOfSubtree: Allow = { roles: ['admin'], relations: ['own', 'ancestor'] };
const designerOfSubtree: Allow = { roles: ['designer'], relations: ['own', 'ancestor'] };
/** Staff who act on dossiers (viewers only read). */
const caseActors: Allow = { roles: ['reception', 'specialist', 'leader'], relations: ['own'] };
const dossierReaders: readonly Allow[] = [
  { roles: CASE_ROLES, relations: ['own'] },
  { roles: ['leader', 'viewer'], relations: ['ancestor'] },
];

export const POLICY: Record<string, PolicyRule> = {
  // meta
  getHealth: { access: 'public', why: 'liveness probe' },
  getReady: { access: 'public', why: 'readiness probe' },
  getOpenApi: { access: 'public', why: 'the API description is public' },
  getApiDocs: { access: 'public', why: 'the API description is public' },

  // auth
  login: { access: 'public', why: 'signing in' },
  logout: { access: 'authenticated', why: 'own session' },
  getSession: { access: 'authenticated', why: 'own session' },
  changePassword: { access: 'authenticated', why: 'own password' },
  getMyPreferences: { access: 'authenticated', why: 'own preferences' },
  putMyPreferences: { access: 'authenticated', why: 'own preferences' },

  // agencies and calendars: the tree is public information; changes are admin work in a subtree
  listAgencyKinds: { access: 'public', why: 'public directory' },
  listAgencies: { access: 'public', why: 'public directory' },
  getAgency: { access: 'public', why: 'public directory' },
  getAgencyHistory: { access: 'public', why: 'names of the past appear on public documents' },
  createAgency: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: [adminOfSubtree],
    why: 'admins create agencies under their subtree',
  },
  updateAgency: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: [adminOfSubtree],
    why: 'admins manage agencies of their subtree',
  },
  moveAgency: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: [adminOfSubtree],
    why: 'admins manage agencies of their subtree (the new parent is checked too)',
  },
  mergeAgency: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: [adminOfSubtree],
    why: 'admins manage agencies of their subtree (the successor is checked too)',
  },
  listCalendars: { access: 'public', why: 'working calendars are public' },
  getCalendar: { access: 'public', why: 'working calendars are public' },
  createCalendar: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: [adminOfSubtree],
    why: 'admins maintain calendars of their subtree',
  },
  updateCalendar: {
    access: 'grants',
    target: { kind: 'calendar', param: 'calendarId' },
    allow: [adminOfSubtree],
    why: 'admins maintain calendars of their subtree',
  },

  // staff accounts
  listStaff: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: [adminOfSubtree],
    why: 'admins manage accounts of their subtree',
  },
  createStaff: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: [adminOfSubtree],
    why: 'admins manage accounts of their subtree',
  },
  getStaff: {
    access: 'grants',
    target: { kind: 'staff', param: 'staffId' },
    allow: [adminOfSubtree],
    self: true,
    why: 'admins of the subtree, or the account itself',
  },
  updateStaff: {
    access: 'grants',
    target: { kind: 'staff', param: 'staffId' },
    allow: [adminOfSubtree],
    why: 'admins manage accounts of their subtree',
  },
  setStaffRoles: {
    access: 'grants',
    target: { kind: 'staff', param: 'staffId' },
    allow: [adminOfSubtree],
    why: 'admins grant roles inside their subtree (each granted agency is checked too)',
  },
  listApiTokens: {
    access: 'grants',
    target: { kind: 'staff', param: 'staffId' },
    allow: [adminOfSubtree],
    self: true,
    why: 'admins of the subtree, or the account itself',
  },
  createApiToken: {
    access: 'grants',
    target: { kind: 'staff', param: 'staffId' },
    allow: [adminOfSubtree],
    self: true,
    why: 'admins of the subtree, or the account itself',
  },
  revokeApiToken: {
    access: 'grants',
    target: { kind: 'staff', param: 'staffId' },
    allow: [adminOfSubtree],
    self: true,
    why: 'admins of the subtree, or the account itself',
  },

  // procedures (staff side)
  listProcedures: { access: 'authenticated', why: 'staff see which procedures exist' },
  createProcedure: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: [designerOfSubtree],
    why: 'designers create procedures owned by their subtree',
  },
  getProcedure: {
    access: 'grants',
    target: { kind: 'procedure', param: 'procedureCode' },
    allow: [designerOfSubtree],
    why: 'drafts are the designers\u2019 work',
  },
  updateProcedureDraft: {
    access: 'grants',
    target: { kind: 'procedure', param: 'procedureCode' },
    allow: [designerOfSubtree],
    why: 'designers edit procedures owned by their subtree',
  },
  validateProcedureDraft: {
    access: 'grants',
    target: { kind: 'procedure', param: 'procedureCode' },
    allow: [designerOfSubtree],
    why: 'designers edit procedures owned by their subtree',
  },
  publishProcedure: {
    access: 'grants',
    target: { kind: 'procedure', param: 'procedureCode' },
    allow: [designerOfSubtree],
    why: 'designers publish procedures owned by their subtree',
  },
  retireProcedure: {
    access: 'grants',
    target: { kind: 'procedure', param: 'procedureCode' },
    allow: [designerOfSubtree],
    why: 'designers retire procedures owned by their subtree',
  },
  listProcedureVersions: { access: 'authenticated', why: 'published versions are public facts' },
  getProcedureVersion: { access: 'authenticated', why: 'published versions are public facts' },

  // public (citizen) API
  publicListProcedures: { access: 'public', why: 'citizen API' },
  publicGetProcedure: { access: 'public', why: 'citizen API' },
  publicGetProcedureVersion: { access: 'public', why: 'citizen API' },
  publicGetValidators: { access: 'public', why: 'citizen API' },
  publicGetCurrentValidators: { access: 'public', why: 'citizen API' },
  publicSubmitDossier: { access: 'public', why: 'citizen API' },
  publicTrackDossier: { access: 'public', why: 'citizen API, guarded by the tracking secret' },
  publicSupplementDossier: { access: 'public', why: 'citizen API, guarded by the tracking secret' },
  publicWithdrawDossier: { access: 'public', why: 'citizen API, guarded by the tracking secret' },
  publicGetDossierFile: { access: 'public', why: 'citizen API, guarded by the tracking secret' },
  publicGetDossierSlip: { access: 'public', why: 'citizen API, guarded by the tracking secret' },
  publicRateDossier: { access: 'public', why: 'citizen API, guarded by the tracking secret' },

  // dossiers (staff side)
  counterSubmitDossier: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: [{ roles: ['reception'], relations: ['own'] }],
    why: 'reception receives dossiers at its own counter',
  },
  getDossier: {
    access: 'grants',
    target: { kind: 'dossier', param: 'dossierCode', scope: 'visited' },
    allow: dossierReaders,
    why: 'staff read dossiers at or past their agency; leaders and viewers their subtree',
  },
  listDossierEvents: {
    access: 'grants',
    target: { kind: 'dossier', param: 'dossierCode', scope: 'visited' },
    allow: dossierReaders,
    why: 'as getDossier',
  },
  getDossierFile: {
    access: 'grants',
    target: { kind: 'dossier', param: 'dossierCode', scope: 'visited' },
    allow: dossierReaders,
    why: 'as getDossier',
  },
  importLegacyDossiers: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: [adminOfSubtree],
    why: 'admins import the legacy dossiers of their subtree',
  },

  // case handling (issue 4): staff act on dossiers at their agency (core checks step, role, assignee)
  listDossierActions: {
    access: 'grants',
    target: { kind: 'dossier', param: 'dossierCode', scope: 'visited' },
    allow: dossierReaders,
    why: 'as getDossier; core says which actions the caller may take',
  },
  performDossierAction: {
    access: 'grants',
    target: { kind: 'dossier', param: 'dossierCode', scope: 'handling' },
    allow: [caseActors],
    why: 'staff act on dossiers at their agency, or received by it; viewers never act',
  },
  performDossierActionWithFiles: {
    access: 'grants',
    target: { kind: 'dossier', param: 'dossierCode', scope: 'handling' },
    allow: [caseActors],
    why: 'as performDossierAction',
  },
  listAgencyHandlers: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: dossierReaders,
    why: 'who can be assigned: case staff of the agency, leaders and viewers above',
  },
  listDossierSlips: {
    access: 'grants',
    target: { kind: 'dossier', param: 'dossierCode', scope: 'visited' },
    allow: dossierReaders,
    why: 'as getDossier',
  },
  issueDossierSlip: {
    access: 'grants',
    target: { kind: 'dossier', param: 'dossierCode', scope: 'handling' },
    allow: [caseActors],
    why: 'slips are issued by the staff handling the dossier',
  },
  getInbox: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: dossierReaders,
    why: 'case staff see their agency\u2019s queues; leaders and viewers above see their subtree\u2019s',
  },
  getInboxQueues: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: dossierReaders,
    why: 'the counts of the queues whose dossiers the caller may list',
  },
  exportInbox: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: dossierReaders,
    why: 'the same dossiers as the inbox, as a file (each read logged)',
  },
  getInboxEvents: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: dossierReaders,
    why: 'changes of the dossiers the caller may list (codes and locations, no personal data)',
  },
  getBieu06Report: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: dossierReaders,
    why: 'case staff report on their agency; leaders and viewers above on their subtree',
  },
  getOversightDashboard: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: dossierReaders,
    why: 'a supervising agency sees its subtree (leaders and viewers above); a commune only itself',
  },
  getOversightDossiers: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: dossierReaders,
    why: 'the dossiers behind the dashboard\u2019s numbers, to whoever may read the dashboard (each read logged)',
  },
  getLogbook: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: dossierReaders,
    why: 'the agency\u2019s own book: its case staff, leaders and viewers above',
  },
  getDossierSlip: {
    access: 'grants',
    target: { kind: 'dossier', param: 'dossierCode', scope: 'visited' },
    allow: dossierReaders,
    why: 'as getDossier',
  },
  listDeadLetters: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: [adminOfSubtree],
    why: 'admins look after the integrations of their subtree',
  },
  replayDeadLetters: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: [adminOfSubtree],
    why: 'admins look after the integrations of their subtree',
  },
  publicStartPayment: { access: 'public', why: 'the applicant pays, proven by the tracking secret' },
  publicVnpayIpn: { access: 'public', why: 'the provider calls; trusted only by its signature' },
  publicVnpayReturn: { access: 'public', why: 'the payer comes back; trusted only by the signature' },
  publicPaygovCallback: { access: 'public', why: 'the provider calls; trusted only by its signature' },
  publicPaygovReturn: { access: 'public', why: 'the payer comes back; trusted only by the signature' },
  listDossierPayments: {
    access: 'grants',
    target: { kind: 'dossier', param: 'dossierCode', scope: 'visited' },
    allow: dossierReaders,
    why: 'as getDossier',
  },
  refundPayment: {
    access: 'grants',
    target: { kind: 'dossier', param: 'dossierCode', scope: 'visited' },
    allow: [{ roles: ['reception', 'leader'], relations: ['own'] }],
    why: 'reception and leaders of an agency the dossier is at or passed through record refunds',
  },
  getPaymentReconciliation: {
    access: 'grants',
    target: { kind: 'agency', param: 'agencyCode' },
    allow: [adminOfSubtree, { roles: ['leader'], relations: ['own', 'ancestor'] }],
    why: 'admins and leaders reconcile with the provider’s statement',
  },
};
