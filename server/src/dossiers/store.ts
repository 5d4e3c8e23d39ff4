import { and, eq, sql } from 'drizzle-orm';
import {
  ACTIONS,
  agencySearchKeys,
  ledgerDiff,
  reportFacts,
  storedTextPairs,
  type DossierEvent,
  type DossierState,
} from '@motcua/core';
import type { Executor } from '../db/client.ts';
import { dossierAgencies, dossierEvents, dossiers, reportLedger } from '../db/schema/index.ts';
import { errors } from '../http/errors.ts';
import { eventHash } from './event-hash.ts';
import { applyFacts } from '../reports/facts-store.ts';

/** The columns of `dossiers` that are derived from core's state (kept with every event). */
export function stateColumns(state: DossierState) {
  return {
    status: state.status,
    closed: state.closed,
    channel: state.channel,
    receivingAgency: state.receivingAgency,
    responsibleAgency: state.responsibleAgency,
    locationAgency: state.location.agency,
    locationStep: state.location.step,
    locationRole: state.location.role,
    assigneeId:
      state.location.assignee && /^[0-9a-f-]{36}$/.test(state.location.assignee) ? state.location.assignee : null,
    acceptedAt: state.acceptedAt === null ? null : new Date(state.acceptedAt),
    dueAt: state.dueAt === null ? null : new Date(state.dueAt),
    resolvedAt: state.resolvedAt === null ? null : new Date(state.resolvedAt),
    eventCount: state.eventCount,
    state,
  };
}

/** The hashes of `events` chained after `prevHash`, in order. */
export function chainHashes(dossierId: string, prevHash: string, events: readonly DossierEvent[]): string[] {
  const out: string[] = [];
  let prev = prevHash;
  for (const e of events) {
    prev = eventHash(dossierId, prev, e);
    out.push(prev);
  }
  return out;
}

/** The `dossier_events` rows of `events` chained after `prevHash` (hashes computed unless given). */
export function eventRows(
  dossierId: string,
  prevHash: string,
  events: readonly DossierEvent[],
  recordedAt: number,
  precomputed?: string[],
): (typeof dossierEvents.$inferInsert)[] {
  const hashes = precomputed ?? chainHashes(dossierId, prevHash, events);
  return events.map((e, i) => ({
    dossierId,
    seq: e.seq,
    kind: e.kind,
    at: new Date(e.at),
    actorKind: e.actor.kind,
    actorId: e.actor.id ?? null,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    public: ACTIONS[e.kind].public,
    event: e,
    prevHash: i === 0 ? prevHash : hashes[i - 1]!,
    hash: hashes[i]!,
    recordedAt: new Date(recordedAt),
  }));
}

/** Inserts events with their hash chain (multi-row insert); returns the new head hash. */
export async function insertEvents(
  tx: Executor,
  dossierId: string,
  prevHash: string,
  events: readonly DossierEvent[],
  recordedAt: number,
  precomputed?: string[],
): Promise<string> {
  if (!events.length) return prevHash;
  const rows = eventRows(dossierId, prevHash, events, recordedAt, precomputed);
  await tx.insert(dossierEvents).values(rows);
  return rows.at(-1)!.hash;
}

/**
 * The `dossier_agencies` rows for the agencies a dossier is at (each once), with the search keys
 * of its applicant at each (core's agencySearchKeys of the pairs of `applicantSearch`, the
 * dossier's stored folded words): the applicant's words never change after intake, so a visit's
 * keys are written once, with it.
 */
export function visitRows(
  dossierId: string,
  agencies: readonly string[],
  at: number,
  applicantSearch: string,
): (typeof dossierAgencies.$inferInsert)[] {
  const pairs = storedTextPairs(applicantSearch);
  return [...new Set(agencies)].map((agency) => ({
    dossierId,
    agencyCode: agency,
    since: new Date(at),
    searchKeys: agencySearchKeys(agency, pairs),
  }));
}

/** Records every agency the dossier is at (it has then "passed through" it for good). */
export async function recordVisit(
  tx: Executor,
  dossierId: string,
  agencies: readonly string[],
  at: number,
  applicantSearch: string,
): Promise<void> {
  const rows = visitRows(dossierId, agencies, at, applicantSearch);
  if (rows.length) await tx.insert(dossierAgencies).values(rows).onConflictDoNothing();
}

/**
 * Core's ledger difference as `report_ledger` rows to add: one row per key (so one statement hits
 * no row twice), sorted by key, so that concurrent transactions lock these hot rows in one order.
 */
export function ledgerRows(
  field: string,
  before: DossierState | null,
  after: DossierState,
): (typeof reportLedger.$inferInsert)[] {
  const diff = ledgerDiff(before ? reportFacts(before, field) : null, reportFacts(after, field));
  const rows = diff.map((e) => ({
    agencyCode: e.agency,
    fieldCode: e.field,
    day: e.day,
    column: e.column,
    value: e.delta,
  }));
  const key = (r: (typeof rows)[number]) => [r.agencyCode, r.fieldCode, r.day, r.column].join('\u0000');
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** What makes an insert of `ledgerRows` add to the running totals (the month totals follow by trigger). */
export const LEDGER_UPSERT =
  'on conflict ("agency_code", "field_code", "day", "column") do update set "value" = "report_ledger"."value" + excluded."value"';

/** Applies core's ledger difference to the Biểu 06 running totals, in the event's transaction. */
export async function applyLedger(
  tx: Executor,
  field: string,
  before: DossierState | null,
  after: DossierState,
): Promise<void> {
  const rows = ledgerRows(field, before, after);
  if (!rows.length) return;
  await tx
    .insert(reportLedger)
    .values(rows)
    .onConflictDoUpdate({
      target: [reportLedger.agencyCode, reportLedger.fieldCode, reportLedger.day, reportLedger.column],
      set: { value: sql`${reportLedger.value} + excluded.value` },
    });
}

export interface DossierHead {
  id: string;
  lockVersion: number;
  headHash: string;
  fieldCode: string;
  procedureCode: string;
  /** The applicant's folded words (the keys of the agencies it visits). */
  applicantSearch: string;
  state: DossierState;
}

/**
 * Appends the events a decision produced to an existing dossier: the state columns, the hash
 * chain, visited agencies and the report ledger, all in the caller's transaction. The update is
 * conditional on the lock version read: a concurrent writer makes it fail with 409 and the
 * current state, so no event is lost or duplicated.
 */
export async function appendToDossier(
  tx: Executor,
  head: DossierHead,
  events: readonly DossierEvent[],
  after: DossierState,
  now: number,
): Promise<void> {
  if (!events.length) return;
  const head2 = chainHashes(head.id, head.headHash, events).at(-1)!;
  const updated = await tx
    .update(dossiers)
    .set({ ...stateColumns(after), lockVersion: head.lockVersion + 1, updatedAt: new Date(now), headHash: head2 })
    .where(and(eq(dossiers.id, head.id), eq(dossiers.lockVersion, head.lockVersion)))
    .returning({ id: dossiers.id });
  if (!updated.length) {
    const cur = await tx.select({ status: dossiers.status }).from(dossiers).where(eq(dossiers.id, head.id));
    throw errors.conflict(
      'concurrent_change',
      { vi: 'Hồ sơ vừa được người khác thay đổi, hãy tải lại', en: 'The dossier was changed meanwhile; reload it' },
      { dossierStatus: cur[0]?.status ?? null },
    );
  }
  await insertEvents(tx, head.id, head.headHash, events, now);
  await recordVisit(tx, head.id, [after.location.agency], now, head.applicantSearch);
  await applyLedger(tx, head.fieldCode, head.state, after);
  await applyFacts(tx, head, events, after);
}
