import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareApp } from '../../../../test/support/fake-context.ts';
import { bodyLimit, isBodyTooLarge } from './body-limit.ts';
import { errors } from '../../errors.ts';

function app() {
  const a = bareApp();
  a.use(
    '*',
    bodyLimit(() => 1000),
  );
  a.post('/x', async (c) => {
    const reader = c.req.raw.body!.getReader();
    let n = 0;
    let chunks = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        n += value.length;
        chunks++;
      }
    } catch (err) {
      if (isBodyTooLarge(err)) throw errors.tooLarge();
      throw err;
    }
    return c.json({ n, chunks });
  });
  return a;
}

function stream(sizes: number[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < sizes.length) controller.enqueue(new Uint8Array(sizes[i++]!));
      else controller.close();
    },
  });
}

test('a declared length over the limit is refused before reading', async () => {
  const res = await app().request('/x', {
    method: 'POST',
    body: new Uint8Array(1001),
    headers: { 'content-length': '1001' },
  });
  assert.equal(res.status, 413);
});

test('a chunked body stays a stream (chunk by chunk) and errors past the limit', async () => {
  const ok = await app().request('/x', {
    method: 'POST',
    body: stream([300, 300, 300]),
    duplex: 'half',
  } as RequestInit);
  assert.deepEqual(await ok.json(), { n: 900, chunks: 3 }, 'not buffered into one chunk');
  const big = await app().request('/x', { method: 'POST', body: stream([600, 600]), duplex: 'half' } as RequestInit);
  assert.equal(big.status, 413);
});
