// npm run reliability (root) — the long checks no unit test can afford, on PostgreSQL
// (DATABASE_URL_TEST): crash safety under kill -9, a multi-process soak and HTTP fuzzing of every
// route. `-- --quick` runs them briefly (a smoke run); `--minutes N` sets the soak's length (10 by
// default), `--requests N` the fuzz run's (10,000 by default); `--only crash,soak,fuzz` picks checks.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { crashSafety } from './crash.ts';
import { soak } from './soak.ts';
import { fuzzRun } from './fuzz.ts';
import type { CheckResult } from './checks.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    minutes: { type: 'string' },
    requests: { type: 'string' },
    only: { type: 'string' },
  },
});
const quick = values.quick;
const soakMs = (values.minutes ? Number(values.minutes) : quick ? 1 : 10) * 60_000;
const fuzzRequests = values.requests ? Number(values.requests) : quick ? 1_000 : 10_000;
const held = (r: CheckResult) => r.lost === 0 && r.serverErrors === 0 && r.memoryFlat !== false;

const checks: Record<string, () => Promise<CheckResult>> = {
  crash: () => crashSafety({ clients: 64, durationMs: quick ? 30_000 : 120_000, faultEveryMs: [2_000, 6_000] }),
  soak: () => soak({ processes: 3, clients: 24, durationMs: soakMs }),
  fuzz: () => fuzzRun({ requests: fuzzRequests, maxSeconds: quick ? 600 : 3_600 }),
};
const chosen = values.only ? values.only.split(',') : Object.keys(checks);
const unknown = chosen.filter((c) => !(c in checks));
if (unknown.length) throw new Error(`unknown checks: ${unknown.join(', ')} (known: ${Object.keys(checks).join(', ')})`);

const results: CheckResult[] = [];
for (const run of chosen.map((c) => checks[c]!)) {
  const r = await run();
  results.push(r);
  console.log(`${r.check}: ${held(r) ? 'held' : 'FAILED'}`);
}

console.log(`\nreliability (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores):`);
const header = ['check', 'load held', 'faults injected', 'bad inputs tried', 'requests', '5xx or unanswered', 'lost'];
const rows = results.map((r) => [
  r.check,
  r.load,
  String(r.faults),
  String(r.badInputs),
  String(r.requests),
  String(r.serverErrors),
  String(r.lost),
]);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
const failed = results.filter((r) => !held(r));
for (const r of results) for (const p of r.problems) console.log(`  ${r.check}: ${p}`);
process.exit(failed.length ? 1 : 0);
