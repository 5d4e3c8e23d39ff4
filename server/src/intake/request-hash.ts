import { createHash } from 'node:crypto';
import { canonicalJson } from '@motcua/core';
import type { UploadedFile } from './multipart.ts';

/**
 * What makes two submissions "the same body" for idempotency: the procedure, the submission JSON
 * (canonical, so key order does not matter) and every file's document, position, size and SHA-256.
 */
export function requestHash(scope: string, submission: unknown, files: readonly UploadedFile[]): string {
  const list = files
    .map((f) => ({ document: f.documentId, ordinal: f.ordinal, size: f.size, sha256: f.sha256 || null }))
    .sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.ordinal - b.ordinal));
  return createHash('sha256')
    .update(canonicalJson({ scope, submission: submission ?? null, files: list }))
    .digest('hex');
}
