// Dev-server plugins for the runtime's browser tests (Node side; run under tsx so that the
// TypeScript workspaces @motcua/core and @motcua/compile can be imported).
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { conditionSchemas } from '@motcua/core';
import { compileValidatorModule } from '@motcua/compile';
import { minifyHTMLLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';
import { TEMPLATE_MINIFY } from '../../template-minify.ts';
import { jsonFormsEsbuildPlugin } from '../../jsonforms-resolve.ts';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const require = createRequire(import.meta.url);

/**
 * @jsonforms/core imports ajv, ajv-formats and lodash (CommonJS). The production build replaces
 * them and patches its file (jsonforms-resolve.ts); the tests get the same through the same module:
 * one ESM bundle of @jsonforms/core built by esbuild, so a test can never pass because ajv compiled
 * something, or lodash behaved differently, than in the browser bundle.
 */
export function jsonFormsBundle() {
  const url = '/__bundled__/jsonforms-core.js';
  let body;
  return {
    name: 'motcua-jsonforms-bundle',
    resolveImport({ source }) {
      if (source === '@jsonforms/core') return url;
    },
    async serve(context) {
      if (context.path !== url) return;
      body ??= (
        await build({
          entryPoints: [require.resolve('@jsonforms/core/lib/jsonforms-core.esm.js')],
          bundle: true,
          format: 'esm',
          write: false,
          platform: 'browser',
          plugins: [jsonFormsEsbuildPlugin()],
          logLevel: 'silent',
        })
      ).outputFiles[0].text;
      return { body, type: 'js' };
    },
  };
}

/**
 * The runtime's html`` and css`` templates minified as the production build minifies them
 * (template-minify.ts), before esbuild strips the types: the tests see the markup that ships.
 */
export function templateMinify() {
  return {
    name: 'motcua-template-minify',
    async transform(context) {
      const file = here(`../../..${context.path}`);
      if (!TEMPLATE_MINIFY.filter(file) || typeof context.body !== 'string') return;
      const result = await minifyHTMLLiterals(context.body, { ...TEMPLATE_MINIFY.options, fileName: file });
      if (result) return { body: result.code };
    },
  };
}

/** A fixture's form as a minimal procedure, so that core's conditionSchemas lists its rule schemas. */
export function formAsProcedure(fixture) {
  return {
    form: { schema: fixture.schema, uischema: fixture.uischema ?? { type: 'VerticalLayout', elements: [] } },
    receiving: { mode: 'fixed', agency: 'X' },
    applicant: {},
    documents: [],
    fees: { collect: 'after', items: [] },
    workflow: { start: 's', steps: [] },
  };
}

/**
 * GET /__validators/<fixture>.js: the validator module of test/fixtures/<fixture>.json, compiled
 * exactly as the server compiles a published version (core's conditionSchemas + @motcua/compile).
 */
export function fixtureValidators() {
  const cache = new Map();
  return {
    name: 'motcua-fixture-validators',
    async serve(context) {
      const m = /^\/__validators\/([\w-]+)\.js$/.exec(context.path);
      if (!m) return;
      const name = m[1];
      if (!cache.has(name)) {
        const fixture = JSON.parse(await readFile(here(`../fixtures/${name}.json`), 'utf8'));
        const schemas = conditionSchemas(formAsProcedure(fixture)).map((c) => c.schema);
        cache.set(name, await compileValidatorModule(schemas));
      }
      return { body: cache.get(name), type: 'js' };
    },
  };
}

export async function fixtureNames() {
  return (await readdir(here('../fixtures'))).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
}

/**
 * A stylesheet imported with Vite's `?inline` (uPlot's, for the oversight charts' shadow root) as
 * the module the production build makes of it: its text as the default export.
 */
export function inlineCss() {
  return {
    name: 'motcua-inline-css',
    async serve(context) {
      if (!context.path.endsWith('.css') || !context.URL.searchParams.has('inline')) return;
      const text = await readFile(here(`../../..${context.path}`), 'utf8');
      return { body: `export default ${JSON.stringify(text)};`, type: 'js' };
    },
  };
}

/**
 * JSON imported by a module (`with { type: 'json' }`, as @motcua/api imports core's procedure
 * schema): esbuild drops the attribute, so it is served as a JavaScript module of the same value.
 */
export function jsonModules() {
  return {
    name: 'motcua-json-modules',
    transformImport({ source }) {
      if (source.endsWith('.json')) return `${source}?json-module`;
    },
    async serve(context) {
      if (!context.path.endsWith('.json') || !context.URL.searchParams.has('json-module')) return;
      const text = await readFile(here(`../../..${context.path}`), 'utf8');
      return { body: `export default ${text};`, type: 'js' };
    },
  };
}
