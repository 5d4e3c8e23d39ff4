import { pgTable, text, date, bigint, primaryKey } from 'drizzle-orm/pg-core';

/**
 * Running Biểu 06 totals per agency × field × day × column, updated in the transaction of each
 * event with core's `ledgerDiff(before, after)`; a period report is a sum over days.
 */
export const reportLedger = pgTable(
  'report_ledger',
  {
    agencyCode: text('agency_code').notNull(),
    fieldCode: text('field_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    column: text('column').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.fieldCode, t.day, t.column] })],
);
