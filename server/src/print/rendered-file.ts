import { createHash } from 'node:crypto';

/** A rendered artefact: its bytes, what they are, and their SHA-256 (hex) for immutable storage. */
export interface RenderedFile {
  bytes: Uint8Array;
  mediaType: string;
  sha256: string;
  /** A suggested download name (ASCII). */
  fileName: string;
}

export const MEDIA_TYPES = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type FileFormat = keyof typeof MEDIA_TYPES;

export function renderedFile(bytes: Uint8Array, format: FileFormat, baseName: string): RenderedFile {
  return {
    bytes,
    mediaType: MEDIA_TYPES[format],
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName: `${asciiName(baseName)}.${format}`,
  };
}

/** File names survive every client as ASCII: "Sổ theo dõi" → "so-theo-doi". */
export function asciiName(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^A-Za-z0-9.\-_]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '') || 'file'
  );
}
