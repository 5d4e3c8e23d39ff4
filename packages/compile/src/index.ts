export * from './validator-module.ts';
export * from './strip-annotations.ts';
