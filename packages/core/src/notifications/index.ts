export * from './contacts.ts';
export * from './sms-text.ts';
export * from './templates.ts';
export * from './digest.ts';
