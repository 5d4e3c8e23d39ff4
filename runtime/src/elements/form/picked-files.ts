import type { DocumentCheck, ProvidedFile } from '@motcua/core';

/** A file the applicant picked for a document: its type as sniffed from its bytes, a key for the views. */
export interface PickedFile {
  key: number;
  file: File;
  mediaType: string;
}

export type PickedFiles = ReadonlyMap<string, readonly PickedFile[]>;

let fileKeys = 0;

/** Each file with its sniffed media type and a new key. */
export async function pickFiles(list: FileList | readonly File[]): Promise<PickedFile[]> {
  // Taken before anything is awaited: the picker empties its list once the change event is handled.
  const files = Array.from(list);
  // Only pages where a file is picked need the signatures.
  const { sniffMediaType } = await import('./media-sniff.ts');
  const out: PickedFile[] = [];
  for (const file of files) out.push({ key: ++fileKeys, file, mediaType: await sniffMediaType(file) });
  return out;
}

/** `files` with `picked` added to (or, `drop` given, the file of that key removed from) a document's files. */
export function withFiles(files: PickedFiles, documentId: string, picked: readonly PickedFile[], drop?: number) {
  const next = new Map(files);
  next.set(documentId, [...(files.get(documentId) ?? []).filter((f) => f.key !== drop), ...picked]);
  return next;
}

/** The picked files of the documents that apply (the others are never sent). */
export function applicableFiles(
  checks: readonly DocumentCheck[],
  files: PickedFiles,
): [string, readonly PickedFile[]][] {
  return checks.filter((c) => c.applicable).map((c) => [c.document.id, files.get(c.document.id) ?? []]);
}

/** The files of the documents that apply, as core's checks want them. */
export function providedFiles(checks: readonly DocumentCheck[], files: PickedFiles): Record<string, ProvidedFile[]> {
  const out: Record<string, ProvidedFile[]> = {};
  for (const [id, list] of applicableFiles(checks, files))
    if (list.length) out[id] = list.map((f) => ({ mediaType: f.mediaType, size: f.file.size, name: f.file.name }));
  return out;
}
