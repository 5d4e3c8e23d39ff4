// Monaco's ESM files are reached through its `./*` export; their declarations are the package's own.
declare module 'monaco-editor/editor/editor.api.js' {
  export * from 'monaco-editor';
}
declare module 'monaco-editor/language/json/monaco.contribution.js' {
  export const jsonDefaults: { setDiagnosticsOptions(options: Record<string, unknown>): void };
}
declare module 'monaco-editor/*.js';
