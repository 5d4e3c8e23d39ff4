import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Limits on slow clients, so that stalled connections cannot hold the server's sockets (Node's
 * defaults: no idle limit, 300 s for a whole request): headers must arrive within `headersMs`; a
 * connection that sends nothing for `idleMs` (a stalled upload included) is closed; a whole
 * request, uploads too, must finish within `requestMs` — with the body limit this is a minimum
 * upload rate (100 MB in 10 minutes ≈ 170 KB/s).
 *
 * The idle limit waits on the client only: once a request has arrived whole, the socket's timer stops
 * until the response is sent (then the keep-alive limit applies) — a server slow to answer (a large report, a loaded machine) must not
 * cut the connection of a client who did nothing wrong.
 */
export interface Timeouts {
  headersMs: number;
  idleMs: number;
  requestMs: number;
  keepAliveMs: number;
}

export function applyTimeouts(server: Server, t: Timeouts): void {
  server.headersTimeout = t.headersMs;
  server.requestTimeout = t.requestMs;
  server.keepAliveTimeout = t.keepAliveMs;
  server.setTimeout(t.idleMs, (socket) => socket.destroy());
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    // Receiving, on a new connection or a reused one: the client must keep sending.
    socket.setTimeout(t.idleMs);
    // Answering: no idle limit; after the answer, Node's keep-alive limit takes over.
    req.once('end', () => {
      if (!res.writableFinished) socket.setTimeout(0);
    });
  });
}
