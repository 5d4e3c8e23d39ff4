import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgencyDirectory, ROLE_NAMES } from '@motcua/core';
import { relationTo, ruleAllows, type PolicyRule } from './rules.ts';
import { POLICY } from './table.ts';

const tz = 'Asia/Ho_Chi_Minh';
const dir = createAgencyDirectory([
  { code: 'R', name: { vi: 'R' }, kind: 'province', parent: null, timeZone: tz },
  { code: 'A', name: { vi: 'A' }, kind: 'commune', parent: 'R', timeZone: tz },
  { code: 'A1', name: { vi: 'A1' }, kind: 'commune', parent: 'A', timeZone: tz },
  { code: 'B', name: { vi: 'B' }, kind: 'commune', parent: 'R', timeZone: tz },
]);

test('relations of a grant agency to a target', () => {
  assert.equal(relationTo(dir, 'A', ['A']), 'own');
  assert.equal(relationTo(dir, 'R', ['A']), 'ancestor');
  assert.equal(relationTo(dir, 'A1', ['A']), 'descendant');
  assert.equal(relationTo(dir, 'B', ['A']), 'other');
  // a dossier that passed through A and is now at B: staff of A are "own"
  assert.equal(relationTo(dir, 'A', ['B', 'A']), 'own');
  assert.equal(relationTo(dir, 'R', ['B', 'A1']), 'ancestor');
});

test('the policy table: leaders and viewers above read dossiers, nobody above acts; admins and designers own their subtree', () => {
  const read = POLICY.getDossier as PolicyRule;
  for (const role of ROLE_NAMES) {
    assert.equal(
      ruleAllows(read, role, 'own'),
      ['reception', 'specialist', 'leader', 'viewer'].includes(role),
      `${role} own`,
    );
    assert.equal(ruleAllows(read, role, 'ancestor'), ['leader', 'viewer'].includes(role), `${role} ancestor`);
    assert.equal(ruleAllows(read, role, 'descendant'), false);
    assert.equal(ruleAllows(read, role, 'other'), false);
  }
  const counter = POLICY.counterSubmitDossier as PolicyRule;
  for (const role of ROLE_NAMES)
    for (const rel of ['ancestor', 'descendant', 'other'] as const) assert.equal(ruleAllows(counter, role, rel), false);
  assert.equal(ruleAllows(POLICY.updateAgency!, 'admin', 'ancestor'), true);
  assert.equal(ruleAllows(POLICY.updateAgency!, 'admin', 'descendant'), false);
  assert.equal(ruleAllows(POLICY.updateProcedureDraft!, 'designer', 'own'), true);
  assert.equal(ruleAllows(POLICY.updateProcedureDraft!, 'admin', 'own'), false);
  assert.equal(ruleAllows(POLICY.getStaff!, 'viewer', 'other', true), true, 'self');
});
