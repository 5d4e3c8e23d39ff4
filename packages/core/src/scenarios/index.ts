export * from './what-happens.ts';
export * from './run-scenario.ts';
