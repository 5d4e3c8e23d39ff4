import { randomBytes } from 'node:crypto';
import { isTrackingSecret, normalizeTrackingSecret, trackingSecretFrom } from '@motcua/core';
import { safeEqual, tokenHash } from './secret.ts';

/** A new tracking secret (core's alphabet and grouping, from the CSPRNG). */
export function newTrackingSecret(): string {
  for (;;) {
    const s = trackingSecretFrom(randomBytes(48));
    if (s) return s;
  }
}

/** What is stored for a secret: the hash of its symbols alone, so that any case and spacing match. */
export function trackingSecretHash(secret: string): string {
  return tokenHash(isTrackingSecret(secret) ? normalizeTrackingSecret(secret) : secret);
}

/**
 * True when `given` opens the dossier whose stored hash is `stored`: a secret of core's alphabet
 * in any case and spacing, or an older secret exactly as it was handed out.
 */
export function trackingSecretMatches(given: string, stored: string): boolean {
  if (!given) return false;
  const exact = safeEqual(tokenHash(given), stored);
  const typed = isTrackingSecret(given) && safeEqual(tokenHash(normalizeTrackingSecret(given)), stored);
  return exact || typed;
}
