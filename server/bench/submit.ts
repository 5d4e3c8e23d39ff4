import { randomUUID } from 'node:crypto';
import { request, type Agent } from 'node:http';

/** A multipart submission encoded once, with its content type: a run's client cost is then a write. */
export interface EncodedBody {
  type: string;
  bytes: Buffer;
}

export async function encodeForm(form: FormData): Promise<EncodedBody> {
  const encoded = new Response(form);
  return { type: encoded.headers.get('content-type')!, bytes: Buffer.from(await encoded.arrayBuffer()) };
}

/**
 * One online submission to the server at `port` over a kept-alive connection of `agent`, a fresh
 * Idempotency-Key each: node:http is a cheap client, so the server gets the CPU. True on 201.
 */
export function postSubmission(port: number, agent: Agent, procedure: string, body: EncodedBody): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/public/procedures/${procedure}/dossiers`,
        agent,
        headers: { 'content-type': body.type, 'content-length': body.bytes.length, 'idempotency-key': randomUUID() },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 201));
        res.on('error', () => resolve(false));
      },
    );
    req.on('error', () => resolve(false));
    req.end(body.bytes);
  });
}
