/**
 * ajv standalone code takes its runtime helpers (ucs2length for string lengths, equal for
 * enum/const/uniqueItems…) from `require("ajv/dist/runtime/<name>").default`, CommonJS files that a
 * bundler wraps in a module loader. Applicants download every validator module, so the generated
 * code imports them instead, from ES module versions of the same files: the same functions, without
 * the loader. A file of another shape is imported as it is (the bundler wraps it): never wrong, only
 * a few bytes larger.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const REFERENCE = /require\("ajv\/dist\/runtime\/([A-Za-z0-9_]+)"\)\.default/g;
export const RUNTIME_PREFIX = 'motcua-validators:runtime/';

const require = createRequire(import.meta.url);

/** Replaces every `require` of an ajv runtime helper in generated code by an import. */
export function importUsedRuntime(generated: string): string {
  const used = new Set<string>();
  const code = generated.replace(REFERENCE, (_m, name: string) => {
    used.add(name);
    return `ajv_runtime_${name}`;
  });
  const imports = [...used].map((name) => `import ajv_runtime_${name} from ${JSON.stringify(RUNTIME_PREFIX + name)};`);
  return imports.length ? `${imports.join('\n')}\n${code}` : code;
}

/**
 * The ES module source of ajv's runtime helper `name`: its CommonJS file with `exports.default = x;`
 * as `export default x;`, `const x = require("pkg");` as an import, and without the `.code` string
 * (a `require(...)` expression for ajv's own code generator that a browser never needs).
 */
export async function runtimeModuleSource(name: string): Promise<string> {
  const path = require.resolve(`ajv/dist/runtime/${name}`);
  const esm = (await readFile(path, 'utf8'))
    .replace(/^"use strict";$/m, '')
    .replace(/^Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);$/m, '')
    .replace(/^\S+\.code = .*;$/gm, '')
    .replace(/^exports\.default = ([A-Za-z_$][\w$]*);$/m, 'export default $1;')
    .replace(/^const ([A-Za-z_$][\w$]*) = require\(("[^"]+")\);$/gm, 'import $1 from $2;');
  return /\bexports\b|\brequire\(|\bmodule\b/.test(esm.replace(/\/\/.*$/gm, ''))
    ? `export { default } from ${JSON.stringify(path)};`
    : esm;
}

/** fast-deep-equal (ajv's `equal`) as an ES module: its `module.exports = function equal…` as `export default function equal…`. */
export const FAST_DEEP_EQUAL = /[\\/]fast-deep-equal[\\/]index\.js$/;
export function fastDeepEqualSource(source: string): string {
  const esm = source.replace(/^module\.exports = function equal\(/m, 'export default function equal(');
  return /\bmodule\.exports\b|\brequire\(/.test(esm) ? source : esm;
}
