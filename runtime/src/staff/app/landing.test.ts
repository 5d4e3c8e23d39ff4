import { test } from 'node:test';
import assert from 'node:assert/strict';
import { landingOf } from './landing.ts';

test('the first screen follows the grants', () => {
  assert.deepEqual(landingOf([{ agency: 'P', role: 'admin' }]), {
    inbox: false,
    intake: false,
    admin: true,
    designer: false,
    oversight: false,
  });
  assert.equal(landingOf([{ agency: 'P', role: 'viewer' }]).oversight, true);
  assert.equal(landingOf([{ agency: 'P', role: 'viewer' }]).inbox, false);
  assert.equal(landingOf([{ agency: 'P', role: 'designer' }]).inbox, false);
  for (const role of ['reception', 'specialist', 'leader']) {
    assert.equal(landingOf([{ agency: 'C', role }]).inbox, true);
    assert.equal(landingOf([{ agency: 'C', role }]).oversight, true, 'case staff see their own agency');
  }
  assert.equal(landingOf([{ agency: 'P', role: 'designer' }]).oversight, false);
  assert.equal(landingOf([{ agency: 'C', role: 'specialist' }]).intake, false);
  assert.equal(landingOf([{ agency: 'C', role: 'reception' }]).intake, true);
  assert.deepEqual(landingOf([]), { inbox: false, intake: false, admin: false, designer: false, oversight: false });
});
