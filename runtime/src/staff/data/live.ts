import type { DossierChange } from '@motcua/api';

/** The part of EventSource the live watch uses (a test passes its own). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (e: MessageEvent) => void): void;
  close(): void;
  onerror: ((e: Event) => void) | null;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

export interface LiveOptions {
  /** The stream's address (getInboxEvents). */
  url: string;
  /** Absent where the browser has no EventSource: then polling only. */
  open?: EventSourceFactory;
  /** Looks for a change once (the fallback); resolves true when something changed since the last look. */
  poll: () => Promise<boolean>;
  pollMs: number;
  /** Called with the change, or without one when what is shown should be reloaded (after a gap). */
  onChange: (change?: DossierChange) => void;
  /** Failures in a row, without the stream ever answering, before falling back to polling. */
  maxFailures?: number;
  /** The first wait before reconnecting (ms); doubled after each failure, at most 30 s. */
  backoffMs?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

/**
 * Watches an agency's dossier changes: the server-sent event stream first (every server process
 * relays PostgreSQL's notifications), reconnecting with a growing wait after an error and asking
 * for a reload once it is back (changes may have been missed meanwhile). Where the stream never
 * answers (no EventSource, a proxy that buffers), it falls back to polling. Returns the stop.
 */
export function watchLive(o: LiveOptions): () => void {
  const set = o.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const clear = o.clearTimeout ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const maxFailures = o.maxFailures ?? 4;
  let stopped = false;
  let source: EventSourceLike | null = null;
  let timer: unknown = null;
  let failures = 0;
  let everReady = false;

  const startPolling = () => {
    const tick = async () => {
      if (stopped) return;
      try {
        if (await o.poll()) o.onChange();
      } catch {
        // a missed look is retried at the next tick
      }
      if (!stopped) timer = set(() => void tick(), o.pollMs);
    };
    void o.poll().catch(() => false);
    timer = set(() => void tick(), o.pollMs);
  };

  const connect = () => {
    if (stopped) return;
    if (!o.open) return startPolling();
    const es = (source = o.open(o.url));
    es.addEventListener('ready', () => {
      if (failures > 0 || everReady) o.onChange();
      failures = 0;
      everReady = true;
    });
    es.addEventListener('dossier', (e) => {
      try {
        o.onChange(JSON.parse(String(e.data)) as DossierChange);
      } catch {
        o.onChange();
      }
    });
    es.onerror = () => {
      if (stopped || source !== es) return;
      es.close();
      source = null;
      failures++;
      if (!everReady && failures >= maxFailures) return startPolling();
      const wait = Math.min(30_000, (o.backoffMs ?? 1_000) * 2 ** Math.min(failures - 1, 5));
      timer = set(connect, wait);
    };
  };
  connect();

  return () => {
    stopped = true;
    source?.close();
    source = null;
    if (timer !== null) clear(timer);
  };
}
