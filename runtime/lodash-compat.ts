// How the bundles replace lodash inside @jsonforms/core (shared by vite.config.ts and the test
// server's esbuild bundle): `lodash/<fn>` → es-toolkit's lodash-compatible `es-toolkit/compat/<fn>`
// (ESM, tree-shakable), `lodash/fp/set|unset` → our immutable equivalents, `lodash/isEmpty` → ours
// (es-toolkit's lists every key of a schema: too slow on large forms). Measured: lodash was
// ~65 KB of the minified bundle.
import { fileURLToPath } from 'node:url';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export const OWN: Record<string, string> = {
  'lodash/fp/set': here('./src/jsonforms/lodash/fp-set.ts'),
  'lodash/fp/unset': here('./src/jsonforms/lodash/fp-unset.ts'),
  'lodash/isEmpty': here('./src/jsonforms/lodash/is-empty.ts'),
};

/** The module that stands for a lodash import, or undefined when `source` is not lodash. */
export function lodashReplacement(source: string): string | undefined {
  if (OWN[source]) return OWN[source];
  const m = /^lodash\/(\w+)(\.js)?$/.exec(source);
  return m ? `es-toolkit/compat/${m[1]}` : undefined;
}

export const AJV_SHIMS: Record<string, string> = {
  ajv: here('./src/jsonforms/ajv-shim.ts'),
  'ajv-formats': here('./src/jsonforms/ajv-formats-shim.ts'),
};
