// `motcua audit verify` arguments (the verification itself is tested on both databases in
// server/src/audit/audit.test.ts, through this same command in a child process).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../main.ts';

async function run(args: string[]): Promise<{ code: number | undefined; stderr: string; stdout: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

test('audit needs its subcommand; unknown arguments are usage errors (exit 2)', async () => {
  const none = await run(['audit']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /motcua audit verify \[--dossier CODE\] \[--json\] \[--no-state\]/);
  const bad = await run(['audit', 'verify', '--everything']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown argument: --everything/);
});

test('the command list names audit', async () => {
  const help = await run(['--help']);
  assert.match(help.stdout, /audit\s+kiểm tra chuỗi sự kiện hồ sơ/);
});
