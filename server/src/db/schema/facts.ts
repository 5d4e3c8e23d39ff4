import { pgTable, text, boolean, timestamp, uuid, integer, smallint, bigint, date, index } from 'drizzle-orm/pg-core';
import { dossiers } from './dossiers.ts';

/**
 * One row per accepted dossier: core's dashboard facts (report/dashboard.ts), rewritten in the
 * transaction of each of its events. Days are the responsible agency's dates. The oversight
 * dashboard sums them; it never replays events.
 */
export const dossierFacts = pgTable(
  'dossier_facts',
  {
    dossierId: uuid('dossier_id')
      .primaryKey()
      .references(() => dossiers.id),
    agencyCode: text('agency_code').notNull(),
    fieldCode: text('field_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    channel: text('channel').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }).notNull(),
    acceptedDay: date('accepted_day', { mode: 'string' }).notNull(),
    /** The due instant the national index compares with (before any apology). */
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    finishedDay: date('finished_day', { mode: 'string' }),
    supplementRequests: smallint('supplement_requests').notNull(),
    resolvedDay: date('resolved_day', { mode: 'string' }),
    /** Biểu 06's class of the resolution: early | on-time | late. */
    resolvedClass: text('resolved_class'),
    processingMs: bigint('processing_ms', { mode: 'number' }),
    electronicResult: boolean('electronic_result').notNull(),
    paid: boolean('paid').notNull(),
    paidOnline: boolean('paid_online').notNull(),
    submittedFiles: boolean('submitted_files').notNull(),
    digitised: boolean('digitised').notNull(),
    /** The event count the row was computed at (a check, and the backfill's mark). */
    eventCount: integer('event_count').notNull(),
  },
  (t) => [
    index('dossier_facts_accepted_idx').on(t.agencyCode, t.acceptedDay),
    index('dossier_facts_resolved_idx').on(t.agencyCode, t.resolvedDay),
    index('dossier_facts_finished_idx').on(t.agencyCode, t.finishedDay),
  ],
);
