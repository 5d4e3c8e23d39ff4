import { defineConfig, type Plugin } from 'vite';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { AJV_SHIMS, LITE_PREFIX, liteModuleCode, lodashReplacement } from './lodash-compat.ts';
import { TEMPLATE_MINIFY } from './template-minify.ts';
import { JSONFORMS_FILE, patchJsonForms } from './jsonforms-patch.ts';

/**
 * The embeddable bundle: one ES module, dist/motcua.js, served by the server at /embed/motcua.js.
 * Inside @jsonforms/core, ajv and ajv-formats are replaced by shims (the runtime never compiles a
 * schema: validators come precompiled per procedure version, and ajv would bring `new Function`
 * and ~40 KB), and lodash by the small functions of lodash-compat.ts. Vite 8 needs rolldown's own
 * minify flag for a fully minified library build.
 */
export function replaceInJsonForms(): Plugin {
  return {
    name: 'motcua-replace-in-jsonforms',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const shim = AJV_SHIMS[source];
      if (shim) return shim;
      const replacement = lodashReplacement(source);
      if (replacement?.startsWith(LITE_PREFIX)) return replacement;
      if (replacement)
        return (await this.resolve(replacement, importer, { ...options, skipSelf: true }))?.id ?? replacement;
      return null;
    },
    load(id) {
      return id.startsWith(LITE_PREFIX) ? liteModuleCode(id.slice(LITE_PREFIX.length)) : null;
    },
    transform(code, id) {
      return JSONFORMS_FILE.test(id) ? { code: patchJsonForms(code), map: null } : null;
    },
  };
}

/** The modules only a lazily loaded part uses (each part is a dynamic import of its view module). */
const LAZY_PARTS =
  /[\\/]src[\\/](elements[\\/]track[\\/]track-(view|controller)|elements[\\/]form[\\/]receipt|i18n[\\/]strings-(track|receipt|en|array|wizard)|renderers[\\/]layouts[\\/]wizard-view|renderers[\\/]controls[\\/]array-views)\.ts$/;

export default defineConfig({
  plugins: [
    replaceInJsonForms(),
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
      output: {
        minify: true,
        // One entry holding everything a form page needs, plus one chunk per lazily loaded part
        // (src/lazy.ts). Without this, rolldown would move code shared by the entry and a lazy part
        // into common chunks that the entry imports statically: more requests, and no longer one module.
        codeSplitting: { groups: [{ name: 'motcua', test: (id: string) => !LAZY_PARTS.test(id) }] },
      },
    },
  },
});
