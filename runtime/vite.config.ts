import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { TEMPLATE_MINIFY } from './template-minify.ts';
import { jsonFormsVitePlugin } from './jsonforms-resolve.ts';

/**
 * The embeddable bundle: one ES module, dist/motcua.js, served by the server at /embed/motcua.js.
 * @jsonforms/core comes in as jsonforms-resolve.ts says (its ajv and ajv-formats by shims, its lodash
 * by lodash-compat.ts, its file with the reviewed patch). Vite 8 needs rolldown's own minify flag for
 * a fully minified library build.
 */
/** The modules only a lazily loaded part uses (each part is a dynamic import of its view module). */
const LAZY_PARTS =
  /[\\/]src[\\/](vocabulary[\\/]status(-meaning|es)|procedure[\\/](submission-check|applicant-data|identity)|elements[\\/]track[\\/]track-(view|controller)|elements[\\/]rating[\\/](motcua-rating|rating-slot)|satisfaction[\\/]satisfaction|elements[\\/]form[\\/](receipt|given-source|media-sniff|pay-panel|pay-return|pay-info)|i18n[\\/]strings-(track|rating|receipt|en|array|wizard|given|pay|pay-info|choice|list)|renderers[\\/]layouts[\\/]wizard-view|renderers[\\/]controls[\\/]((array|combinator)-views|list-detail-view)|jsonforms[\\/]interpreted|conditions[\\/](interpreted-evaluator|string-formats)|form[\\/]combinators)\.ts$/;

export default defineConfig({
  // The workspaces' sources (their `exports` send this condition to src/*.ts; the default is dist/).
  resolve: { conditions: ['motcua-source', ...defaultClientConditions] },
  plugins: [
    jsonFormsVitePlugin(),
    minifyHtmlLiterals(TEMPLATE_MINIFY) as unknown as Plugin /* a Rollup plugin; rolldown runs its transform hook */,
  ],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    reportCompressedSize: true,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'motcua.js' },
    rolldownOptions: {
      // Lets the group below be the entry chunk itself (the lazy chunks import what they share from it).
      preserveEntrySignatures: 'allow-extension',
      // core's ajv evaluator compiles schemas with `new Function`, which the pages' strict CSP
      // refuses: the embed leaves it out (a form given a definition there must be given an evaluator).
      external: ['@motcua/core/ajv'],
      output: {
        minify: true,
        // No comments: the minifier already used the pure annotations, which would cost every page ~0.1 KB.
        comments: false,
        // One entry holding everything a form page needs, plus one chunk per lazily loaded part
        // (src/lazy.ts). Without this, rolldown would move code shared by the entry and a lazy part
        // into common chunks that the entry imports statically: more requests, and no longer one module.
        codeSplitting: { groups: [{ name: 'motcua', test: (id: string) => !LAZY_PARTS.test(id) }] },
      },
    },
  },
});
