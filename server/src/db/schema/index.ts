/** The database schema, one file per table group. */
export * from './agencies.ts';
export * from './staff.ts';
export * from './procedures.ts';
export * from './files.ts';
export * from './dossiers.ts';
export * from './report.ts';
export * from './cases.ts';
export * from './outbox.ts';
export * from './payments.ts';
export * from './notifications.ts';
export * from './satisfaction.ts';
export * from './facts.ts';
