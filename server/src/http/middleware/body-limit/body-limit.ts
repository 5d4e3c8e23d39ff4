import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env.ts';
import { errors } from '../../errors.ts';

/** Raised inside the body stream when more bytes arrive than allowed. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** True when `err` (or one of its causes) is a body-size overflow. */
export function isBodyTooLarge(err: unknown): boolean {
  for (let e = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++)
    if (e instanceof BodyTooLargeError) return true;
  return false;
}

/**
 * A request body limit that keeps the body a stream (Hono's own buffers chunked bodies in memory,
 * which would defeat streaming uploads): a declared Content-Length over the limit is refused at
 * once (413) — node's parser then delivers no more than that; otherwise the bytes are counted as
 * they flow and the stream errors past the limit. A declared length never touches the body here,
 * so @hono/node-server does not build a web Request for it (handlers may read node's stream).
 */
export function bodyLimit(maxFor: (c: Context<AppEnv>) => number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && !c.req.header('transfer-encoding')) {
      if (Number(declared) > maxFor(c)) throw errors.tooLarge();
      return next();
    }
    const body = c.req.raw.body;
    if (!body) return next();
    const max = maxFor(c);
    let seen = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > max) controller.error(new BodyTooLargeError(max));
          else controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
    return next();
  };
}
