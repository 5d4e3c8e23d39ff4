export * from './validator-module.ts';
