// `motcua deadline` through the real CLI entry: the golden cases (worked out by hand, see each
// case's "why") run through main(); a few also through the bin in a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../main.ts';
import { SOURCE_NODE_ARGS } from '@motcua/test/node-args';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/motcua.js', import.meta.url));
// Paths in the golden file are relative to the repository root, as a user at the root types them.
process.chdir(root);

interface GoldenCase {
  name: string;
  args: string[];
  expected: string;
  why: string;
}
interface ErrorCase {
  name: string;
  args: string[];
  stderr: string;
}
const golden = JSON.parse(readFileSync(new URL('./testing/deadline-golden.json', import.meta.url), 'utf8')) as {
  cases: GoldenCase[];
  errors: ErrorCase[];
};

async function run(args: string[]): Promise<{ code: number | undefined; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['deadline', ...args], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

test('at least 40 golden cases, each with its hand derivation', () => {
  assert.ok(golden.cases.length >= 40, `${golden.cases.length} cases`);
  for (const c of golden.cases) assert.ok(c.why.length > 10, c.name);
  assert.equal(new Set(golden.cases.map((c) => c.name)).size, golden.cases.length, 'case names are unique');
});

for (const c of golden.cases) {
  test(`golden: ${c.name}`, async () => {
    const r = await run(c.args);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${c.expected}\n`, `${c.why}`);
  });
}

for (const c of golden.errors) {
  test(`bad arguments: ${c.name} → exit 2 with a message in both languages`, async () => {
    const r = await run(c.args);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.includes(c.stderr), `stderr was:\n${r.stderr}`);
    assert.match(r.stderr, / \/ /, 'Vietnamese / English');
  });
}

test('--help prints the usage in both languages and exits 0', async () => {
  const r = await run(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /--same-day-cutoff HH:MM/);
  assert.match(r.stdout, /In ra hạn giải quyết/);
  assert.match(r.stdout, /Prints the due instant/);
});

test('--flag=value works like --flag value; -h is --help', async () => {
  const r = await run([
    '--calendar=examples/calendars/vn-2025-2026.json',
    '--from=2026-12-01T16:00+07:00',
    '--working-days=1',
  ]);
  assert.equal(r.stdout, '2026-12-02T16:00:00+07:00\n');
  assert.equal((await run(['-h'])).code, 0);
  const empty = await run(['--calendar=', '--from', '2026-12-01T09:00+07:00', '--working-days', '1']);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /--calendar needs a value/);
});

test('a deadline running past the calendar\u2019s years is refused (1/1/2027 is not silently a working day)', async () => {
  const r = await run([
    '--calendar',
    'examples/calendars/vn-2025-2026.json',
    '--from',
    '2026-12-28T09:00',
    '--working-days',
    '10',
  ]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /chưa có năm 2027/);
  assert.match(r.stderr, /covers the years 2025, 2026, not 2027/);
});

test('a provisional year is used with a visible warning', async () => {
  const r = await run([
    '--calendar',
    'examples/calendars/vn-2025-2027.json',
    '--from',
    '2026-12-28T09:00',
    '--working-days',
    '10',
  ]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '2027-01-12T09:00:00+07:00\n', '1/1/2027 is a holiday');
  assert.match(r.stderr, /TẠM TÍNH/);
  assert.match(r.stderr, /PROVISIONAL/);
  const plain = await run([
    '--calendar',
    'examples/calendars/vn-2025-2027.json',
    '--from',
    '2026-12-01T09:00',
    '--working-days',
    '1',
  ]);
  assert.equal(plain.stderr, '', 'no warning when no provisional year is involved');
});

test('motcua --help lists the deadline command', async () => {
  let out = '';
  const code = await main(['--help'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true } });
  assert.equal(code, 0);
  assert.match(out, /deadline\s+tính hạn giải quyết \/ compute a due instant/);
});

test('the bin prints the due instant and exits 0', () => {
  const out = execFileSync(
    process.execPath,
    [
      ...SOURCE_NODE_ARGS,
      bin,
      'deadline',
      '--calendar',
      'examples/calendars/vn-2025-2026.json',
      '--from',
      '2026-12-01T16:00:00+07:00',
      '--working-days',
      '1',
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'America/New_York' } },
  );
  assert.equal(out, '2026-12-02T16:00:00+07:00\n');
});

test('the bin exits 2 on bad arguments, message on stderr', () => {
  const r = spawnSync(
    process.execPath,
    [
      ...SOURCE_NODE_ARGS,
      bin,
      'deadline',
      '--calendar',
      'examples/calendars/vn-2025-2026.json',
      '--from',
      '2026-12-01T09:00+07:00',
      '--working-days',
      '1',
      '--working-hours',
      '2',
    ],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /Chỉ được chọn một thời hạn.* \/ give exactly one duration/);
});
