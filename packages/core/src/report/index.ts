export * from './bieu06-row.ts';
export * from './period.ts';
export * from './facts.ts';
export * from './contribution.ts';
export {
  ledger,
  reportFromLedger,
  ledgerDiff,
  annexLedgerColumn,
  parseAnnexLedgerColumn,
  ANNEX_LEDGER_PREFIX,
  LEDGER_COLUMNS,
  type AnnexLedgerColumn,
  type LedgerColumn,
  type LedgerEntry,
} from './ledger.ts';
export * from './report.ts';
export * from './service-index.ts';
export * from './dashboard.ts';
