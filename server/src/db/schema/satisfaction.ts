import { pgTable, text, jsonb, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { dossiers } from './dossiers.ts';

/**
 * Applicant satisfaction: at most one rating per dossier (the key), given after the result was
 * returned. Kept by the responsible agency and field, for aggregates; no clerk is recorded here.
 */
export const satisfactionRatings = pgTable(
  'satisfaction_ratings',
  {
    dossierId: uuid('dossier_id')
      .primaryKey()
      .references(() => dossiers.id),
    agencyCode: text('agency_code').notNull(),
    fieldCode: text('field_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    /** core's SatisfactionRating scores: criterion → 0 | 1 | 2. */
    scores: jsonb('scores').notNull(),
    convenience: text('convenience').notNull(),
    overall: text('overall').notNull(),
    comment: text('comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('satisfaction_ratings_agency_idx').on(t.agencyCode, t.ratedAt)],
);
