import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** A keep-alive HTTP(S) client for one origin: `post` answers the status, `close` drops idle sockets. */
export interface Poster {
  post(headers: Record<string, string>, body: string, timeoutMs: number): Promise<number>;
  close(): void;
}

/**
 * Idle sockets are dropped after this long: below the 5 s keep-alive of Node's own servers and
 * of most proxies, so a request is seldom written to a socket the receiver is closing.
 */
const IDLE_MS = 4_000;

/**
 * POSTs to `url` over node:http with a keep-alive agent. A delivery worker posts one request after
 * another, and fetch's WHATWG machinery (Request, Headers, streams, an AbortSignal each) cost the
 * process several times the CPU of a plain request — CPU taken from the intake on the same cores.
 * Redirects are not followed (a 3xx is an answer like any other non-2xx). A request that fails on
 * a reused idle socket before any answer (the receiver closed it meanwhile, so it never read the
 * request) is written once more on a new socket, as Node's documentation advises.
 */
export function keepAlivePoster(url: string): Poster {
  const target = new URL(url);
  const https = target.protocol === 'https:';
  const agent = https
    ? new HttpsAgent({ keepAlive: true, timeout: IDLE_MS, maxSockets: 4 })
    : new HttpAgent({ keepAlive: true, timeout: IDLE_MS, maxSockets: 4 });
  const send = https ? httpsRequest : httpRequest;

  function once(headers: Record<string, string>, body: string, timeoutMs: number, fresh: boolean) {
    return new Promise<number>((resolve, reject) => {
      const req = send(target, {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      });
      const timer = setTimeout(
        () => req.destroy(new Error(`no answer within ${timeoutMs} ms from ${target.host}`)),
        timeoutMs,
      );
      let answered = false;
      req.on('response', (res: IncomingMessage) => {
        answered = true;
        res.on('error', () => {}); // seen by 'close' below
        res.on('end', () => {
          clearTimeout(timer);
          resolve(res.statusCode ?? 0);
        });
        res.on('close', () => {
          clearTimeout(timer);
          if (!res.complete) reject(new Error(`answer cut off by ${target.host}`));
        });
        res.resume();
      });
      req.on('error', (err) => {
        clearTimeout(timer);
        if (!answered && !fresh && req.reusedSocket && (err as NodeJS.ErrnoException).code === 'ECONNRESET')
          resolve(once(headers, body, timeoutMs, true));
        else reject(err);
      });
      req.end(body);
    });
  }

  return {
    post: (headers, body, timeoutMs) => once(headers, body, timeoutMs, false),
    close: () => agent.destroy(),
  };
}
