import type { ServerContext } from '../context.ts';
import { syncDestinations } from './queue.ts';
import { webhookDestination } from './webhook.ts';
import { startOutboxWorker, type Destination, type OutboxWorker } from './worker.ts';

/**
 * The destinations the configuration names (every process reads the same configuration), made
 * active in the database so that new events are queued for them, and this process's worker.
 */
export async function startOutbox(ctx: ServerContext, extra: readonly Destination[] = []): Promise<OutboxWorker> {
  const destinations = [...ctx.config.webhooks.map((w) => webhookDestination(w)), ...extra];
  await syncDestinations(
    ctx.db,
    destinations.map((d) => d.name),
  );
  return startOutboxWorker({
    db: ctx.db,
    destinations,
    log: ctx.log,
    pollMs: ctx.config.outbox.pollMs,
    leaseMs: ctx.config.outbox.leaseMs,
    maxAttempts: ctx.config.outbox.maxAttempts,
  });
}
