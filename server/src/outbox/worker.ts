import type { Logger } from 'pino';
import type { Executor } from '../db/client.ts';
import { claimDue, markDelivered, markFailed, type OutboxMessage } from './queue.ts';

/** Something the outbox delivers to. `deliver` throws when the receiver did not take the message. */
export interface Destination {
  name: string;
  deliver(message: OutboxMessage): Promise<void>;
  /** Drops what the destination holds open (idle keep-alive connections); called by the worker's `stop`. */
  close?(): void;
}

export interface WorkerOptions {
  db: Executor;
  destinations: readonly Destination[];
  log?: Pick<Logger, 'warn' | 'error'>;
  /** Idle polling interval (ms). */
  pollMs?: number;
  /** How long a claim is held; a dead worker's rows are due again after it. */
  leaseMs?: number;
  batch?: number;
  /** Attempts before a row goes to the dead-letter list. */
  maxAttempts?: number;
  /** The wait before attempt n+1 after n failures. */
  backoffMs?: (failures: number) => number;
}

/** Exponential backoff with a ceiling: 10 s, 20 s, 40 s … at most one hour. */
export const defaultBackoff = (failures: number): number => Math.min(3600_000, 10_000 * 2 ** (failures - 1));

export interface OutboxWorker {
  /** Claims and delivers due rows until none is left; returns how many were delivered. */
  drain(): Promise<number>;
  /** Runs `drain` now instead of at the next poll. */
  kick(): void;
  stop(): Promise<void>;
}

/**
 * The delivery loop. Every server process runs one: claims are disjoint (SKIP LOCKED), so
 * several processes share the work without delivering a row twice while its lease holds.
 * Delivery is at least once across a crash between the receiver's answer and the commit of
 * "delivered": each message carries its outbox id so receivers can drop a repeat.
 */
export function startOutboxWorker(options: WorkerOptions, autostart = true): OutboxWorker {
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const batch = options.batch ?? 50;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoffMs ?? defaultBackoff;
  const byName = new Map(options.destinations.map((d) => [d.name, d]));
  const names = [...byName.keys()];
  let stopped = false;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function deliverOne(m: OutboxMessage): Promise<boolean> {
    const dest = byName.get(m.destination)!;
    try {
      await dest.deliver(m);
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const last = m.attempt >= maxAttempts;
      await markFailed(options.db, m, error, last ? null : backoff(m.attempt));
      options.log?.warn(
        { outbox: m.id, destination: m.destination, attempt: m.attempt, error },
        'outbox delivery failed',
      );
      return false;
    }
    await markDelivered(options.db, m);
    return true;
  }

  async function drainOnce(): Promise<number> {
    let delivered = 0;
    for (;;) {
      if (stopped) return delivered;
      const claimed = await claimDue(options.db, names, batch, leaseMs);
      if (!claimed.length) return delivered;
      // Destinations in parallel, each one's messages in queue order.
      const groups = new Map<string, OutboxMessage[]>();
      for (const m of claimed) groups.set(m.destination, [...(groups.get(m.destination) ?? []), m]);
      const counts = await Promise.all(
        [...groups.values()].map(async (ms) => {
          let n = 0;
          for (const m of ms) if (await deliverOne(m)) n++;
          return n;
        }),
      );
      delivered += counts.reduce((a, b) => a + b, 0);
    }
  }

  function drain(): Promise<number> {
    running ??= drainOnce().finally(() => (running = null));
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      drain()
        .catch((err: unknown) => options.log?.error({ err }, 'outbox worker pass failed'))
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }
  if (autostart && names.length) schedule();

  return {
    drain,
    kick: () => void drain().catch((err: unknown) => options.log?.error({ err }, 'outbox worker pass failed')),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
      for (const d of options.destinations) d.close?.();
    },
  };
}
