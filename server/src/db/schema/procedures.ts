import { pgTable, text, jsonb, timestamp, uuid, integer, date, primaryKey, index } from 'drizzle-orm/pg-core';
import type { LocalizedText, Procedure } from '@motcua/core';
import { agencies } from './agencies.ts';

/**
 * A procedure: its mutable draft and the pointer to its published versions. The owner is the
 * agency whose designers may edit it; retiring stops new submissions, dossiers keep their version.
 */
export const procedures = pgTable('procedures', {
  code: text('code').primaryKey(),
  ownerCode: text('owner_code')
    .notNull()
    .references(() => agencies.code),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  fieldCode: text('field_code').notNull(),
  draft: jsonb('draft'),
  draftRevision: integer('draft_revision').notNull().default(0),
  draftUpdatedAt: timestamp('draft_updated_at', { withTimezone: true, mode: 'date' }),
  draftUpdatedBy: uuid('draft_updated_by'),
  latestVersion: integer('latest_version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'date' }),
  retiredBy: uuid('retired_by'),
  retireReason: text('retire_reason'),
});

/** Published versions: immutable (a trigger refuses updates and deletes). */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    code: text('code')
      .notNull()
      .references(() => procedures.code),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Procedure>().notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveUntil: date('effective_until', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
    publishedBy: uuid('published_by'),
    /** The self-contained ES module of precompiled validators (docs/public-api.md). */
    validators: text('validators').notNull(),
    validatorsSha256: text('validators_sha256').notNull(),
    /** The publisher's change note (what changed and why); null for versions published before notes. */
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.version] }),
    index('procedure_versions_effective_idx').on(t.code, t.effectiveFrom),
  ],
);
