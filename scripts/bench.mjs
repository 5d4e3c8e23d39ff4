#!/usr/bin/env node
// `npm run bench`: runs the `bench` script of every workspace that has one (one after the other, so
// they do not disturb each other's timings), then prints the figures they saved side by side.
// Each bench writes JSON summaries into .bench/ (at the root or in its workspace).
// Arguments select workspaces: `npm run bench -- server` runs only @motcua/server's benches.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const only = process.argv.slice(2);
const started = Date.now();
const results = [];
for (const ws of pkg.workspaces) {
  const manifest = join(root, ws, 'package.json');
  if (!existsSync(manifest)) continue;
  const p = JSON.parse(readFileSync(manifest, 'utf8'));
  if (!p.scripts?.bench) continue;
  if (only.length && !only.some((o) => ws.includes(o) || p.name.includes(o))) continue;
  console.log(`\n=== ${p.name} (${ws}) ===`);
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', 'bench', '-w', p.name], { cwd: root, stdio: 'inherit' });
  results.push({ name: p.name, ok: r.status === 0, seconds: Math.round((Date.now() - t0) / 1000) });
}

/** Summaries written during this run, wherever the benches put them. */
function summaries() {
  const dirs = [join(root, '.bench'), ...pkg.workspaces.map((ws) => join(root, ws, '.bench'))];
  const out = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const path = join(dir, f);
      if (statSync(path).mtimeMs >= started) out.push({ path, data: JSON.parse(readFileSync(path, 'utf8')) });
    }
  }
  return out;
}

function flatten(value, prefix = '', depth = 0, out = []) {
  if (typeof value === 'number') out.push([prefix, value]);
  else if (value && typeof value === 'object' && depth < 3) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, depth + 1, out);
  }
  return out;
}

const fmt = (n) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
console.log('\n=== summary ===');
for (const { path, data } of summaries()) {
  console.log(`\n${path.slice(root.length)}`);
  if (Array.isArray(data.rows)) {
    // Row-shaped results (e.g. the intake bench): one line per row, the numbers side by side.
    for (const row of data.rows) {
      const label = [row.scenario, row.clients !== undefined ? `c=${row.clients}` : null].filter(Boolean).join(' ');
      const nums = flatten(row).filter(([k]) => /perSecond|p50|p95|p99|ratio|mbPerSecond|CpuMs/.test(k));
      console.log(`  ${label.padEnd(34)} ${nums.map(([k, v]) => `${k}=${fmt(v)}`).join('  ')}`);
    }
    for (const [k, v] of flatten(Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'rows'))))
      console.log(`  ${k} = ${fmt(v)}`);
  } else {
    for (const [k, v] of flatten(data).slice(0, 40)) console.log(`  ${k.padEnd(40)} ${fmt(v)}`);
  }
}
for (const r of results) console.log(`${r.ok ? 'ok    ' : 'FAILED'} ${r.name} (${r.seconds}s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
