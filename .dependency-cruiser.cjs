// Dependency rules of the repository, checked by `npm run deps:check` (part of `npm test`), which
// also rejects cycles between folders (scripts/folder-cycles.mjs). Paths are relative to the root.

// The sources of core that run everywhere (its tests, benchmarks and scripts run on Node only).
const CORE_SOURCE = { path: '^packages/core/src/', pathNot: '(^|/)(test|testing)/|\\.(test|bench)\\.ts$' };

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other without cycles (type-only imports included).',
      // Known: http/env.ts <-> http/route.ts, in the files the contract branch reorganises.
      from: { pathNot: '^server/src/http/(env|route)\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'core-imports-no-workspace',
      severity: 'error',
      comment: 'packages/core is the engine every host runs: it imports no other workspace.',
      from: { path: '^packages/core/' },
      to: { path: '^(packages/(?!core/)[^/]+|server|runtime|designer|test)/' },
    },
    {
      name: 'core-imports-no-node',
      severity: 'error',
      comment: 'packages/core is isomorphic: no Node built-in (node:fs, crypto, ...).',
      from: CORE_SOURCE,
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-imports-no-host-library',
      severity: 'error',
      comment: 'packages/core is pure: no UI, HTTP, database, logging, document or browser library.',
      from: CORE_SOURCE,
      to: {
        path: 'node_modules/(lit|@lit|lit-html|@jsonforms|monaco-editor|hono|@hono|drizzle-orm|postgres|@electric-sql|pino|pdfkit|exceljs|qrcode|playwright-core|@web|@open-wc)/',
      },
    },
    {
      name: 'libraries-import-no-host',
      severity: 'error',
      comment: 'core, compile and api are libraries: they import no host (server, runtime, designer, cli).',
      from: { path: '^packages/(core|compile|api)/' },
      to: { path: '^(server|runtime|designer|packages/cli)/' },
    },
    {
      name: 'ui-imports-no-server',
      severity: 'error',
      comment: 'The browser code (runtime, designer) talks to the server over HTTP only.',
      from: { path: '^(runtime|designer)/' },
      to: { path: '^(server|packages/cli)/' },
    },
    {
      name: 'server-imports-no-ui',
      severity: 'error',
      comment: 'The server serves the built browser code by path; it never imports its sources.',
      from: { path: '^server/' },
      to: { path: '^(runtime|designer)/' },
    },
    {
      name: 'staff-first-screen-lazy',
      severity: 'error',
      comment:
        'The staff app\u2019s first screen (shell, sign-in, inbox) imports the dossier page, the counter intake, the administration and the oversight dashboard only on demand (or their types).',
      from: { path: '^runtime/src/staff/((main|define-shell)\\.ts$|(app|session|inbox|i18n|ui|data)/)' },
      to: {
        path: '^runtime/src/staff/(dossier|intake|admin|oversight)/',
        dependencyTypesNot: ['dynamic-import', 'type-only'],
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves to a file or an installed package.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-undeclared-dependency',
      severity: 'error',
      comment: 'A package imported is declared in package.json (the workspace\u2019s or the root\u2019s).',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|dist-staff|\\.tsbuild[^/]*|\\.bench|\\.motcua|coverage)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['motcua-source', 'import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.mts', '.mjs', '.js', '.cjs', '.json', '.d.ts'],
    },
  },
};
