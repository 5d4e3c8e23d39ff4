import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SOURCE_NODE_ARGS } from '@motcua/test/node-args';
import { REPOSITORY_ROOT } from '../src/config/config.ts';

/** One line of the reliability table: the load held, the faults and bad inputs, what went wrong. */
export interface CheckResult {
  check: string;
  load: string;
  faults: number;
  badInputs: number;
  requests: number;
  /** Answers 500 and above that were not a deliberate 503 (starting, draining), and requests never answered where no fault was injected. */
  serverErrors: number;
  /** Acknowledged data missing or altered, duplicates, gaps: anything the check exists to rule out. */
  lost: number;
  /** For checks that sample memory: whether it stayed flat after warm-up (false fails the check). */
  memoryFlat?: boolean;
  /** What went wrong, briefly (empty when the check held). */
  problems: string[];
}

export const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `motcua audit verify` against the database of `env`: the hash chains and the stored states. */
export async function auditVerify(env: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const child = spawn(
    process.execPath,
    [...SOURCE_NODE_ARGS, join(REPOSITORY_ROOT, 'packages/cli/bin/motcua.js'), 'audit', 'verify'],
    { cwd: REPOSITORY_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  return { ok: code === 0, output };
}
