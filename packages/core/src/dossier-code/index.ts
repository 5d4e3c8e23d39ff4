export * from './dossier-code.ts';
