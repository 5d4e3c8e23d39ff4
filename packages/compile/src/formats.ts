/**
 * ajv standalone code takes a format's implementation from `require("ajv-formats/dist/formats")
 * .fullFormats.<name>`, which bundles the whole table (every format's regexes and functions) into
 * every validator module. Applicants download that module, so we rewrite the table into ES exports
 * (one per format, a reviewed patch) and import only the formats a module uses; the bundler drops the rest. The
 * implementations stay ajv-formats' own, so browser and server still agree.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { applyPatch, PatchError } from './text-patch.ts';

const FORMATS_MODULE = 'ajv-formats/dist/formats';
const REFERENCE = /require\("ajv-formats\/dist\/formats"\)\.fullFormats(?:\.([A-Za-z_$][\w$]*)|\["([^"]+)"\])/g;

export const FORMATS_SPECIFIER = 'motcua-validators:formats';

const exportName = (format: string): string => `format_${format.replace(/[^A-Za-z0-9]/g, '_')}`;

/** Replaces every reference to ajv-formats' table in generated code by a named import. */
export function importUsedFormats(generated: string): string {
  const used = new Set<string>();
  const code = generated.replace(REFERENCE, (_m, dotted: string | undefined, quoted: string | undefined) => {
    const name = (dotted ?? quoted)!;
    used.add(name);
    return exportName(name);
  });
  if (used.size === 0) return code;
  const names = [...used].map(exportName).join(', ');
  return `import { ${names} } from ${JSON.stringify(FORMATS_SPECIFIER)};\n${code}`;
}

/**
 * ajv-formats' formats.js as an ES module exporting `format_<name>` for each format: the file with
 * the reviewed patch patches/ajv-formats+<version>.patch applied exactly (text-patch.ts). Another
 * version of ajv-formats has no patch, or a changed file fails its check: either stops with a
 * message rather than bundling something unreviewed.
 */
export async function formatsModuleSource(): Promise<string> {
  const require = createRequire(import.meta.url);
  const { version } = require('ajv-formats/package.json') as { version: string };
  const patchName = `ajv-formats+${version}.patch`;
  const patch = await readFile(new URL(`../patches/${patchName}`, import.meta.url), 'utf8').catch(() => {
    throw new PatchError(patchName, `no reviewed patch for ajv-formats ${version} in packages/compile/patches`);
  });
  return applyPatch(await readFile(require.resolve(FORMATS_MODULE), 'utf8'), patch, patchName);
}
