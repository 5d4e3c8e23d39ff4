import { defineConfig, defaultClientConditions, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { TEMPLATE_MINIFY } from './template-minify.ts';
import { jsonFormsVitePlugin } from './jsonforms-resolve.ts';

/**
 * The staff workspace: its own build (dist-staff/), never part of the citizen embed in dist/.
 * An application build of src/staff/index.html with base /staff/ (the server serves it there under
 * a strict CSP): hashed module files, no inline script and no module-preload polyfill, so that the
 * page needs nothing but `script-src 'self'`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/staff/', import.meta.url)),
  base: '/staff/',
  publicDir: false,
  // The citizen form's renderers (read-only form data, intake) come with the same ajv/lodash shims.
  resolve: { conditions: ['motcua-source', ...defaultClientConditions] },
  plugins: [jsonFormsVitePlugin(), minifyHtmlLiterals(TEMPLATE_MINIFY) as unknown as Plugin],
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('./dist-staff/', import.meta.url)),
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    reportCompressedSize: true,
    modulePreload: { polyfill: false },
    rolldownOptions: { output: { minify: true } },
  },
});
