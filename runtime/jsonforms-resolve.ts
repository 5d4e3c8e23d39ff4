// How the runtime's bundles take @jsonforms/core — one resolution, shared by the Vite build
// (vite.config.ts) and the browser tests' bundle (test/support/wtr-plugins.mjs), each through a thin
// adapter below. It is scoped to @jsonforms/core: only imports made by its own files are replaced
// (ajv and ajv-formats by shims: the runtime never compiles a schema, validators come precompiled;
// lodash by lodash-compat.ts), so any other code in a bundle — a designer's, say — gets the real
// packages. Its built file gets the reviewed patch patches/@jsonforms+core+<version>.patch, applied
// exactly (@motcua/compile's text-patch): another version stops the build until it is reviewed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';
import { applyPatch, PatchError } from '@motcua/compile/text-patch';
import { AJV_SHIMS, LITE_PREFIX, liteModuleCode, lodashReplacement } from './lodash-compat.ts';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const require = createRequire(import.meta.url);

export const JSONFORMS_FILE = /[\\/]@jsonforms[\\/]core[\\/]lib[\\/]jsonforms-core\.esm\.js$/;
const JSONFORMS_CODE = /[\\/]node_modules[\\/]@jsonforms[\\/]core[\\/]/;

/** The runtime's modules that the patched file imports by these names. */
const PATCH_IMPORTS: Record<string, string> = {
  'motcua-jsonforms:resolve': here('./src/jsonforms/resolve.ts'),
  'motcua-jsonforms:no-errors': here('./src/jsonforms/no-errors.ts'),
};

/** What an import stands for: a file, a virtual module (see loadVirtual), or another package to resolve. */
export type Resolution = { file: string } | { virtual: string } | { package: string };

/** The replacement of `source` imported by `importer`; null (resolve as usual) unless the importer is @jsonforms/core's. */
export function resolveForJsonForms(source: string, importer: string | undefined): Resolution | null {
  if (!importer || !JSONFORMS_CODE.test(importer)) return null;
  const own = PATCH_IMPORTS[source] ?? AJV_SHIMS[source];
  if (own) return { file: own };
  const lodash = lodashReplacement(source);
  if (!lodash) return null;
  if (lodash.startsWith(LITE_PREFIX)) return { virtual: lodash };
  return isAbsolute(lodash) ? { file: lodash } : { package: lodash };
}

/** The code of a virtual module named by resolveForJsonForms, or null. */
export function loadVirtual(id: string): string | null {
  return id.startsWith(LITE_PREFIX) ? liteModuleCode(id.slice(LITE_PREFIX.length)) : null;
}

/** The name of the reviewed patch for the installed @jsonforms/core. */
export function jsonFormsPatchName(): string {
  const { version } = require('@jsonforms/core/package.json') as { version: string };
  return `@jsonforms+core+${version}.patch`;
}

/** @jsonforms/core's built file with its reviewed patch; throws when it does not apply exactly. */
export function patchJsonForms(code: string): string {
  const name = jsonFormsPatchName();
  let patch: string;
  try {
    patch = readFileSync(here(`./patches/${name}`), 'utf8');
  } catch {
    throw new PatchError(name, 'no reviewed patch for the installed @jsonforms/core in runtime/patches');
  }
  return applyPatch(code, patch, name);
}

/** The Vite (rolldown) adapter. */
export function jsonFormsVitePlugin(): VitePlugin {
  return {
    name: 'motcua-jsonforms',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const r = resolveForJsonForms(source, importer);
      if (!r) return null;
      if ('file' in r) return r.file;
      if ('virtual' in r) return r.virtual;
      return (await this.resolve(r.package, importer, { ...options, skipSelf: true }))?.id ?? null;
    },
    load: (id) => loadVirtual(id),
    transform: (code, id) => (JSONFORMS_FILE.test(id) ? { code: patchJsonForms(code), map: null } : null),
  };
}

/** The esbuild adapter (the browser tests bundle @jsonforms/core with esbuild). */
export function jsonFormsEsbuildPlugin(): EsbuildPlugin {
  const VIRTUAL = 'motcua-jsonforms-virtual';
  return {
    name: 'motcua-jsonforms',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.namespace === VIRTUAL) return undefined;
        const r = resolveForJsonForms(args.path, args.importer);
        if (!r) return undefined;
        if ('file' in r) return { path: r.file };
        if ('virtual' in r) return { path: r.virtual, namespace: VIRTUAL };
        const found = await b.resolve(r.package, { kind: args.kind, resolveDir: args.resolveDir });
        return { path: found.path };
      });
      b.onLoad({ filter: /.*/, namespace: VIRTUAL }, (args) => ({
        contents: loadVirtual(args.path) ?? '',
        loader: 'js',
        resolveDir: here('.'),
      }));
      b.onLoad({ filter: JSONFORMS_FILE }, (args) => ({
        contents: patchJsonForms(readFileSync(args.path, 'utf8')),
        loader: 'js',
      }));
    },
  };
}
