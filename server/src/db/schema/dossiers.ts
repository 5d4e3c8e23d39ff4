import {
  pgTable,
  text,
  jsonb,
  boolean,
  timestamp,
  uuid,
  integer,
  smallint,
  date,
  primaryKey,
  index,
  uniqueIndex,
  foreignKey,
} from 'drizzle-orm/pg-core';
import type { NotifyContacts } from '@motcua/core';
import { procedureVersions } from './procedures.ts';
import { files } from './files.ts';

/**
 * A dossier. Its truth is `dossier_events`; the columns here are the current state derived from
 * them by core's `evolve` (kept in the same transaction as each event), denormalised so that
 * inboxes, searches and tracking never replay events. `lock_version` gives optimistic concurrency:
 * every update says which version it read and fails (409) when another writer got there first.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey(),
    /** {agency}-{yyMMdd}-{seq}; null only inside the intake transaction, before the sequence. */
    code: text('code'),
    procedureCode: text('procedure_code').notNull(),
    procedureVersion: integer('procedure_version').notNull(),
    fieldCode: text('field_code').notNull(),
    channel: text('channel').notNull(),
    status: smallint('status').notNull(),
    closed: boolean('closed').notNull().default(false),
    receivingAgency: text('receiving_agency').notNull(),
    responsibleAgency: text('responsible_agency'),
    locationAgency: text('location_agency').notNull(),
    locationStep: text('location_step'),
    locationRole: text('location_role'),
    assigneeId: uuid('assignee_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    /** The appointment; changed only by pause and extension events. Overdue is derived from it. */
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    applicantKind: text('applicant_kind').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIdNumber: text('applicant_id_number'),
    applicantPhone: text('applicant_phone'),
    applicantEmail: text('applicant_email'),
    applicantAddress: text('applicant_address'),
    /** Lower-case, accent-folded name/ID/phone/email for accent-insensitive search (same on both databases). */
    applicantSearch: text('applicant_search').notNull(),
    /**
     * Core's word pairs of applicant_search (GIN-indexed; multi-word searches). Null only on rows
     * written before the column, until the online backfill fills them.
     */
    searchPairs: text('search_pairs').array(),
    applicant: jsonb('applicant').notNull(),
    submitter: jsonb('submitter'),
    /** Where the applicant asked to be notified (core's NotifyContacts); null: not at all. */
    notify: jsonb('notify').$type<NotifyContacts>(),
    /** The applicant's form data, as submitted and validated. */
    data: jsonb('data').notNull(),
    fees: jsonb('fees').notNull(),
    /** Core's DossierState after the last event (a cache of replay(events)). */
    state: jsonb('state').notNull(),
    trackingSecretHash: text('tracking_secret_hash').notNull(),
    eventCount: integer('event_count').notNull(),
    headHash: text('head_hash').notNull(),
    lockVersion: integer('lock_version').notNull().default(1),
    /** Imported from a legacy system (keeps its original code). */
    imported: boolean('imported').notNull().default(false),
    legacy: jsonb('legacy'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('dossiers_code_idx').on(t.code),
    foreignKey({
      columns: [t.procedureCode, t.procedureVersion],
      foreignColumns: [procedureVersions.code, procedureVersions.version],
    }),
    index('dossiers_location_idx').on(t.locationAgency, t.status, t.dueAt),
    index('dossiers_receiving_idx').on(t.receivingAgency, t.submittedAt),
    index('dossiers_applicant_id_idx').on(t.applicantIdNumber),
    index('dossiers_applicant_phone_idx').on(t.applicantPhone),
  ],
);

/**
 * The event log: append-only, hash-chained. `hash` = SHA-256 over the canonical JSON of
 * { dossier, seq, prev, event } (see dossiers/event-hash.ts); the dossier row keeps the head
 * hash and the count so that a deleted last event is detected too.
 */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    fromStatus: smallint('from_status'),
    toStatus: smallint('to_status').notNull(),
    /** Shown on the applicant's tracking timeline. */
    public: boolean('public').notNull(),
    /** The full core DossierEvent. */
    event: jsonb('event').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.seq] }), index('dossier_events_at_idx').on(t.at)],
);

/** Every agency a dossier is at or has passed through (read access, "passed through" inboxes). */
export const dossierAgencies = pgTable(
  'dossier_agencies',
  {
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    agencyCode: text('agency_code').notNull(),
    since: timestamp('since', { withTimezone: true, mode: 'date' }).notNull(),
    /**
     * Core's agencySearchKeys of this agency and the applicant's word pairs (GIN-indexed): a search
     * at the agency reads only its own matches. Written with the visit; null only on rows written
     * before the column, until the online backfill (inbox/search-keys-backfill.ts) fills them.
     */
    searchKeys: text('search_keys').array(),
  },
  (t) => [
    primaryKey({ columns: [t.dossierId, t.agencyCode] }),
    index('dossier_agencies_agency_idx').on(t.agencyCode, t.dossierId),
  ],
);

/** Files linked to a dossier, per required document (or supplement/result). */
export const dossierFiles = pgTable(
  'dossier_files',
  {
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    documentId: text('document_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    /** submission | supplement | result | attachment */
    purpose: text('purpose').notNull(),
    eventSeq: integer('event_seq').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.fileId] }), index('dossier_files_file_idx').on(t.fileId)],
);

/** The daily per-agency dossier sequence: the hot row, locked last in the intake transaction. */
export const dossierSequences = pgTable(
  'dossier_sequences',
  {
    agencyCode: text('agency_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day] })],
);

/** Idempotency keys of submissions: a retry returns the stored response. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    dossierId: uuid('dossier_id'),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_expires_idx').on(t.expiresAt)],
);
