#!/usr/bin/env node
// `npm run deps:check`: reads dependency-cruiser's JSON result on stdin, prints the broken module
// rules of .dependency-cruiser.cjs and the cycles between folders (folder-cycles.mjs), and exits 1
// if there is any.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'dependency-cruiser';
import { describeCycle, folderCycles } from './folder-cycles.mjs';

/**
 * Imports left out of the folder-cycle check, each with why. Keep this list short; an entry that
 * leaves out nothing any more is reported so that it gets deleted.
 * @type {import('./folder-cycles.mjs').Exception[]}
 */
const EXCEPTIONS = [];

const root = new URL('..', import.meta.url).pathname;

/** The workspaces of the root package.json ("dir/*" expanded). */
function workspaces() {
  const { workspaces: patterns = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return patterns.flatMap((p) =>
    p.endsWith('/*')
      ? readdirSync(join(root, p.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => `${p.slice(0, -2)}/${d.name}`)
      : [p.replace(/\/$/, '')],
  );
}

const input = readFileSync(0, 'utf8');
let result;
try {
  result = JSON.parse(input);
} catch {
  console.error('deps:check: dependency-cruiser gave no JSON result (see its error above).');
  process.exit(2);
}

let failed = false;
const { summary } = result;
if (summary.error > 0 || summary.warn > 0) {
  console.log((await format(result, { outputType: 'err' })).output);
  failed = summary.error > 0;
}

const { cycles, unusedExceptions } = folderCycles(result.modules, { workspaces: workspaces(), exceptions: EXCEPTIONS });
for (const cycle of cycles) console.log(describeCycle(cycle).join('\n'));
for (const e of unusedExceptions)
  console.log(`folder-cycle exception that leaves out nothing, delete it: ${JSON.stringify(e)}`);
failed ||= cycles.length > 0;

console.log(
  `deps:check: ${summary.totalCruised} modules, ${summary.totalDependenciesCruised} imports: ` +
    `${summary.error > 0 ? 'rules broken' : 'rules kept'}, ${cycles.length} folder cycles` +
    `${EXCEPTIONS.length ? ` (${EXCEPTIONS.length} known exceptions)` : ''}.`,
);
process.exit(failed ? 1 : 0);
