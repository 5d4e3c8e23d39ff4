// Minifying the static text of Lit's html`` and css`` templates in runtime/src (Lit's own Rollup
// plugin: html-minifier for markup, Lightning CSS for styles). Shared by vite.config.ts and the
// browser tests' dev server, so that the tests run the templates exactly as they ship.
import { fileURLToPath } from 'node:url';
import type { Options } from '@lit-labs/rollup-plugin-minify-html-literals';

const src = fileURLToPath(new URL('./src/', import.meta.url));

export const TEMPLATE_MINIFY: Options = {
  filter: (id: string) => id.startsWith(src) && id.endsWith('.ts'),
  failOnError: true,
  options: {
    minifyOptions: {
      // Keep every attribute as written: an empty value can mean something (value="" on <option>).
      removeEmptyAttributes: false,
      // One space stays where there was white space: text around bindings keeps its word gaps.
      conservativeCollapse: true,
    },
  },
};
