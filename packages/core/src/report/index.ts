export * from './bieu06-row.ts';
export * from './period.ts';
export * from './facts.ts';
export * from './contribution.ts';
export { ledger, reportFromLedger, ledgerDiff, LEDGER_COLUMNS, type LedgerColumn, type LedgerEntry } from './ledger.ts';
export * from './report.ts';
