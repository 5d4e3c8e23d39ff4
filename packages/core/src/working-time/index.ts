/**
 * Working time: calendars, due instants, pauses and report classification, in whole minutes of
 * working time. Isomorphic: time zones through `Intl` only. See README.md in this folder.
 */
export * from './calendar-schema.ts';
export * from './parse-calendar.ts';
export * from './zoned-time.ts';
export * from './vietnamese-dates.ts';
export * from './working-days.ts';
export * from './working-time.ts';
export * from './due.ts';
export * from './classify.ts';
export * from './merge-calendars.ts';
export * from './lunar.ts';
export * from './statutory.ts';
