import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { AppEnv } from './env.ts';
import { errors } from './errors.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves a file under `root` (no escaping it with `..`); directories serve their index.html. */
export async function serveFile(
  c: Context<AppEnv>,
  root: string,
  relative: string,
  cacheControl: string,
): Promise<Response> {
  const base = resolve(root);
  let path = resolve(base, normalize(decodeURIComponent(relative)).replace(/^([/\\])+/, ''));
  if (path !== base && !path.startsWith(base + sep)) throw errors.notFound();
  let info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    path = join(path, 'index.html');
    info = await stat(path).catch(() => null);
  }
  if (!info?.isFile()) throw errors.notFound({ vi: 'Không tìm thấy tệp', en: 'File not found' });
  const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  c.header('Content-Type', type);
  c.header('Content-Length', String(info.size));
  c.header('Cache-Control', cacheControl);
  c.header('X-Content-Type-Options', 'nosniff');
  if (c.req.method === 'HEAD') return c.body(null, 200);
  return c.body(Readable.toWeb(createReadStream(path)) as unknown as ReadableStream, 200);
}
