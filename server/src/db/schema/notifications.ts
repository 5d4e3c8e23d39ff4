import { pgTable, text, timestamp, uuid, integer, date, primaryKey } from 'drizzle-orm/pg-core';
import { staff } from './staff.ts';

/** The staff daily digest: one row per staff member and day, claimed and sent once (migration 0010). */
export const staffDigests = pgTable(
  'staff_digests',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    /** How many dossiers it listed (0: nothing was due, no mail sent). */
    dossiers: integer('dossiers'),
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ name: 'staff_digests_pk', columns: [t.staffId, t.day] })],
);
