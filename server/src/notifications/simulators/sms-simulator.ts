import { loopback } from '../../payments/simulators/http.ts';
import type { SmsMessage } from '../sms.ts';

export interface SmsSimulator {
  url: string;
  token: string;
  /** The messages it took, each id once, in arrival order. */
  messages: SmsMessage[];
  /** Every accepted request, repeats included. */
  requests: number;
  /** Answer the next `n` requests with 503 (a gateway outage). */
  failNext(n: number): void;
  close(): Promise<void>;
}

/**
 * A local SMS gateway on 127.0.0.1 speaking the protocol of `httpSmsProvider`: it checks the token,
 * refuses malformed messages and keeps one copy per id, as a real gateway's deduplication does.
 */
export async function startSmsSimulator(token = 'sms-simulator-token'): Promise<SmsSimulator> {
  let failing = 0;
  const sim: Omit<SmsSimulator, 'url' | 'close'> = {
    token,
    messages: [],
    requests: 0,
    failNext: (n) => void (failing = n),
  };
  const server = await loopback(async (req, url, body, res) => {
    if (req.method !== 'POST' || url.pathname !== '/sms') return void res.writeHead(404).end();
    if (req.headers.authorization !== `Bearer ${token}`) return void res.writeHead(401).end();
    if (failing > 0) {
      failing--;
      return void res.writeHead(503).end();
    }
    let m: Partial<SmsMessage>;
    try {
      m = JSON.parse(body) as Partial<SmsMessage>;
    } catch {
      return void res.writeHead(400).end('not JSON');
    }
    if (typeof m.id !== 'string' || typeof m.text !== 'string' || !/^84\d{9}$/.test(String(m.to)))
      return void res.writeHead(400).end('id, to (84…), text');
    sim.requests++;
    const repeat = sim.messages.some((x) => x.id === m.id);
    if (!repeat) sim.messages.push({ id: m.id, to: m.to!, text: m.text });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: m.id, duplicate: repeat }));
  });
  return Object.assign(sim, { url: `${server.url}/sms`, close: server.close });
}
