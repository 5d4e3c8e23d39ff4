import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The OFL font every PDF embeds (Noto Serif subset to Latin and Vietnamese, see
 * server/assets/fonts/README.md). Read once; pdfkit embeds only the glyphs a document uses.
 */
export type FontStyle = 'regular' | 'bold' | 'italic';

const FILES: Record<FontStyle, string> = {
  regular: 'NotoSerif-Regular.ttf',
  bold: 'NotoSerif-Bold.ttf',
  italic: 'NotoSerif-Italic.ttf',
};

export const FONT_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));
export const FONT_FAMILY = 'Noto Serif';

const cache = new Map<FontStyle, Buffer>();

export function fontBytes(style: FontStyle): Buffer {
  let bytes = cache.get(style);
  if (!bytes) {
    bytes = readFileSync(FONT_DIR + FILES[style]);
    cache.set(style, bytes);
  }
  return bytes;
}
