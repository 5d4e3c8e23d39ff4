/** Reads a text/event-stream response message by message (tests of the live inbox). */
export interface SseMessage {
  event: string;
  data: string;
  id: string | null;
}

export interface SseReader {
  /** The next message (fails after `ms`). */
  next(ms?: number): Promise<SseMessage>;
  /** The next message, or null when none comes within `ms`. */
  nextWithin(ms: number): Promise<SseMessage | null>;
  close(): Promise<void>;
}

export function sseReader(res: Response): SseReader {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const ready: SseMessage[] = [];
  let pending: Promise<void> | null = null;

  const parse = () => {
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const m: SseMessage = { event: 'message', data: '', id: null };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const i = line.indexOf(':');
        const field = i < 0 ? line : line.slice(0, i);
        const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
        if (field === 'event') m.event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id') m.id = value;
      }
      if (data.length) {
        m.data = data.join('\n');
        ready.push(m);
      }
    }
  };
  const fill = () =>
    (pending ??= reader.read().then(({ value, done }) => {
      pending = null;
      if (done) throw new Error('the stream ended');
      buffer += decoder.decode(value, { stream: true });
      parse();
    }));

  async function nextWithin(ms: number): Promise<SseMessage | null> {
    const deadline = Date.now() + ms;
    while (!ready.length) {
      const left = deadline - Date.now();
      if (left <= 0) return null;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), left)));
      const r = await Promise.race([fill(), timeout]);
      clearTimeout(timer);
      if (r === 'timeout' && !ready.length) return null;
    }
    return ready.shift()!;
  }

  return {
    nextWithin,
    async next(ms = 5000) {
      const m = await nextWithin(ms);
      if (!m) throw new Error(`no event within ${ms} ms`);
      return m;
    },
    close: () => reader.cancel().catch(() => {}),
  };
}
