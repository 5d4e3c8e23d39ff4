// packages/core must stay pure and isomorphic: server, browser runtime and designer all run it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SRC = new URL('./', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // Tests, their helpers (testing/) and benchmarks run on Node only.
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.bench.ts') ? [path] : [];
  });
}

// What core may import (no Node built-in, no host library, no other workspace) is checked by the
// dependency rules (.dependency-cruiser.cjs, `npm run deps:check`); this test checks what it uses.
const FORBIDDEN: [RegExp, string][] = [
  [/\bprocess\.(env|argv|cwd|exit)/, 'process'],
  [/\bBuffer\./, 'Buffer'],
  [
    /\b(window|localStorage|sessionStorage|navigator)\.[a-zA-Z]|\bdocument\.(createElement|querySelector|getElementById|body|head|cookie|addEventListener)/,
    'a DOM global',
  ],
  [/\bnew Function\s*\(|\beval\s*\(/, 'code generation (blocked by a strict CSP)'],
  [/\bfetch\s*\(|XMLHttpRequest|WebSocket/, 'IO'],
  [/\bDate\.now\s*\(|new Date\(\)/, 'the current time (engines take instants as arguments)'],
  [/\bMath\.random\s*\(/, 'randomness'],
];

// Only the ajv evaluator and validateProcedure may compile schemas, and they are separate entries.
const MAY_COMPILE = ['conditions/ajv-evaluator.ts', 'procedure/validate-procedure.ts'];

test('core sources use no IO, no DOM, no Node-only API, no clock, no randomness', () => {
  const found: string[] = [];
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const [re, what] of FORBIDDEN) if (re.test(text)) found.push(`${file.slice(SRC.length)}: ${what}`);
  }
  assert.deepEqual(found, []);
});

test('nothing reachable from the main entry imports ajv or the JSON text parser', () => {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
      const spec = m[1]!;
      const rel = file.slice(SRC.length);
      assert.ok(!/^ajv/.test(spec), `${rel} imports ${spec}: keep ajv out of the browser-facing entry`);
      // Only tools that show a definition's text need positions (`@motcua/core/json-source`).
      assert.ok(!/^jsonc-parser/.test(spec), `${rel} imports ${spec}: keep the JSON text parser out of the main entry`);
      if (spec.startsWith('.')) visit(join(file, '..', spec));
    }
  };
  visit(join(SRC, 'index.ts'));
  for (const f of MAY_COMPILE) assert.ok(!seen.has(join(SRC, f)), `${f} is reachable from the main entry`);
});
