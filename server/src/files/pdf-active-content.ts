/**
 * Active content in a PDF: the dictionary keys and action types with which a viewer runs script or
 * another program, or acts on opening — `/JavaScript`, `/JS`, `/OpenAction`, `/AA` (additional
 * actions), `/Launch`. Found by scanning the bytes for PDF name tokens, `#xx` escapes decoded (so
 * `/J#61vaScript` is `/JavaScript`). Conservative: a name inside a string literal counts too, and
 * names inside compressed object streams are not seen (their dictionaries are deflated).
 * Pure: no Node built-ins.
 */
export const PDF_ACTIVE_NAMES: readonly string[] = ['JavaScript', 'JS', 'OpenAction', 'AA', 'Launch'];

const SLASH = 0x2f;
/** A name is at most 127 bytes, each written as at most three (`#xx`): a chunk keeps this tail for the next. */
const CARRY_BYTES = 512;

/** PDF whitespace and delimiters end a name. */
function endsName(b: number): boolean {
  return (
    b === 0x00 ||
    b === 0x09 ||
    b === 0x0a ||
    b === 0x0c ||
    b === 0x0d ||
    b === 0x20 ||
    b === 0x28 || // (
    b === 0x29 || // )
    b === 0x3c || // <
    b === 0x3e || // >
    b === 0x5b || // [
    b === 0x5d || // ]
    b === 0x7b || // {
    b === 0x7d || // }
    b === 0x2f || // /
    b === 0x25 // %
  );
}

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
}

/** The name written in `bytes[from, to)` (after its slash), `#xx` decoded; null when longer than any we look for. */
function decodeName(bytes: Uint8Array, from: number, to: number): string | null {
  let out = '';
  for (let i = from; i < to; i++) {
    let b = bytes[i]!;
    if (b === 0x23 && i + 2 < to) {
      const hi = hexValue(bytes[i + 1]!);
      const lo = hexValue(bytes[i + 2]!);
      if (hi >= 0 && lo >= 0) {
        b = hi * 16 + lo;
        i += 2;
      }
    }
    out += String.fromCharCode(b);
    if (out.length > 16) return null;
  }
  return out;
}

function check(bytes: Uint8Array, from: number, to: number, found: Set<string>): void {
  const name = decodeName(bytes, from, to);
  if (name !== null && PDF_ACTIVE_NAMES.includes(name)) found.add(name);
}

/**
 * Adds to `found` the active names in `bytes` from `start`. Unless `final`, a name running to the
 * end is left unread: returns where its slash is (the next chunk completes it), else -1.
 */
function scan(bytes: Uint8Array, start: number, final: boolean, found: Set<string>): number {
  let i = bytes.indexOf(SLASH, start);
  while (i >= 0) {
    let j = i + 1;
    while (j < bytes.length && !endsName(bytes[j]!)) j++;
    if (j === bytes.length && !final) return i;
    check(bytes, i + 1, j, found);
    i = bytes.indexOf(SLASH, j);
  }
  return -1;
}

/** The active-content names in a whole PDF's bytes (sorted; empty when none). */
export function pdfActiveContent(bytes: Uint8Array): string[] {
  const found = new Set<string>();
  scan(bytes, 0, true, found);
  return [...found].sort();
}

/** The same over bytes that arrive in chunks (an upload being streamed): names split across chunks are found. */
export function createPdfActiveContentScanner(): { push(chunk: Uint8Array): void; finish(): string[] } {
  const found = new Set<string>();
  /** An unfinished name at the end of the previous chunks, from its slash (bounded: longer is none of ours). */
  let pending: Uint8Array | null = null;
  return {
    push(chunk) {
      let start = 0;
      if (pending) {
        let k = 0;
        while (k < chunk.length && !endsName(chunk[k]!)) k++;
        const joined = new Uint8Array(pending.length + k);
        joined.set(pending, 0);
        joined.set(chunk.subarray(0, k), pending.length);
        if (k === chunk.length) {
          pending = joined.length <= CARRY_BYTES ? joined : null;
          return;
        }
        check(joined, 1, joined.length, found);
        pending = null;
        start = k;
      }
      const open = scan(chunk, start, false, found);
      if (open >= 0 && chunk.length - open <= CARRY_BYTES) pending = chunk.slice(open);
    },
    finish() {
      if (pending) check(pending, 1, pending.length, found);
      pending = null;
      return [...found].sort();
    },
  };
}
