import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { publicApiMarkdown } from './markdown.ts';
import { routes } from '../contract.ts';

test('docs/public-api.md is the one generated from the contract (npm run docs -w @motcua/api)', () => {
  const committed = readFileSync(new URL('../../../../docs/public-api.md', import.meta.url), 'utf8');
  assert.equal(committed, publicApiMarkdown());
});

test('it documents every public route, its parts and the supplement reasons', () => {
  const md = publicApiMarkdown();
  for (const r of routes.filter((r) => r.auth === 'public' && r.path.startsWith('/api/v1/public/')))
    assert.ok(md.includes(`### ${r.method.toUpperCase()} \`${r.path}\``), r.operationId);
  assert.ok(md.includes('part `submission`'));
  assert.ok(md.includes('`documents.<documentId>`'));
  assert.doesNotMatch(md, /\/api\/v1\/dossiers\//, 'no staff route');
});
