import {
  pgTable,
  text,
  timestamp,
  uuid,
  integer,
  bigint,
  date,
  primaryKey,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { dossiers } from './dossiers.ts';
import { files } from './files.ts';

/**
 * Issued slips and result documents: immutable artefacts (a trigger refuses UPDATE and DELETE).
 * The bytes are a file of the file store (`files` row); `sha256` is repeated here so that a
 * reprint can prove it serves exactly what was issued. A slip is identified by the event it
 * renders (`event_seq`) and its format, so issuing it twice returns the stored one.
 */
export const artefacts = pgTable(
  'artefacts',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** A slip kind (receipt, supplement, refusal, apology, stop-notice, control) or `result`. */
    kind: text('kind').notNull(),
    /** The event the artefact belongs to (the slip's event; the approve/deny event of a result). */
    eventSeq: integer('event_seq').notNull(),
    /** html | pdf for slips; the file's own type for results (`file`). */
    format: text('format').notNull(),
    /** The slip template set (tt01-2018, tt03-2025) and its form number; null for results. */
    templateVersion: text('template_version'),
    formNo: text('form_no'),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    /** The instant printed on it (the event's instant for slips). */
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Who had it issued (null when issued by the system after an action). */
    issuedBy: uuid('issued_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('artefacts_slip_idx')
      .on(t.dossierId, t.kind, t.eventSeq, t.format)
      .where(sql`kind <> 'result'`),
    uniqueIndex('artefacts_file_idx').on(t.fileId),
    index('artefacts_dossier_idx').on(t.dossierId, t.eventSeq),
  ],
);

/**
 * Biểu 06 running totals per agency × field × month × column: the month sums of `report_ledger`,
 * kept by a trigger on it (same transaction), so that a period report sums whole months plus the
 * days at its edges instead of every day of the agency's history.
 */
export const reportLedgerMonth = pgTable(
  'report_ledger_month',
  {
    agencyCode: text('agency_code').notNull(),
    fieldCode: text('field_code').notNull(),
    /** The first day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    column: text('column').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.fieldCode, t.month, t.column] })],
);
