import { fileTypeFromBuffer } from 'file-type';

/**
 * The media type of some bytes, from their content (magic numbers), never from a file name or
 * a client's claim. Bytes no signature matches are text/plain when they are valid UTF-8 without
 * control characters, otherwise application/octet-stream.
 */
export async function sniffMediaType(head: Uint8Array): Promise<string> {
  if (head.length === 0) return 'application/x-empty';
  const found = await fileTypeFromBuffer(head);
  if (found) return found.mime;
  return looksLikeText(head) ? 'text/plain' : 'application/octet-stream';
}

function looksLikeText(bytes: Uint8Array): boolean {
  // The head may cut a multi-byte character: ignore up to 3 trailing bytes of a partial sequence.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(trimPartial(bytes));
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

function trimPartial(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = bytes[end - i]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking back for the lead
    if ((b & 0xc0) === 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (i < need) end -= i;
    }
    break;
  }
  return bytes.subarray(0, end);
}
