import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildWorkspace } from './build-node.mjs';

test('a workspace builds file for file into dist/, imports renamed .js, tests and helpers left out, and runs on plain node', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'motcua-build-node-'));
  try {
    const files = {
      'package.json': JSON.stringify({ type: 'module' }),
      'data.json': '{ "answer": 42 }',
      'src/index.ts': [
        "import data from '../data.json' with { type: 'json' };",
        "import { twice } from './math/twice.ts';",
        "import type { Unused } from './math/types.ts';",
        'export const value: number = twice(data.answer);',
        "export const later = async (): Promise<number> => (await import('./math/twice.ts')).twice(1);",
        "export const url = new URL('../data.json', import.meta.url).pathname;",
        'export type { Unused };',
      ].join('\n'),
      'src/math/twice.ts': 'export const twice = (n: number): number => n * 2;\n',
      'src/math/types.ts': 'export interface Unused { x: number }\n',
      'src/math/twice.test.ts': "throw new Error('a test is not built');\n",
      'src/math/twice.bench.ts': "throw new Error('a benchmark is not built');\n",
      'src/testing/helper.ts': "throw new Error('a test helper is not built');\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(ws, path)), { recursive: true });
      writeFileSync(join(ws, path), text);
    }
    mkdirSync(join(ws, 'dist/stale'), { recursive: true });
    await buildWorkspace(ws);
    assert.ok(!existsSync(join(ws, 'dist/stale')), 'dist/ is rebuilt from scratch');
    for (const built of ['index.js', 'math/twice.js', 'math/types.js'])
      assert.ok(existsSync(join(ws, 'dist', built)), built);
    for (const left of ['math/twice.test.js', 'math/twice.bench.js', 'testing/helper.js'])
      assert.ok(!existsSync(join(ws, 'dist', left)), left);
    const index = readFileSync(join(ws, 'dist/index.js'), 'utf8');
    assert.match(index, /from "\.\/math\/twice\.js"/);
    assert.match(index, /import\("\.\/math\/twice\.js"\)/);
    assert.match(index, /from "\.\.\/data\.json" with \{ type: "json" \}/);
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(join(ws, 'dist/index.js'))}); console.log(m.value, await m.later(), m.url);`,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(
      out,
      `84 2 ${join(ws, 'data.json')}\n`,
      'the layout is kept: a URL relative to the module still finds its file',
    );
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
});
