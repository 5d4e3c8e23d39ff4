import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One text message; `id` is stable per notification so that the provider can drop a repeat. */
export interface SmsMessage {
  id: string;
  /** 84xxxxxxxxx */
  to: string;
  text: string;
}

/** An SMS gateway. `send` throws when the gateway did not take the message. */
export interface SmsProvider {
  describe: string;
  send(m: SmsMessage): Promise<void>;
}

/**
 * The HTTP gateway protocol: POST `{id, to, text}` as JSON with `Authorization: Bearer <token>`;
 * any 2xx is accepted, and the gateway must treat a repeated `id` as the message it already has
 * (an adapter in front of a carrier's brandname API keeps that promise).
 */
export function httpSmsProvider(config: { url: string; token: string }, timeoutMs = 10_000): SmsProvider {
  return {
    describe: new URL(config.url).origin,
    async send(m) {
      const res = await fetch(config.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.token}` },
        body: JSON.stringify(m),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status > 299) throw new Error(`SMS gateway: HTTP ${res.status}`);
    },
  };
}

/** Without a gateway (the demo): each message is written to a file named by its id. */
export function fileSmsProvider(dir: string): SmsProvider {
  return {
    describe: `files in ${dir}`,
    async send(m) {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${m.id.replace(/[^A-Za-z0-9.-]/g, '_')}.txt`), `To: ${m.to}\n\n${m.text}\n`);
    },
  };
}
