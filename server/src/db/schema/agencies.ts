import { pgTable, text, integer, jsonb, boolean, timestamp, bigserial, uuid, index } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '@motcua/core';

/**
 * The agency tree. Kinds are data (a province defines its own; the pre-2025 and the 2025 sets
 * both fit). An agency's code never changes once dossiers reference it: a rename changes the
 * name (kept in `agency_history`), a merge deactivates the agency and names its successor.
 */
export const agencyKinds = pgTable('agency_kinds', {
  id: text('id').primaryKey(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  level: integer('level').notNull(),
  sort: integer('sort').notNull().default(0),
});

/** Working calendars in the calendar file format (core's `Calendar`), shared by agencies. */
export const calendars = pgTable('calendars', {
  id: text('id').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  /** The agency whose administrators maintain it (no FK: agencies also point here). */
  ownerCode: text('owner_code'),
  data: jsonb('data').notNull(),
  revision: integer('revision').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const agencies = pgTable(
  'agencies',
  {
    code: text('code').primaryKey(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    kind: text('kind')
      .notNull()
      .references(() => agencyKinds.id),
    parentCode: text('parent_code'),
    calendarId: text('calendar_id')
      .notNull()
      .references(() => calendars.id),
    active: boolean('active').notNull().default(true),
    /** Set when merged into another agency: new dossiers go there, old ones keep this code. */
    successorCode: text('successor_code'),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('agencies_parent_idx').on(t.parentCode)],
);

/** Every change to an agency, so that old slips and reports can show the name of the time. */
export const agencyHistory = pgTable(
  'agency_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    agencyCode: text('agency_code').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    change: text('change').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    actorId: uuid('actor_id'),
    reason: text('reason'),
  },
  (t) => [index('agency_history_agency_idx').on(t.agencyCode, t.at)],
);

/** Monotonic counters other processes watch to refresh their caches (e.g. the agency tree). */
export const revisions = pgTable('revisions', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});
