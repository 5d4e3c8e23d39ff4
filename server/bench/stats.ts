/** Throughput and latency percentiles of a timed run. */
export interface RunStats {
  count: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * Runs `op` from `clients` concurrent loops for `seconds` (after `warmup` seconds not counted);
 * returns completions per second and latency percentiles in milliseconds.
 */
export async function timed(
  clients: number,
  seconds: number,
  warmup: number,
  op: (client: number, i: number) => Promise<boolean>,
  /** Called when the measured window opens and closes (e.g. CPU snapshots). */
  window: { open?: () => void; close?: () => void } = {},
): Promise<RunStats> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const measureFrom = start + warmup * 1000;
  const end = measureFrom + seconds * 1000;
  // Each hook runs exactly once: a timer that has not fired when the last client stops (a loaded
  // event loop runs timers late) is run then.
  let opened = false;
  let closed = false;
  const open = () => void (opened || ((opened = true), window.open?.()));
  const close = () => void (closed || ((closed = true), open(), window.close?.()));
  const timers = [setTimeout(open, warmup * 1000), setTimeout(close, (warmup + seconds) * 1000)];
  let counter = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const ok = await op(client, counter++);
        const t1 = performance.now();
        if (t0 >= measureFrom && t1 <= end) {
          if (ok) latencies.push(t1 - t0);
          else errors++;
        }
      }
    }),
  );
  for (const t of timers) clearTimeout(t);
  close();
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
