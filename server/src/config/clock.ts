/** The server's notion of "now" (epoch ms). Injected everywhere so tests can pin the date. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that starts at `start` and then runs in real time (test processes, MOTCUA_FAKE_NOW). */
export function offsetClock(start: number): Clock {
  const base = Date.now();
  return { now: () => start + (Date.now() - base) };
}

/** A clock a test moves by hand. */
export interface ManualClock extends Clock {
  set(instant: number): void;
  advance(ms: number): void;
}

export function manualClock(start: number): ManualClock {
  let t = start;
  return { now: () => t, set: (i) => void (t = i), advance: (ms) => void (t += ms) };
}
