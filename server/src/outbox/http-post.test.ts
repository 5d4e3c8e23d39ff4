import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { keepAlivePoster } from './http-post.ts';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}
const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

test('posts one after another over one kept-alive connection; close drops it', async () => {
  const bodies: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    sockets.add(req.socket);
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      bodies.push(`${req.headers['x-test']} ${req.headers['content-length']} ${body}`);
      res.writeHead(bodies.length === 3 ? 503 : 204).end();
    });
  });
  const poster = keepAlivePoster(await listen(server));
  try {
    const statuses: number[] = [];
    for (const text of ['mot', 'hai', 'ba'])
      statuses.push(await poster.post({ 'x-test': text, 'content-type': 'text/plain' }, `«${text}»`, 1000));
    assert.deepEqual(statuses, [204, 204, 503]);
    assert.deepEqual(bodies, ['mot 7 «mot»', 'hai 7 «hai»', 'ba 6 «ba»'], 'content-length in bytes');
    assert.equal(sockets.size, 1, 'one connection for the three requests');
    const socket = [...sockets][0]!;
    const closed = new Promise((resolve) => socket.once('close', resolve));
    poster.close();
    await closed;
  } finally {
    poster.close();
    await closeServer(server);
  }
});

test('no answer within the timeout is a failure', async () => {
  const server = createServer(() => {
    // never answers
  });
  const poster = keepAlivePoster(await listen(server));
  try {
    const t0 = performance.now();
    await assert.rejects(poster.post({}, '{}', 150), /no answer within 150 ms/);
    assert.ok(performance.now() - t0 < 2000);
  } finally {
    poster.close();
    await closeServer(server);
  }
});

test('a kept-alive connection the receiver drops before answering is replaced once', async () => {
  const answered: string[] = [];
  let first: Socket | null = null;
  let onFirst = 0;
  const server = createServer((req, res) => {
    first ??= req.socket;
    // The first connection answers once, then resets at the next request on it: to the client,
    // what a receiver closing an idle connection just as it is reused looks like.
    if (req.socket === first && ++onFirst === 2) {
      req.socket.resetAndDestroy();
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      answered.push(body);
      res.writeHead(200).end();
    });
  });
  const poster = keepAlivePoster(await listen(server));
  try {
    for (const body of ['a', 'b', 'c']) assert.equal(await poster.post({}, body, 1000), 200);
    assert.deepEqual(answered, ['a', 'b', 'c']);
    assert.equal(onFirst, 2);
  } finally {
    poster.close();
    await closeServer(server);
  }
});

test('a fresh connection reset is a failure, not tried again', async () => {
  let requests = 0;
  const server = createServer((req) => {
    requests++;
    req.socket.resetAndDestroy();
  });
  const poster = keepAlivePoster(await listen(server));
  try {
    await assert.rejects(poster.post({}, 'x', 1000), /ECONNRESET|socket hang up/);
    assert.equal(requests, 1);
  } finally {
    poster.close();
    await closeServer(server);
  }
});
