/**
 * The media type of a file from its first bytes, as the server will judge it (it sniffs too):
 * a file named .pdf that is really a photo is caught before it is uploaded. Types we cannot
 * recognise fall back to what the browser says (from the name); ZIP containers keep the browser's
 * more precise Office/ODF type. A chunk of its own, fetched when an applicant first picks a file.
 */
const SIGNATURES: { type: string; bytes: (number | null)[]; offset?: number }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'image/webp', bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
];

export function sniffBytes(head: Uint8Array): string | null {
  for (const sig of SIGNATURES) {
    if (sig.bytes.every((b, i) => b === null || head[i] === b)) return sig.type;
  }
  return null;
}

export async function sniffMediaType(file: Blob & { type: string }): Promise<string> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const sniffed = sniffBytes(head);
  const declared = (file.type || '').toLowerCase();
  if (!sniffed) return declared || 'application/octet-stream';
  if (sniffed === 'application/zip' && /^application\/(vnd\.openxmlformats|vnd\.oasis)/.test(declared)) return declared;
  return sniffed;
}
