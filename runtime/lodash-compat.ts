// How the bundles replace lodash inside @jsonforms/core (used by jsonforms-resolve.ts, which the
// Vite build and the test server's esbuild bundle share). lodash is CommonJS and not tree-shakable (~65 KB of the minified bundle
// when it was in); es-toolkit's lodash-compatible modules were 5.3 KB gzip, mostly iteratee
// shorthands and Unicode word tables that JSON Forms never uses. So:
//  - `lodash/<fn>` for the functions in LITE → the named export of src/jsonforms/lodash/lite.ts
//    (a virtual module `export { fn as default } from '…/lite.ts'`);
//  - `lodash/fp/set|unset`, `lodash/isEmpty` → our own modules (isEmpty with lodash's early exit);
//  - any other `lodash/<fn>` → es-toolkit's `es-toolkit/compat/<fn>` (ESM, tree-shakable).
import { fileURLToPath } from 'node:url';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export const OWN: Record<string, string> = {
  'lodash/fp/set': here('./src/jsonforms/lodash/fp-set.ts'),
  'lodash/fp/unset': here('./src/jsonforms/lodash/fp-unset.ts'),
  'lodash/isEmpty': here('./src/jsonforms/lodash/is-empty.ts'),
};

export const LITE_MODULE = here('./src/jsonforms/lodash/lite.ts');
export const LITE = [
  'cloneDeep',
  'endsWith',
  'filter',
  'find',
  'get',
  'has',
  'includes',
  'isEqual',
  'isFunction',
  'isUndefined',
  'keys',
  'last',
  'maxBy',
  'range',
  'reduce',
  'remove',
  'startCase',
  'toPairs',
] as const;

/** The prefix of the virtual modules that re-export one function of lite.ts as default. */
export const LITE_PREFIX = '\0motcua-lodash-lite:';

/**
 * What stands for a lodash import: a module path, a virtual module id (LITE_PREFIX + name, whose
 * code is liteModuleCode(name)), or undefined when `source` is not lodash.
 */
export function lodashReplacement(source: string): string | undefined {
  if (OWN[source]) return OWN[source];
  const m = /^lodash\/(\w+)(\.js)?$/.exec(source);
  if (!m) return undefined;
  return (LITE as readonly string[]).includes(m[1]!) ? LITE_PREFIX + m[1] : `es-toolkit/compat/${m[1]}`;
}

export function liteModuleCode(name: string): string {
  return `export { ${name} as default } from ${JSON.stringify(LITE_MODULE)};`;
}

export const AJV_SHIMS: Record<string, string> = {
  ajv: here('./src/jsonforms/ajv-shim.ts'),
  'ajv-formats': here('./src/jsonforms/ajv-formats-shim.ts'),
};
