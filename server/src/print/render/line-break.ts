import type { Run } from '../model/blocks.ts';
import type { FontStyle } from '../fonts.ts';

/**
 * Greedy line breaking of styled runs, ours rather than pdfkit's so that table rows can be split
 * across pages line by line and every line's position is known before drawing. Breaks at spaces
 * and after a hyphen before a letter; a word wider than the line is cut between characters. Text without spaces between runs stays
 * together ("(" + bold "x" + ")" never breaks inside).
 */
export type Measure = (style: FontStyle, text: string) => number;

export interface Piece {
  text: string;
  style: FontStyle;
  width: number;
}

/** Unbreakable group of pieces (one word, possibly in several styles). */
interface Unit {
  pieces: Piece[];
  width: number;
  /** Width of the space before this unit when it is not first on its line. */
  gap: number;
}

export interface Line {
  units: Array<{ pieces: Piece[]; width: number; gap: number }>;
  width: number;
  /** The paragraph's last line or a line ended by "\n": never justified. */
  hardEnd: boolean;
}

export function styleOf(run: Run): FontStyle {
  return run.bold ? 'bold' : run.italic ? 'italic' : 'regular';
}

/**
 * Lines of `runs` in `width` points. `firstWidth` is the first line's width when it differs
 * (hanging indents).
 */
export function breakLines(runs: Run[], width: number, measure: Measure, firstWidth = width): Line[] {
  const paragraphs = splitHardBreaks(runs);
  const lines: Line[] = [];
  for (const para of paragraphs) {
    const units = toUnits(para, measure);
    let current: Line = { units: [], width: 0, hardEnd: false };
    const limit = () => (lines.length === 0 ? firstWidth : width);
    for (const unit of units) {
      const add = current.units.length === 0 ? unit.width : unit.gap + unit.width;
      if (current.width + add <= limit() + 0.001) {
        current.units.push(unit);
        current.width += add;
        continue;
      }
      if (current.units.length > 0) {
        lines.push(current);
        current = { units: [], width: 0, hardEnd: false };
      }
      if (unit.width <= limit() + 0.001) {
        current.units.push(unit);
        current.width = unit.width;
        continue;
      }
      // A word longer than a whole line: cut it between characters.
      for (const chunk of cutUnit(unit, limit(), width, measure)) {
        if (current.units.length > 0) {
          lines.push(current);
          current = { units: [], width: 0, hardEnd: false };
        }
        current.units.push(chunk);
        current.width = chunk.width;
      }
    }
    current.hardEnd = true;
    lines.push(current);
  }
  return lines;
}

function splitHardBreaks(runs: Run[]): Run[][] {
  const paras: Run[][] = [[]];
  for (const run of runs) {
    const parts = run.text.split('\n');
    parts.forEach((part, k) => {
      if (k > 0) paras.push([]);
      if (part.length > 0) paras[paras.length - 1]!.push({ ...run, text: part });
    });
  }
  return paras;
}

function toUnits(runs: Run[], measure: Measure): Unit[] {
  const units: Unit[] = [];
  let pending: Unit | null = null;
  let gapBefore = 0;
  for (const run of runs) {
    const style = styleOf(run);
    // Split keeping spaces as separators: "a b" → ["a", " ", "b"].
    for (const token of run.text.split(/( +)/)) {
      if (token.length === 0) continue;
      if (token.startsWith(' ')) {
        if (pending) {
          units.push(pending);
          pending = null;
        }
        gapBefore += measure(style, token);
        continue;
      }
      // A line may break after a hyphen followed by a letter ("Bà Rịa-Vũng Tàu"), never inside a
      // code like "H56-251001-0001": text extraction would drop a hyphen that ends a line.
      token.split(/(?<=-)(?=\p{L})/u).forEach((part, k) => {
        if (k > 0 && pending) {
          units.push(pending);
          pending = null;
        }
        const piece: Piece = { text: part, style, width: measure(style, part) };
        if (pending) {
          pending.pieces.push(piece);
          pending.width += piece.width;
        } else {
          pending = { pieces: [piece], width: piece.width, gap: gapBefore };
          gapBefore = 0;
        }
      });
    }
  }
  if (pending) units.push(pending);
  return units;
}

function cutUnit(unit: Unit, firstLimit: number, restLimit: number, measure: Measure): Unit[] {
  const chunks: Unit[] = [];
  let current: Unit = { pieces: [], width: 0, gap: 0 };
  const max = () => (chunks.length === 0 ? firstLimit : restLimit);
  for (const piece of unit.pieces) {
    for (const ch of Array.from(piece.text)) {
      const w = measure(piece.style, ch);
      if (current.width + w > max() + 0.001 && current.pieces.length > 0) {
        chunks.push(current);
        current = { pieces: [], width: 0, gap: 0 };
      }
      const last = current.pieces[current.pieces.length - 1];
      if (last && last.style === piece.style) {
        last.text += ch;
        last.width += w;
      } else {
        current.pieces.push({ text: ch, style: piece.style, width: w });
      }
      current.width += w;
    }
  }
  if (current.pieces.length > 0) chunks.push(current);
  return chunks;
}
