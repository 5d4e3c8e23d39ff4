import { asc, eq, inArray, sql } from 'drizzle-orm';
import {
  dashboardFacts,
  dashboardMeasures,
  indexEventFlags,
  type DossierEvent,
  type DossierState,
  type IndexEventFlags,
} from '@motcua/core';
import type { Executor } from '../db/client.ts';
import { dossierEvents, dossierFacts } from '../db/schema/index.ts';
import { DailySums, applyDailySums } from './daily-sums.ts';

export type FactsRow = typeof dossierFacts.$inferSelect;

/** The `dossier_facts` row of a dossier (core's dashboardFacts), or null before acceptance. */
export function factsRow(
  dossierId: string,
  state: DossierState,
  field: string,
  procedure: string,
  flags: IndexEventFlags,
): FactsRow | null {
  const f = dashboardFacts(state, field, procedure, flags);
  if (f === null) return null;
  const x = f.index;
  return {
    dossierId,
    agencyCode: x.agency,
    fieldCode: x.field,
    procedureCode: procedure,
    channel: x.channel,
    acceptedAt: new Date(x.acceptedAt),
    acceptedDay: f.acceptedDay,
    dueAt: new Date(x.dueAt),
    finishedAt: x.finishedAt === null ? null : new Date(x.finishedAt),
    finishedDay: f.finishedDay,
    supplementRequests: x.supplementRequests,
    resolvedDay: f.resolved?.day ?? null,
    resolvedClass: f.resolved?.class ?? null,
    processingMs: f.resolved ? f.resolved.at - x.acceptedAt : null,
    electronicResult: x.electronicResult,
    paid: flags.paid,
    paidOnline: flags.paidOnline,
    submittedFiles: flags.submittedFiles,
    digitised: x.digitised,
    eventCount: state.eventCount,
    measures: dashboardMeasures(f),
  };
}

/** The columns an upsert rewrites (every column but the key). */
const REWRITE = Object.fromEntries(
  Object.entries({
    agencyCode: 'agency_code',
    fieldCode: 'field_code',
    procedureCode: 'procedure_code',
    channel: 'channel',
    acceptedAt: 'accepted_at',
    acceptedDay: 'accepted_day',
    dueAt: 'due_at',
    finishedAt: 'finished_at',
    finishedDay: 'finished_day',
    supplementRequests: 'supplement_requests',
    resolvedDay: 'resolved_day',
    resolvedClass: 'resolved_class',
    processingMs: 'processing_ms',
    electronicResult: 'electronic_result',
    paid: 'paid',
    paidOnline: 'paid_online',
    submittedFiles: 'submitted_files',
    digitised: 'digitised',
    eventCount: 'event_count',
    measures: 'measures',
  }).map(([k, col]) => [k, sql.raw(`excluded."${col}"`)]),
);

/** The stored facts of some dossiers, locked until the transaction ends (their daily sums change with them). */
export async function storedFacts(tx: Executor, ids: readonly string[]): Promise<FactsRow[]> {
  if (!ids.length) return [];
  return tx
    .select()
    .from(dossierFacts)
    .where(inArray(dossierFacts.dossierId, [...ids]))
    .for('update');
}

/**
 * Writes the rows (the whole log's facts), replacing what was there (`before`: the stored rows of
 * these dossiers, read if not given), and corrects the daily sums by the change, in the caller's
 * transaction.
 */
export async function writeFacts(tx: Executor, rows: readonly FactsRow[], before?: readonly FactsRow[]): Promise<void> {
  if (!rows.length) return;
  const old =
    before ??
    (await storedFacts(
      tx,
      rows.map((r) => r.dossierId),
    ));
  await tx
    .insert(dossierFacts)
    .values([...rows])
    .onConflictDoUpdate({ target: dossierFacts.dossierId, set: REWRITE });
  await applyDailySums(tx, new DailySums().add(old, -1).add(rows));
}

/**
 * Keeps a dossier's facts after new events, in their transaction. The event flags only ever turn
 * true, so the stored ones are OR-ed with those of the new events; a dossier without a row yet
 * (accepted now, or before the facts existed) has its whole log read once.
 */
export async function applyFacts(
  tx: Executor,
  head: { id: string; fieldCode: string; procedureCode: string },
  newEvents: readonly DossierEvent[],
  after: DossierState,
): Promise<void> {
  const stored = await storedFacts(tx, [head.id]);
  let flags: IndexEventFlags;
  if (stored[0]) {
    const add = indexEventFlags(newEvents);
    flags = {
      paid: stored[0].paid || add.paid,
      paidOnline: stored[0].paidOnline || add.paidOnline,
      submittedFiles: stored[0].submittedFiles || add.submittedFiles,
    };
  } else {
    if (after.acceptedAt === null) return;
    const log = await tx
      .select({ event: dossierEvents.event })
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, head.id))
      .orderBy(asc(dossierEvents.seq));
    flags = indexEventFlags(log.map((r) => r.event as DossierEvent));
  }
  const row = factsRow(head.id, after, head.fieldCode, head.procedureCode, flags);
  if (row) await writeFacts(tx, [row], stored);
}
