#!/usr/bin/env node
// Compiles a Node workspace's TypeScript sources (src/) into JavaScript (dist/), one file for one
// file, so that production runs plain JavaScript without a TypeScript loader.
//
//   node scripts/build-node.mjs [workspace-dir…]   (default: the current directory)
//
// The layout is kept (src/a/b.ts → dist/a/b.js) because some modules find files relative to their
// own URL (migrations, fonts, the repository root). Every import stays an import: relative `.ts`
// specifiers become `.js`, packages are left to Node (a workspace's `exports` send the default
// condition to its dist/). Types are checked by `tsc -b`, not here. Tests, benchmarks and test
// helpers are not built: they run from source with the loader.
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const SKIPPED = /\.(test|bench)\.ts$|\.d\.ts$/;
const SKIPPED_DIRS = new Set(['testing', 'test', 'node_modules']);

/** The source files to compile under `dir`. */
export function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIPPED_DIRS.has(name)) out.push(...sourceFiles(path));
    } else if (name.endsWith('.ts') && !SKIPPED.test(name)) out.push(path);
  }
  return out.sort();
}

/** Keeps every import external; a relative `.ts` one is renamed to the `.js` file built beside it. */
const importsStayImports = {
  name: 'motcua-imports-stay-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const relativeTs = /^\.\.?\//.test(args.path) && args.path.endsWith('.ts');
      return { path: relativeTs ? `${args.path.slice(0, -3)}.js` : args.path, external: true };
    });
  },
};

export async function buildWorkspace(dir) {
  const root = resolve(dir);
  const src = join(root, 'src');
  const dist = join(root, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const entryPoints = sourceFiles(src);
  await build({
    entryPoints,
    outdir: dist,
    outbase: src,
    bundle: true, // only so that the plugin sees every import; each stays external
    plugins: [importsStayImports],
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: 'linked',
    sourcesContent: false,
    charset: 'utf8',
    logLevel: 'warning',
  });
  return { dir: relative(process.cwd(), root) || '.', files: entryPoints.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dirs = process.argv.slice(2);
  for (const dir of dirs.length ? dirs : ['.']) {
    const { files } = await buildWorkspace(dir);
    process.stdout.write(`built ${files} files: ${relative(process.cwd(), join(resolve(dir), 'dist')) || 'dist'}\n`);
  }
}
