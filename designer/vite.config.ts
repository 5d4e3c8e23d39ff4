import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defaultClientConditions, defineConfig } from 'vite';

// Monaco's stylesheets are not in its package exports: reach them by path.
const monacoEsm = join(dirname(createRequire(import.meta.url).resolve('monaco-editor/editor/editor.api.js')), '../');

/**
 * The designer app: dist/index.html and its modules, served by the server at /designer/. Monaco
 * (the JSON view) is a dynamic import, so it is its own chunk fetched only when a JSON view opens;
 * its workers are separate files (a strict CSP allows no blob: worker).
 */
export default defineConfig({
  base: '/designer/',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { output: { minify: true } },
  },
  worker: { format: 'es' },
  resolve: {
    // The workspaces' sources (their `exports` send this condition to src/*.ts).
    conditions: ['motcua-source', ...defaultClientConditions],
    alias: [{ find: /^monaco-css\//, replacement: monacoEsm }],
  },
});
