import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPatch, PatchError, sha256 } from './text-patch.ts';

const ORIGINAL = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', ''].join('\n');

const patchOf = (source: string, hunks: string) =>
  `Why the change.\noriginal-sha256: ${sha256(source)}\n--- a/f.js\n+++ b/f.js\n${hunks}`;

const HUNKS = ['@@ -2,3 +2,3 @@', ' two', '-three', '+THREE', ' four', '@@ -7 +7,2 @@', ' seven', '+eight', ''].join(
  '\n',
);

test('a patch applies exactly: hunks at their lines, context kept', () => {
  assert.equal(
    applyPatch(ORIGINAL, patchOf(ORIGINAL, HUNKS), 'f.patch'),
    ['one', 'two', 'THREE', 'four', 'five', 'six', 'seven', 'eight', ''].join('\n'),
  );
});

test('a file other than the reviewed one is refused, naming the patch', () => {
  const changed = ORIGINAL.replace('five', 'FIVE');
  assert.throws(
    () => applyPatch(changed, patchOf(ORIGINAL, HUNKS), 'f.patch'),
    (e: unknown) =>
      e instanceof PatchError && /^f\.patch: the file is not the one this patch was reviewed against/.test(e.message),
  );
});

test('a hunk whose lines differ does not apply (no fuzz, no offset)', () => {
  const shifted = `zero\n${ORIGINAL}`;
  assert.throws(
    () => applyPatch(shifted, patchOf(shifted, HUNKS), 'f.patch'),
    /line 2 is "one", the patch expects "two"/,
  );
});

test('a patch without the original sha256, without hunks, or with a wrong hunk header is refused', () => {
  assert.throws(() => applyPatch(ORIGINAL, `--- a\n+++ b\n${HUNKS}`, 'f.patch'), /no "original-sha256:" line/);
  assert.throws(() => applyPatch(ORIGINAL, patchOf(ORIGINAL, ''), 'f.patch'), /no hunk found/);
  assert.throws(
    () => applyPatch(ORIGINAL, patchOf(ORIGINAL, HUNKS.replace('@@ -2,3 +2,3 @@', '@@ -2,4 +2,3 @@')), 'f.patch'),
    /does not match its header/,
  );
});

test('"\\ No newline at end of file" on either side', () => {
  const noEol = 'a\nb';
  const adds = ['@@ -2 +2,2 @@', '-b', '\\ No newline at end of file', '+b', '+c', ''].join('\n');
  assert.equal(applyPatch(noEol, patchOf(noEol, adds), 'f.patch'), 'a\nb\nc\n');
  const withEol = 'a\nb\n';
  const drops = ['@@ -2 +2 @@', '-b', '+c', '\\ No newline at end of file', ''].join('\n');
  assert.equal(applyPatch(withEol, patchOf(withEol, drops), 'f.patch'), 'a\nc');
});
