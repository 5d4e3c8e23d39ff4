import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Destination } from './worker.ts';
import type { OutboxMessage } from './queue.ts';
import type { WebhookConfig } from '../config/config.ts';
import { keepAlivePoster } from './http-post.ts';

export type { WebhookConfig };

/** Headers of a webhook request (lower case, as receivers read them). */
export const WEBHOOK_HEADERS = {
  delivery: 'x-motcua-delivery',
  event: 'x-motcua-event',
  timestamp: 'x-motcua-timestamp',
  signature: 'x-motcua-signature',
} as const;

/** `sha256=` + HMAC-SHA256 of `timestamp.body` (the timestamp inside lets receivers refuse replays). */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Checks a received signature in constant time (for receivers and the tests). */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const got = Buffer.from(signature);
  return expected.length === got.length && timingSafeEqual(expected, got);
}

/** The JSON body of a webhook request. */
export function webhookBody(m: OutboxMessage): string {
  return JSON.stringify({ id: m.id, type: `dossier.${m.event.kind}`, attempt: m.attempt, event: m.event });
}

/**
 * A signed webhook destination: a non-2xx answer (a redirect included) or no answer within
 * `timeoutMs` is a failure. One keep-alive connection serves the worker's requests one after another.
 */
export function webhookDestination(config: WebhookConfig, timeoutMs = 10_000, now = () => Date.now()): Destination {
  const poster = keepAlivePoster(config.url);
  const host = new URL(config.url).host;
  return {
    name: `webhook:${config.name}`,
    async deliver(m) {
      const body = webhookBody(m);
      const timestamp = String(Math.floor(now() / 1000));
      const status = await poster.post(
        {
          'content-type': 'application/json',
          [WEBHOOK_HEADERS.delivery]: String(m.id),
          [WEBHOOK_HEADERS.event]: `dossier.${m.event.kind}`,
          [WEBHOOK_HEADERS.timestamp]: timestamp,
          [WEBHOOK_HEADERS.signature]: webhookSignature(config.secret, timestamp, body),
        },
        body,
        timeoutMs,
      );
      if (status < 200 || status > 299) throw new Error(`HTTP ${status} from ${host}`);
    },
    close: () => poster.close(),
  };
}
