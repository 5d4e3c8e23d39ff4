import { pgTable, text, timestamp, uuid, integer, bigserial, boolean, unique } from 'drizzle-orm/pg-core';

/** Where outbox messages go: a configured webhook, the notifications (rows kept in step with config). */
export const outboxDestinations = pgTable('outbox_destinations', {
  name: text('name').primaryKey(),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * One dossier event to deliver to one destination. Rows are written by a trigger on
 * `dossier_events` (migration 0006), in the event's transaction; delivery workers claim them.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    destination: text('destination')
      .notNull()
      .references(() => outboxDestinations.name),
    dossierId: uuid('dossier_id').notNull(),
    seq: integer('seq').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAt: timestamp('next_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    deadAt: timestamp('dead_at', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
  },
  (t) => [unique('outbox_event_destination_unique').on(t.destination, t.dossierId, t.seq)],
);
