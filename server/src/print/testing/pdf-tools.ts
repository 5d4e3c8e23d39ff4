import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Checks of rendered PDFs with poppler-utils and zbar-tools, as a reader would see them. */
function withFile<T>(bytes: Uint8Array, fn: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-print-'));
  try {
    const path = join(dir, 'doc.pdf');
    writeFileSync(path, bytes);
    return fn(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

export function pdfText(bytes: Uint8Array, options: { page?: number } = {}): string {
  const pages = options.page ? ['-f', String(options.page), '-l', String(options.page)] : [];
  return withFile(bytes, (path) => run('pdftotext', ['-enc', 'UTF-8', ...pages, path, '-']));
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(bytes: Uint8Array): FontRow[] {
  const out = withFile(bytes, (path) => run('pdffonts', [path]));
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s{1,}/);
      // name type... encoding emb sub uni object ID
      const n = cols.length;
      return { name: cols[0]!, type: cols.slice(1, n - 6).join(' '), embedded: cols[n - 5] === 'yes' };
    });
}

export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = withFile(bytes, (path) => run('pdfinfo', [path]));
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** The XMP metadata stream. */
export function pdfMetadata(bytes: Uint8Array): string {
  return withFile(bytes, (path) => run('pdfinfo', ['-meta', path]));
}

/** Every QR code zbarimg finds on the first page rendered at 150 dpi. */
export function decodeQr(bytes: Uint8Array, page = 1): string[] {
  return withFile(bytes, (path, dir) => {
    run('pdftoppm', ['-r', '150', '-png', '-f', String(page), '-l', String(page), path, join(dir, 'page')]);
    const png = readdirSync(dir).find((f) => f.endsWith('.png'))!;
    return decodeQrPng(join(dir, png));
  });
}

export function decodeQrPng(path: string): string[] {
  return run('zbarimg', ['--raw', '-q', path]).split('\n').filter(Boolean);
}

export interface WordBox {
  word: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  page: number;
  pageWidth: number;
  pageHeight: number;
}

/** Words with their boxes (points), from `pdftotext -bbox`. */
export function pdfWords(bytes: Uint8Array): WordBox[] {
  const html = withFile(bytes, (path) => run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-']));
  const words: WordBox[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (p) {
      page++;
      pageWidth = Number(p[1]);
      pageHeight = Number(p[2]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w) {
      words.push({
        word: w[5]!
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'"),
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        page,
        pageWidth,
        pageHeight,
      });
    }
  }
  return words;
}

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}
