import {
  pgTable,
  text,
  boolean,
  timestamp,
  uuid,
  integer,
  smallint,
  bigint,
  date,
  index,
  primaryKey,
} from 'drizzle-orm/pg-core';
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
    /**
     * Which dashboard counts the dossier counts toward: core's `dashboardMeasures`, a bitmask over
     * `DASHBOARD_COUNTS` (the drill-down filters by it). Null only in rows written before migration
     * 0018, until the start's backfill (reports/measures-backfill.ts) fills them.
     */
    measures: integer('measures'),
  },
  (t) => [
    index('dossier_facts_accepted_idx').on(t.agencyCode, t.acceptedDay),
    index('dossier_facts_resolved_idx').on(t.agencyCode, t.resolvedDay),
    index('dossier_facts_finished_idx').on(t.agencyCode, t.finishedDay),
  ],
);

const count = (name: string) => integer(name).notNull().default(0);

/** One column per count of core's `DASHBOARD_COUNTS` (reports/daily-sums.ts maps them). */
const counts = () => ({
  accepted: count('accepted'),
  online: count('online'),
  digitised: count('digitised'),
  paid: count('paid'),
  paidOnline: count('paid_online'),
  resolved: count('resolved'),
  early: count('early'),
  onTime: count('on_time'),
  late: count('late'),
  processingMs: bigint('processing_ms', { mode: 'number' }).notNull().default(0),
  electronicResult: count('electronic_result'),
  finished: count('finished'),
  indexOnTime: count('index_on_time'),
  supplementOnce: count('supplement_once'),
});

/**
 * Core's dashboard counts per agency, field, procedure, channel and day (report/dashboard.ts
 * `dailyCounts`), corrected in the transaction of each change of `dossier_facts` by the change of
 * the dossier's contribution. The dashboard sums days, not dossiers.
 */
export const dashboardDaily = pgTable(
  'dashboard_daily',
  {
    agencyCode: text('agency_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    fieldCode: text('field_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    channel: text('channel').notNull(),
    ...counts(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day, t.fieldCode, t.procedureCode, t.channel] })],
);

/**
 * The daily sums per month (`month`: its first day), kept by a trigger on `dashboard_daily` that
 * only adds (migration 0017): a period's whole months are read here, its partial ones by day.
 */
export const dashboardMonthly = pgTable(
  'dashboard_monthly',
  {
    agencyCode: text('agency_code').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    fieldCode: text('field_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    channel: text('channel').notNull(),
    ...counts(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.month, t.fieldCode, t.procedureCode, t.channel] })],
);

/** Present while `dashboard_daily` must be recomputed from `dossier_facts` (after migration 0017). */
export const dashboardDailyRebuild = pgTable('dashboard_daily_rebuild', {
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
