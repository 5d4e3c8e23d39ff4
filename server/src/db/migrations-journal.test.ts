import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from './migrate.ts';

interface Journal {
  dialect: string;
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

test('the journal lists every migration file once, in order, with increasing times', () => {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as Journal;
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => f.slice(0, -'.sql'.length));
  assert.deepEqual(
    journal.entries.map((e) => e.tag),
    files,
  );
  journal.entries.forEach((e, i) => {
    assert.equal(e.idx, i, e.tag);
    assert.equal(e.tag.slice(0, 4), String(i).padStart(4, '0'), e.tag);
    assert.ok(e.breakpoints, `${e.tag}: statements split at breakpoints`);
    if (i > 0) assert.ok(e.when > journal.entries[i - 1]!.when, `${e.tag}: applied after the one before`);
  });
});
