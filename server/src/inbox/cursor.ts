import { errors } from '../http/errors.ts';

/** Keyset position after the last item of a page: its sort instant (epoch ms) and id. */
export interface Cursor {
  view: string;
  at: number;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.view, c.at, c.id]), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a cursor of `view`; anything else (tampered, from another view) is a 400. */
export function decodeCursor(text: string, view: string): Cursor {
  const bad = () =>
    errors.invalid([
      {
        pointer: '/query/cursor',
        code: 'cursor',
        message: { vi: 'Con trỏ trang không hợp lệ', en: 'Invalid page cursor' },
      },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw bad();
  const [v, at, id] = parsed as unknown[];
  if (v !== view || typeof at !== 'number' || !Number.isSafeInteger(at) || typeof id !== 'string' || !UUID.test(id))
    throw bad();
  return { view, at, id };
}
