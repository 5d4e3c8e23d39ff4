export * from './dossier-code.ts';
export * from './tracking-secret.ts';
