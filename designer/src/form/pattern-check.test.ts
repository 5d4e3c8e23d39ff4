import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patternProblems } from './pattern-check.ts';

test('examples must match the pattern; a broken pattern is reported, not thrown', () => {
  assert.deepEqual(patternProblems('^0[0-9]{9}$', ['0912345678', '912345678']), { failing: ['912345678'] });
  assert.deepEqual(patternProblems(undefined, ['x']), { failing: [] });
  const broken = patternProblems('^(0', ['0']);
  assert.ok(broken.bad);
  assert.deepEqual(broken.failing, []);
});
