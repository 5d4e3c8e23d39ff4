/**
 * Applies a reviewed patch (a unified diff, as `diff -u` writes it) to a dependency's file, exactly:
 * the file must be the one the patch was written against (its `original-sha256:` header line), and
 * every hunk must apply at its own line with its context and removed lines as written — no fuzz, no
 * offset. A new release of the dependency therefore stops the build, or the publishing, with a
 * message naming the patch, instead of running something unreviewed.
 */
import { createHash } from 'node:crypto';

export class PatchError extends Error {
  constructor(patchName: string, message: string) {
    super(`${patchName}: ${message}`);
    this.name = 'PatchError';
  }
}

interface Hunk {
  oldStart: number;
  oldCount: number;
  newCount: number;
  lines: string[];
  /** "\\ No newline at end of file" after the hunk's last old / new line. */
  oldNoEol: boolean;
  newNoEol: boolean;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

function parse(patch: string, patchName: string): { sha256: string | undefined; hunks: Hunk[] } {
  const lines = patch.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const sha256 = /^original-sha256: ([0-9a-f]{64})$/m.exec(patch)?.[1];
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  for (const line of lines) {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      current = {
        oldStart: Number(header[1]),
        oldCount: header[2] === undefined ? 1 : Number(header[2]),
        newCount: header[4] === undefined ? 1 : Number(header[4]),
        lines: [],
        oldNoEol: false,
        newNoEol: false,
      };
      hunks.push(current);
    } else if (current && /^[ +-]/.test(line)) {
      current.lines.push(line);
    } else if (current && line.startsWith('\\')) {
      const previous = current.lines.at(-1)?.[0];
      if (previous !== '+') current.oldNoEol = true;
      if (previous !== '-') current.newNoEol = true;
    } else if (current) {
      current = undefined; // the end of the diff (a trailer is ignored)
    }
  }
  if (hunks.length === 0) throw new PatchError(patchName, 'no hunk found');
  for (const h of hunks) {
    const old = h.lines.filter((l) => l[0] !== '+').length;
    const added = h.lines.filter((l) => l[0] !== '-').length;
    if (old !== h.oldCount || added !== h.newCount)
      throw new PatchError(patchName, `the hunk at line ${h.oldStart} does not match its header`);
  }
  return { sha256, hunks };
}

/** The sha256 (hex) of a text, as the `original-sha256:` header line records it. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `source` with `patch` applied; throws a PatchError when it does not apply exactly. */
export function applyPatch(source: string, patch: string, patchName: string): string {
  const { sha256: expected, hunks } = parse(patch, patchName);
  if (!expected) throw new PatchError(patchName, 'the patch has no "original-sha256:" line');
  const actual = sha256(source);
  if (actual !== expected)
    throw new PatchError(
      patchName,
      `the file is not the one this patch was reviewed against (sha256 ${actual}, expected ${expected}): ` +
        'the dependency changed; review the patch for its new version',
    );
  const input = source.split('\n');
  const output: string[] = [];
  let at = 0; // index in `input` of the next line to copy
  for (const h of hunks) {
    const start = h.oldCount === 0 ? h.oldStart : h.oldStart - 1;
    if (start < at) throw new PatchError(patchName, `hunks out of order at line ${h.oldStart}`);
    output.push(...input.slice(at, start));
    at = start;
    for (const line of h.lines) {
      const text = line.slice(1);
      if (line[0] === '+') {
        output.push(text);
        continue;
      }
      if (input[at] !== text)
        throw new PatchError(
          patchName,
          `line ${at + 1} is ${JSON.stringify(input[at])}, the patch expects ${JSON.stringify(text)}`,
        );
      if (line[0] === ' ') output.push(text);
      at++;
    }
    // `input` ends with '' when the file ends with a newline: add or drop it as the patch says.
    if (h.oldNoEol && !h.newNoEol) output.push('');
    if (!h.oldNoEol && h.newNoEol && at === input.length - 1 && input[at] === '') at++;
  }
  output.push(...input.slice(at));
  return output.join('\n');
}
