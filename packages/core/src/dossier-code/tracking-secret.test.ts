import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatTrackingSecret,
  isTrackingSecret,
  normalizeTrackingSecret,
  TRACKING_SECRET_ALPHABET,
  trackingSecretFrom,
} from './tracking-secret.ts';

test('the alphabet has no look-alikes and no case', () => {
  for (const c of '01OILl') assert.ok(!TRACKING_SECRET_ALPHABET.includes(c), c);
  assert.equal(TRACKING_SECRET_ALPHABET, TRACKING_SECRET_ALPHABET.toUpperCase());
});

test('a secret is grouped in fives and accepted in any case and spacing', () => {
  const bytes = Uint8Array.from({ length: 40 }, (_, i) => (i * 37) % 256);
  const s = trackingSecretFrom(bytes)!;
  assert.match(s, /^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){3}$/);
  assert.ok(isTrackingSecret(s));
  const typed = ` ${s.toLowerCase().replace(/-/g, ' ')} `;
  assert.ok(isTrackingSecret(typed));
  assert.equal(normalizeTrackingSecret(typed), s.replace(/-/g, ''));
  assert.equal(formatTrackingSecret(typed), s);
});

test('bytes that would bias the symbols are skipped; too few bytes give none', () => {
  const skipped = new Uint8Array(40).fill(250);
  skipped.set(new Uint8Array(20).fill(0), 20);
  assert.equal(trackingSecretFrom(skipped), '22222-22222-22222-22222');
  assert.equal(trackingSecretFrom(new Uint8Array(19)), null);
});

test('an old base64url secret is not one of these', () => {
  assert.equal(isTrackingSecret('bi-mat-7'), false);
  assert.equal(isTrackingSecret('Zm9vYmFyYmF6cXV4MTIzNA'), false);
});
