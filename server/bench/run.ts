/**
 * `npm run bench -w @motcua/server`: runs every server benchmark (bench/*.bench.ts) in turn.
 * Each prints its own table and writes its figures to .bench/<name>.json for the root dispatcher.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { SOURCE_NODE_ARGS } from '@motcua/test/node-args';

const here = dirname(fileURLToPath(import.meta.url));
// Names select benches: `npm run bench -w @motcua/server -- intake`, or BENCH_ONLY=intake,cases.
const only = [...process.argv.slice(2), ...(process.env.BENCH_ONLY ?? '').split(',').filter(Boolean)];
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.startsWith(o)))
  .sort();
let failed = 0;
for (const f of benches) {
  const r = spawnSync(process.execPath, [...SOURCE_NODE_ARGS, join(here, f)], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
