import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
  ACTIONS,
  STATUSES,
  availableActions,
  feesSettled,
  paymentDue,
  type FeeQuote,
  formatInstant,
  type DossierEvent,
  type DossierState,
  type StatusCode,
} from '@motcua/core';
import type { ServerContext } from '../context.ts';
import { artefacts, dossierEvents, dossierFiles, files, payments } from '../db/schema/index.ts';
import { APPLICANT_SLIP_KINDS } from '@motcua/api';
import type { DossierRow } from '../dossiers/load.ts';
import { loadVersion } from '../procedures/catalog.ts';
import { workflowContext } from '../dossiers/workflow-context.ts';
import { canBeRated, ratedAt } from './ratings.ts';

/** Purposes of files the applicant may read back. */
export const APPLICANT_FILE_PURPOSES = ['submission', 'supplement', 'result'] as const;

/** What the applicant sees of a dossier (docs/public-api.md, "Tracking"). */
export async function trackingView(ctx: ServerContext, row: DossierRow) {
  const state = row.state as DossierState;
  const snap = await ctx.agencies.get();
  const tz = snap.records.get(row.receivingAgency)?.timeZone ?? ctx.config.timeZone;
  const iso = (t: number | null) => (t === null ? null : formatInstant(t, tz));
  const version = await loadVersion(ctx, row.procedureCode, row.procedureVersion);
  const events = await ctx.db
    .select({ event: dossierEvents.event })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, row.id), eq(dossierEvents.public, true)))
    .orderBy(asc(dossierEvents.seq));
  const timeline = events.map(({ event }) => {
    const e = event as DossierEvent;
    return {
      kind: e.kind,
      label: { vi: ACTIONS[e.kind].vi, en: ACTIONS[e.kind].en },
      at: formatInstant(e.at, tz),
      status: e.toStatus,
      ...(e.comment ? { comment: e.comment } : {}),
    };
  });
  const applicantFiles = await ctx.db
    .select({
      id: files.id,
      documentId: dossierFiles.documentId,
      purpose: dossierFiles.purpose,
      name: files.originalName,
      size: files.size,
      mediaType: files.mediaType,
      addedAt: dossierFiles.addedAt,
    })
    .from(dossierFiles)
    .innerJoin(files, eq(files.id, dossierFiles.fileId))
    .where(and(eq(dossierFiles.dossierId, row.id), inArray(dossierFiles.purpose, [...APPLICANT_FILE_PURPOSES])))
    .orderBy(asc(dossierFiles.addedAt), asc(dossierFiles.documentId), asc(dossierFiles.ordinal));
  const slips = await ctx.db
    .select({
      id: artefacts.fileId,
      kind: artefacts.kind,
      issuedAt: artefacts.issuedAt,
      formNo: artefacts.formNo,
      size: artefacts.size,
    })
    .from(artefacts)
    .where(
      and(
        eq(artefacts.dossierId, row.id),
        eq(artefacts.format, 'pdf'),
        inArray(artefacts.kind, [...APPLICANT_SLIP_KINDS]),
      ),
    )
    .orderBy(asc(artefacts.eventSeq), asc(artefacts.kind));
  const actions = version
    ? availableActions(
        workflowContext(ctx, snap, version.definition, row.data, 'all', row.submittedAt.getTime()),
        state,
        { kind: 'applicant' },
        ctx.clock.now(),
      )
    : [];
  const sup = state.supplement;
  const [latest] = state.payment
    ? await ctx.db
        .select({ provider: payments.provider, state: payments.state, at: payments.updatedAt })
        .from(payments)
        .where(eq(payments.dossierId, row.id))
        .orderBy(desc(payments.createdAt))
        .limit(1)
    : [];
  // The providers configured (payments/ sets them up; its routes take the dossier from tracking/).
  const providers = ctx.config.payments;
  const offered = (Object.keys(providers) as (keyof typeof providers)[]).filter((p) => providers[p] !== null);
  const rated = await ratedAt(ctx.db, row.id);
  return {
    code: row.code!,
    procedure: {
      code: row.procedureCode,
      version: row.procedureVersion,
      title: version?.definition.title ?? { vi: row.procedureCode },
    },
    agency: {
      code: row.receivingAgency,
      name: snap.records.get(row.receivingAgency)?.name ?? { vi: row.receivingAgency },
    },
    status: state.status,
    statusLabel: STATUSES[state.status as StatusCode],
    submittedAt: iso(state.submittedAt)!,
    acceptedAt: iso(state.acceptedAt),
    dueAt: iso(state.dueAt),
    fees: row.fees,
    timeline,
    supplement: sup
      ? { requestedAt: iso(sup.requestedAt)!, dueBy: iso(sup.dueBy)!, items: sup.items, provided: sup.provided }
      : null,
    onlinePayment: state.payment
      ? {
          amount: state.payment.amount,
          requestedAt: iso(state.payment.requestedAt)!,
          paidAt: iso(state.payment.paidAt),
          providers: state.status === 6 && state.payment.paidAt === null ? offered : [],
          latest: latest
            ? {
                provider: latest.provider as keyof typeof providers,
                state: latest.state,
                at: iso(latest.at.getTime())!,
              }
            : null,
        }
      : null,
    payment:
      version && row.code ? paymentDue(version.definition, row.code, row.fees as FeeQuote, feesSettled(state)) : null,
    canSupplement: actions.includes('supplement_provided') && sup !== null && !sup.provided,
    canWithdraw: actions.includes('withdraw') || actions.includes('request_withdrawal'),
    withdrawalRequested: state.withdrawalRequest !== null,
    files: applicantFiles.map((f) => ({ ...f, addedAt: iso(f.addedAt.getTime())! })),
    slips: slips.map((a) => ({
      ...a,
      kind: a.kind as (typeof APPLICANT_SLIP_KINDS)[number],
      issuedAt: iso(a.issuedAt.getTime())!,
    })),
    satisfaction: { canRate: canBeRated(row) && rated === null, ratedAt: iso(rated?.getTime() ?? null) },
  };
}
