import { defineConfig, type Plugin } from 'vite';
import { AJV_SHIMS, lodashReplacement } from './lodash-compat.ts';

/**
 * The embeddable bundle: one ES module, dist/motcua.js, served by the server at /embed/motcua.js.
 * Inside @jsonforms/core, ajv and ajv-formats are replaced by shims (the runtime never compiles a
 * schema: validators come precompiled per procedure version, and ajv would bring `new Function`
 * and ~40 KB), and lodash by es-toolkit's lodash-compatible modules. Vite 8 needs rolldown's own
 * minify flag for a fully minified library build.
 */
function replaceInJsonForms(): Plugin {
  return {
    name: 'motcua-replace-in-jsonforms',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const shim = AJV_SHIMS[source];
      if (shim) return shim;
      const replacement = lodashReplacement(source);
      if (replacement) return (await this.resolve(replacement, importer, { ...options, skipSelf: true }))?.id ?? replacement;
      return null;
    },
  };
}

export default defineConfig({
  plugins: [replaceInJsonForms()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    reportCompressedSize: true,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'motcua.js' },
    rolldownOptions: { output: { minify: true } },
  },
});
