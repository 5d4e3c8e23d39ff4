import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { AppEnv } from './env.ts';

/** A request body as a node stream, with its declared media type. */
export interface RequestBody {
  contentType: string;
  /** null when the request has no body. */
  stream: Readable | null;
}

/**
 * The body of a request as a node stream. Behind @hono/node-server with a declared Content-Length
 * (checked by `bodyLimit`, and node's parser delivers no more) it is node's own IncomingMessage:
 * no web Request, no web stream and no conversion back are built for it. Otherwise (chunked
 * bodies counted by `bodyLimit`, in-process `app.request`) it is the web body, converted.
 */
export function requestBody(c: Context<AppEnv>): RequestBody {
  const contentType = c.req.header('content-type') ?? '';
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (
    incoming &&
    c.req.header('content-length') !== undefined &&
    c.req.header('transfer-encoding') === undefined &&
    !incoming.readableDidRead
  ) {
    return { contentType, stream: incoming };
  }
  const body = c.req.raw.body;
  return { contentType, stream: body ? Readable.fromWeb(body as import('node:stream/web').ReadableStream) : null };
}
