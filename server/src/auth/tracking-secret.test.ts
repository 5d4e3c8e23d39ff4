import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenHash } from './secret.ts';
import { newTrackingSecret, trackingSecretHash, trackingSecretMatches } from './tracking-secret.ts';

test('a new secret matches in any case and spacing, and nothing else', () => {
  const s = newTrackingSecret();
  const stored = trackingSecretHash(s);
  assert.ok(trackingSecretMatches(s, stored));
  assert.ok(trackingSecretMatches(s.toLowerCase().replace(/-/g, ' '), stored));
  assert.ok(trackingSecretMatches(s.replace(/-/g, ''), stored));
  assert.equal(trackingSecretMatches(newTrackingSecret(), stored), false);
  assert.equal(trackingSecretMatches('', stored), false);
});

test('a secret handed out before keeps working exactly as it was', () => {
  const old = 'Zm9vYmFyYmF6cXV4MTIzNA';
  const stored = tokenHash(old);
  assert.ok(trackingSecretMatches(old, stored));
  assert.equal(trackingSecretMatches(old.toLowerCase(), stored), false, 'old secrets were case-sensitive');
});
