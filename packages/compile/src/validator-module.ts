/**
 * Compiles JSON Schemas into ONE self-contained ES module of ajv standalone validators, so that a
 * browser under a strict CSP (no `eval`, no `new Function`) can run every condition of a procedure
 * version. The server calls this at publish time; the runtime wraps the module's `validators` with
 * core's `createPrecompiledEvaluator`.
 *
 * The validators are compiled by core's `createAjv()` (same options, same formats) as the server's
 * run-time evaluator, so browser and server report the same errors for the same data.
 */
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { schemaKey, type JsonSchema } from '@motcua/core';
import { createAjv } from '@motcua/core/ajv';
import { stripAnnotations } from './strip-annotations.ts';
import { FORMATS_SPECIFIER, formatsModuleSource, importUsedFormats } from './formats.ts';
import {
  FAST_DEEP_EQUAL,
  fastDeepEqualSource,
  importUsedRuntime,
  RUNTIME_PREFIX,
  runtimeModuleSource,
} from './runtime-helpers.ts';

// ajv's standalone entry is CommonJS; under ESM its function may sit on `.default`.
type StandaloneCode = (ajv: ReturnType<typeof createAjv>, refs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: StandaloneCode }).default ??
  standaloneModule) as StandaloneCode;

/** Where ajv, ajv-formats and their helpers resolve from when the module is bundled. */
const RESOLVE_DIR = dirname(fileURLToPath(import.meta.url));
const GENERATED = 'motcua-validators:generated';

/** Raised when a schema cannot be compiled (e.g. an unresolvable `$ref`); names the schema's key. */
export class SchemaCompileError extends Error {
  constructor(
    readonly key: string,
    cause: unknown,
  ) {
    super(`Cannot compile schema ${key}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'SchemaCompileError';
  }
}

export interface CompileOptions {
  /** Minify the module (default true: it is downloaded by every applicant). */
  minify?: boolean;
}

/**
 * The distinct object schemas among `schemas`, keyed by `schemaKey`. Boolean schemas need no
 * validator: core's evaluators answer `true`/`false` themselves.
 */
export function distinctSchemas(schemas: Iterable<JsonSchema>): Map<string, Exclude<JsonSchema, boolean>> {
  const out = new Map<string, Exclude<JsonSchema, boolean>>();
  for (const schema of schemas) {
    if (typeof schema !== 'object' || schema === null) continue;
    const key = schemaKey(schema);
    if (!out.has(key)) out.set(key, schema);
  }
  return out;
}

/**
 * The source of one ES module, importing nothing, that exports
 * `validators` (and default) = `{ [schemaKey(schema)]: validate }` for each distinct schema.
 * Each `validate(data)` returns a boolean and sets `validate.errors` like ajv.
 */
export async function compileValidatorModule(
  schemas: readonly JsonSchema[],
  options: CompileOptions = {},
): Promise<string> {
  const distinct = distinctSchemas(schemas);
  const ajv = createAjv({ messages: false, code: { source: true, esm: true, lines: false } });
  const refs: Record<string, string> = {};
  for (const [key, schema] of distinct) {
    // Like core's ajv evaluator: a top-level $id would clash in ajv's registry, and the key is the identity.
    const { $id: _ignored, ...rest } = stripAnnotations(schema) as Record<string, unknown>;
    try {
      ajv.addSchema(rest, key);
      ajv.getSchema(key); // compiles now, so that a broken schema is reported with its key
    } catch (err) {
      throw new SchemaCompileError(key, err);
    }
    refs[`v${key}`] = key;
  }
  const generated = distinct.size > 0 ? importUsedRuntime(importUsedFormats(standaloneCode(ajv, refs))) : '';
  // The entry re-exports only the map: esbuild then drops the per-schema exports and shares the
  // ajv runtime helpers (equal, ucs2length, formats) between all validators.
  const entry = [
    `import * as g from ${JSON.stringify(GENERATED)};`,
    `export const validators = {${[...distinct.keys()].map((k) => `${JSON.stringify(k)}: g.v${k}`).join(', ')}};`,
    'export default validators;',
  ].join('\n');
  const inline: Plugin = {
    name: 'motcua-generated-validators',
    setup(b) {
      b.onResolve({ filter: /^motcua-validators:(generated|formats|runtime\/\w+)$/ }, (args) => ({
        path: args.path,
        namespace: 'motcua-generated',
      }));
      b.onLoad({ filter: /.*/, namespace: 'motcua-generated' }, async (args) => ({
        contents:
          args.path === FORMATS_SPECIFIER
            ? await formatsModuleSource()
            : args.path.startsWith(RUNTIME_PREFIX)
              ? await runtimeModuleSource(args.path.slice(RUNTIME_PREFIX.length))
              : generated.replace(/^"use strict";/, ''),
        loader: 'js',
        resolveDir: RESOLVE_DIR,
      }));
      // ajv's runtime helpers carry a `.code` string (a `require(...)` expression for ajv's own code
      // generator); the browser never needs it, and it would read like an unbundled import.
      b.onLoad({ filter: /[\\/]ajv[\\/]dist[\\/]runtime[\\/][^\\/]+\.js$/ }, async (args) => ({
        contents: (await readFile(args.path, 'utf8')).replace(/^\S+\.code = .*;$/gm, ''),
        loader: 'js',
      }));
      b.onLoad({ filter: FAST_DEEP_EQUAL }, async (args) => ({
        contents: fastDeepEqualSource(await readFile(args.path, 'utf8')),
        loader: 'js',
      }));
    },
  };
  // Loaded here, not at start-up: a server loads esbuild (and starts its process) only once it publishes.
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: entry, resolveDir: RESOLVE_DIR, sourcefile: 'validators.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: options.minify ?? true,
    legalComments: 'none',
    // Module scripts are always decoded as UTF-8: no need to escape Vietnamese text.
    charset: 'utf8',
    logLevel: 'silent',
    plugins: [inline],
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the validator module');
  return file.text;
}
