import QRCode from 'qrcode';
import { escapeHtml } from './text/html-escape.ts';

/**
 * QR codes drawn from the module matrix (not a raster): crisp at any print size, and identical
 * bytes for identical input. Error correction M survives a smudged printout and keeps a dossier
 * code (~25 characters) at version 2, large modules at a small printed size.
 */
export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}

/** Modules of white border the standard asks for around the symbol. */
export const QR_QUIET_ZONE = 4;

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (r, c) => modules.get(r, c) === 1 };
}

/** Horizontal runs of dark modules, row by row: few shapes to draw. */
export function qrRuns(m: QrMatrix): Array<{ row: number; col: number; length: number }> {
  const runs: Array<{ row: number; col: number; length: number }> = [];
  for (let r = 0; r < m.size; r++) {
    let c = 0;
    while (c < m.size) {
      if (!m.dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.dark(r, c)) c++;
      runs.push({ row: r, col: start, length: c - start });
    }
  }
  return runs;
}

/** An inline SVG of the code, quiet zone included, sized by its container. */
export function qrSvg(text: string, label: string): string {
  const m = qrMatrix(text);
  const q = QR_QUIET_ZONE;
  const n = m.size + 2 * q;
  const d = qrRuns(m)
    .map((run) => `M${run.col + q} ${run.row + q}h${run.length}v1h-${run.length}z`)
    .join('');
  return (
    `<svg viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges" role="img" aria-label="${escapeHtml(label)}">` +
    `<rect width="${n}" height="${n}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`
  );
}
