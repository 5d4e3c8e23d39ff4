import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

export interface Receiver {
  url: string;
  /** Every request, answered or not, in arrival order. */
  requests: Received[];
  /** The status to answer the n-th request (0-based); 204 unless set. */
  answer: (n: number, req: Received) => number;
  close(): Promise<void>;
}

/** A real HTTP receiver on loopback that records what arrives (webhooks, simulator callbacks). */
export async function startReceiver(): Promise<Receiver> {
  const requests: Received[] = [];
  const r: Receiver = { url: '', requests, answer: () => 204, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: Received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status: 0 };
      rec.status = r.answer(requests.length, rec);
      requests.push(rec);
      res.writeHead(rec.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  r.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return r;
}
