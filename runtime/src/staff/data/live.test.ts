import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DossierChange } from '@motcua/api';
import { watchLive, type EventSourceLike } from './live.ts';

class FakeSource implements EventSourceLike {
  readyState = 0;
  onerror: ((e: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((e: MessageEvent) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, l: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), l]);
  }
  emit(type: string, data = '') {
    for (const l of this.listeners.get(type) ?? []) l({ data } as MessageEvent);
  }
  fail() {
    this.onerror?.(new Event('error'));
  }
  close() {
    this.closed = true;
  }
}

/** Timers run by hand: the waits asked for are recorded. */
function clock() {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    waits: [] as number[],
    pending,
    setTimeout(fn: () => void, ms: number) {
      this.waits.push(ms);
      const h = { fn, ms };
      pending.push(h);
      return h;
    },
    clearTimeout(h: unknown) {
      const i = pending.indexOf(h as (typeof pending)[number]);
      if (i >= 0) pending.splice(i, 1);
    },
    runNext() {
      pending.shift()?.fn();
    },
  };
}

const change = { code: 'X-1', kind: 'claim' } as DossierChange;

test('changes from the stream reach the screen; after a gap it is told to reload', () => {
  const sources: FakeSource[] = [];
  const seen: (DossierChange | undefined)[] = [];
  const c = clock();
  const stop = watchLive({
    url: '/events',
    open: (url) => (sources.push(new FakeSource(url)), sources.at(-1)!),
    poll: async () => assert.fail('no polling while the stream works'),
    pollMs: 10_000,
    onChange: (ch) => seen.push(ch),
    setTimeout: (fn, ms) => c.setTimeout(fn, ms),
    clearTimeout: (h) => c.clearTimeout(h),
  });
  sources[0]!.emit('ready');
  assert.deepEqual(seen, [], 'the first ready is no change');
  sources[0]!.emit('dossier', JSON.stringify(change));
  assert.deepEqual(seen, [change]);
  // The connection drops: reconnect after a growing wait, then reload once it is back.
  sources[0]!.fail();
  assert.ok(sources[0]!.closed);
  assert.deepEqual(c.waits, [1_000]);
  c.runNext();
  sources[1]!.fail();
  assert.deepEqual(c.waits, [1_000, 2_000], 'the wait doubles');
  c.runNext();
  sources[2]!.emit('ready');
  assert.deepEqual(seen, [change, undefined], 'reload what is shown: changes may have been missed');
  sources[2]!.fail();
  assert.deepEqual(c.waits.at(-1), 1_000, 'a working stream starts the waits again');
  stop();
  assert.equal(c.pending.length, 0, 'stopping cancels the reconnection');
});

test('a stream that never answers gives way to polling; no EventSource: polling at once', async () => {
  const c = clock();
  const sources: FakeSource[] = [];
  let polls = 0;
  const seen: unknown[] = [];
  const stop = watchLive({
    url: '/events',
    open: (url) => (sources.push(new FakeSource(url)), sources.at(-1)!),
    poll: async () => ++polls > 2,
    pollMs: 10_000,
    onChange: (ch) => seen.push(ch ?? 'reload'),
    maxFailures: 3,
    setTimeout: (fn, ms) => c.setTimeout(fn, ms),
    clearTimeout: (h) => c.clearTimeout(h),
  });
  for (let i = 0; i < 3; i++) {
    sources.at(-1)!.fail();
    if (i < 2) c.runNext();
  }
  assert.equal(sources.length, 3);
  assert.equal(polls, 1, 'polling began with a first look');
  assert.equal(c.waits.at(-1), 10_000);
  c.runNext();
  await new Promise((r) => setImmediate(r));
  c.runNext();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(seen, ['reload'], 'a changed look asks for a reload');
  stop();

  let looked = 0;
  const stop2 = watchLive({
    url: '/events',
    poll: async () => (looked++, false),
    pollMs: 5_000,
    onChange: () => assert.fail('nothing changed'),
    setTimeout: (fn, ms) => c.setTimeout(fn, ms),
    clearTimeout: (h) => c.clearTimeout(h),
  });
  assert.equal(looked, 1);
  stop2();
});
