import type { Issue, Message } from '@motcua/core';
import type { dossierFiles, files } from '../db/schema/index.ts';
import { HttpError } from '../http/errors.ts';
import type { UploadedFile } from './multipart.ts';

/**
 * Files refused by their checks: 413 when one is too large, 415 when one is of a type not
 * accepted, otherwise 400; the issues name each file's field.
 */
export function uploadRefusal(issues: Issue[], messages: Record<400 | 413 | 415, Message>): HttpError {
  const status = issues.some((i) => i.code === 'too-large')
    ? 413
    : issues.some((i) => i.code === 'media-type')
      ? 415
      : 400;
  const code = status === 400 ? 'invalid_data' : status === 413 ? 'too_large' : 'unsupported_media_type';
  return new HttpError(status, code, messages[status], issues);
}

/** One message for every refusal of attached files (the issues say which and why). */
export const sameMessage = (m: Message): Record<400 | 413 | 415, Message> => ({ 400: m, 413: m, 415: m });

/** The stored uploads (those whose bytes were kept) as rows of `files` and of `dossier_files`. */
export function uploadRows(
  stored: readonly UploadedFile[],
  ids: readonly string[],
  o: {
    dossierId: string;
    provenance: string;
    uploadedBy: string | null;
    purpose: string;
    eventSeq: number;
    at: Date;
  },
): { files: (typeof files.$inferInsert)[]; links: (typeof dossierFiles.$inferInsert)[] } {
  return {
    files: stored.map((u, i) => ({
      id: ids[i]!,
      storageKey: u.key!,
      sha256: u.sha256,
      size: u.size,
      mediaType: u.mediaType,
      activeContent: u.activeContent,
      originalName: u.name?.slice(0, 255) ?? null,
      provenance: o.provenance,
      uploadedBy: o.uploadedBy,
      createdAt: o.at,
    })),
    links: stored.map((u, i) => ({
      dossierId: o.dossierId,
      fileId: ids[i]!,
      documentId: u.documentId,
      ordinal: u.ordinal,
      purpose: o.purpose,
      eventSeq: o.eventSeq,
      addedAt: o.at,
    })),
  };
}
