import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/** Types worth compressing: JSON, JavaScript (validator modules, bundles), HTML, CSS, SVG, text. */
const COMPRESSIBLE =
  /^(application\/(json|javascript|problem\+json|xml)|text\/(?!event-stream)[\w-]+|image\/svg\+xml)\b/i;
/** Below this a compressed body saves less than the headers it adds. */
const THRESHOLD = 1024;

type Encoding = 'br' | 'gzip';

/** The client's preferred encoding among br and gzip (q-values honoured; br first on a tie). */
export function negotiate(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name.trim(), qp ? Number(qp.slice(2)) || 0 : 1);
  }
  const of = (e: string) => q.get(e) ?? q.get('*') ?? 0;
  const br = of('br');
  const gzip = of('gzip');
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : null;
}

/**
 * Compresses every compressible response, brotli or gzip as the client asks (node's zlib,
 * streamed): the procedure JSON and its validator module are most of what a form page moves.
 * Already-encoded, tiny, bodiless, ranged and `no-transform` responses pass as they are.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const headers = res.headers;
    if (c.req.method === 'HEAD' || !res.body || res.status === 204 || res.status === 206 || res.status === 304) return;
    if (headers.has('Content-Encoding') || /no-transform/i.test(headers.get('Cache-Control') ?? '')) return;
    if (!COMPRESSIBLE.test(headers.get('Content-Type') ?? '')) return;
    const length = headers.get('Content-Length');
    if (length !== null && Number(length) < THRESHOLD) return;
    const vary = headers.get('Vary');
    if (!vary || !/accept-encoding|\*/i.test(vary))
      headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = negotiate(c.req.header('Accept-Encoding'));
    if (!encoding) return;
    const zip =
      encoding === 'br'
        ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
        : createGzip({ level: 6 });
    const body = Readable.fromWeb(res.body as unknown as NodeReadableStream).pipe(zip);
    c.res = new Response(Readable.toWeb(body) as unknown as ReadableStream, {
      status: res.status,
      statusText: res.statusText,
      headers,
    });
    // Set after the assignment: hono copies the replaced response's headers onto the new one, and
    // a Content-Length of the plain body would make browsers wait for bytes that never come.
    const out = c.res.headers;
    out.delete('Content-Length');
    out.set('Content-Encoding', encoding);
    // A strong validator names exact bytes: the encoded body's is a different one.
    const etag = out.get('ETag');
    if (etag && !etag.startsWith('W/')) out.set('ETag', `W/${etag}`);
  };
}
