import { createHash } from 'node:crypto';
import { canonicalJson, type DossierEvent } from '@motcua/core';

/** The previous hash of a dossier's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash chain of a dossier's events: SHA-256 over the canonical JSON (RFC 8785 style, core's
 * `canonicalJson`) of the dossier id, the event's sequence number, the previous hash and the event
 * itself. Instants inside events are epoch milliseconds (a fixed precision). The dossier row keeps
 * the head hash and the count, so a deleted last event is detected too.
 */
export function eventHash(dossierId: string, prevHash: string, event: DossierEvent): string {
  return createHash('sha256')
    .update(canonicalJson({ dossier: dossierId, seq: event.seq, prev: prevHash, event }))
    .digest('hex');
}
