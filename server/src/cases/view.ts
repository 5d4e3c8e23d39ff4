import type { CaseView } from '@motcua/api';
import {
  ACTIONS,
  STATUSES,
  formatInstant,
  isOverdue,
  supplementExpired,
  type DossierState,
  type StatusCode,
} from '@motcua/core';
import type { ServerContext } from '../context.ts';
import type { AgencySnapshot } from '../agency-directory/cache.ts';
import type { DossierRow } from '../dossiers/load.ts';
import { dossiers } from '../db/schema/index.ts';
import { loadVersion } from '../procedures/catalog.ts';

/** The columns a case view reads (lists select only these: no form data, no files). */
export const CASE_COLUMNS = {
  code: dossiers.code,
  procedureCode: dossiers.procedureCode,
  procedureVersion: dossiers.procedureVersion,
  fieldCode: dossiers.fieldCode,
  receivingAgency: dossiers.receivingAgency,
  applicantKind: dossiers.applicantKind,
  applicantName: dossiers.applicantName,
  applicantIdNumber: dossiers.applicantIdNumber,
  applicantPhone: dossiers.applicantPhone,
  state: dossiers.state,
  lockVersion: dossiers.lockVersion,
  eventCount: dossiers.eventCount,
};
export type CaseRow = Pick<DossierRow, keyof typeof CASE_COLUMNS>;

/** The case view of a dossier row at `now`. */
export async function caseView(
  ctx: ServerContext,
  row: CaseRow,
  snap?: AgencySnapshot,
  now = ctx.clock.now(),
): Promise<CaseView> {
  const s = snap ?? (await ctx.agencies.get());
  const state = row.state as DossierState;
  const tz = s.records.get(row.receivingAgency)?.timeZone ?? ctx.config.timeZone;
  const iso = (t: number | null) => (t === null ? null : formatInstant(t, tz));
  const version = await loadVersion(ctx, row.procedureCode, row.procedureVersion);
  const step =
    state.location.step === null
      ? null
      : (version?.definition.workflow.steps.find((x) => x.id === state.location.step) ?? null);
  const pause = state.pauses.findLast((p) => p.to === null) ?? null;
  return {
    code: row.code!,
    procedure: {
      code: row.procedureCode,
      version: row.procedureVersion,
      title: version?.definition.title ?? { vi: row.procedureCode },
    },
    field: row.fieldCode,
    channel: state.channel,
    status: state.status,
    statusLabel: STATUSES[state.status as StatusCode],
    closed: state.closed,
    overdue: isOverdue(state, now),
    supplementExpired: supplementExpired(state, now),
    receivingAgency: state.receivingAgency,
    responsibleAgency: state.responsibleAgency,
    location: {
      agency: state.location.agency,
      agencyName: s.records.get(state.location.agency)?.name ?? { vi: state.location.agency },
      step: state.location.step,
      stepTitle: step ? step.title : null,
      role: state.location.role,
      assignee: state.location.assignee ?? null,
      assigneeName: state.location.assigneeName ?? null,
    },
    submittedAt: iso(state.submittedAt)!,
    acceptedAt: iso(state.acceptedAt),
    dueAt: iso(state.dueAt),
    stepDueAt: iso(state.stepDueAt),
    pausedSince: iso(pause?.from ?? null),
    applicant: {
      kind: row.applicantKind,
      name: row.applicantName,
      idNumber: row.applicantIdNumber,
      phone: row.applicantPhone,
    },
    lastEventAt: iso(state.lastEventAt)!,
    payment: state.payment
      ? {
          amount: state.payment.amount,
          description: state.payment.description,
          requestedAt: iso(state.payment.requestedAt)!,
          paidAt: iso(state.payment.paidAt),
        }
      : null,
    supplement: state.supplement
      ? {
          requestedAt: iso(state.supplement.requestedAt)!,
          dueBy: iso(state.supplement.dueBy)!,
          provided: state.supplement.provided,
          items: state.supplement.items,
          requestCount: state.supplementRequests ?? 1,
          repeatReason: state.supplement.repeatReason ?? null,
        }
      : null,
    withdrawalRequested: state.withdrawalRequest !== null,
    lockVersion: row.lockVersion,
    eventCount: row.eventCount,
  };
}

/** The label of an action kind, for lists of what one may do. */
export function actionLabel(kind: keyof typeof ACTIONS) {
  return { vi: ACTIONS[kind].vi, en: ACTIONS[kind].en };
}
