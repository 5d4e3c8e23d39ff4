import type { Server } from 'node:http';

/**
 * Limits on slow clients, so that stalled connections cannot hold the server's sockets (Node's
 * defaults: no idle limit, 300 s for a whole request): headers must arrive within `headersMs`; a
 * connection that sends nothing for `idleMs` (a stalled upload included) is closed; a whole
 * request, uploads too, must finish within `requestMs` — with the body limit this is a minimum
 * upload rate (100 MB in 10 minutes ≈ 170 KB/s).
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
}
