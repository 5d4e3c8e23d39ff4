/**
 * ajv standalone code takes a format's implementation from `require("ajv-formats/dist/formats")
 * .fullFormats.<name>`, which bundles the whole table (every format's regexes and functions) into
 * every validator module. Applicants download that module, so we rewrite the table into ES exports
 * (one per format) and import only the formats a module uses; the bundler drops the rest. The
 * implementations stay ajv-formats' own, so browser and server still agree.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

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
 * ajv-formats' formats.js as an ES module: each `fullFormats` entry becomes `export const
 * format_<name> = <value>;`, the rest of the file (its helper functions and regexes) is kept as is.
 * Fails loudly if the file's shape changes, rather than bundling something else.
 */
export async function formatsModuleSource(): Promise<string> {
  const path = createRequire(import.meta.url).resolve(FORMATS_MODULE);
  const source = await readFile(path, 'utf8');
  const start = source.indexOf('exports.fullFormats = {');
  const end = source.indexOf('\n};', start);
  const fastStart = source.indexOf('exports.fastFormats = {');
  const fastEnd = source.indexOf('\n};', fastStart);
  if (start < 0 || end < 0 || fastStart < end || fastEnd < 0)
    throw new Error(`Unexpected shape of ${FORMATS_MODULE}: cannot extract its formats`);
  const entries: string[] = [];
  for (const raw of source.slice(start + 'exports.fullFormats = {'.length, end).split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) continue;
    const m = /^(?:"([^"]+)"|([A-Za-z_$][\w$]*))(?::\s*(.*?))?,$/.exec(line);
    if (!m) throw new Error(`Unexpected line in ${FORMATS_MODULE}: ${line}`);
    const name = (m[1] ?? m[2])!;
    const value = m[3] ?? name;
    // Calls (fmtDef(getTime(true), …)) are marked pure, every one of them, so that the bundler drops
    // the formats a module does not use with the helpers only they need. Regexes are left as they are.
    entries.push(
      `export const ${exportName(name)} = ${value.startsWith('/') ? value : value.replace(/([A-Za-z_$][\w$]*)\(/g, '/* @__PURE__ */ $1(')};`,
    );
  }
  const rest = source.slice(fastEnd + '\n};'.length).replace(/^exports\.formatNames = .*$/m, '');
  const head = source
    .slice(0, start)
    .replace(/^.*exports.*$/gm, '')
    .replace(/^"use strict";$/m, '');
  return `${head}\n${rest}\n${entries.join('\n')}\n`;
}
