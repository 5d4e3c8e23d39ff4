import { Socket } from 'node:net';

/**
 * Makes a socket hand everything written to it in one go (synchronously and in the microtasks
 * that follow) to the kernel in ONE writev, instead of one write syscall each.
 *
 * postgres.js writes a query at once when its buffer reaches 1 KiB (and holds smaller ones until
 * setImmediate), so a pipelined transaction (`pipeline.ts`) with a few statements over 1 KiB went
 * out as one write each — and each write on loopback carries the kernel's TCP work for the
 * receiving side too: ~30 % of the server's CPU per dossier was in those syscalls. Corked until
 * the pending microtasks have run (process.nextTick), the same bytes leave in order in a single
 * writev; nothing waits for a later turn of the event loop.
 */
export function coalesceWrites(socket: Socket): Socket {
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let held = false;
  const release = () => {
    held = false;
    socket.uncork();
  };
  (socket as unknown as { write: (...args: unknown[]) => boolean }).write = (...args) => {
    if (!held && !socket.destroyed) {
      held = true;
      socket.cork();
      process.nextTick(release);
    }
    return write(...args);
  };
  return socket;
}

/** What postgres.js passes to its `socket` option (the parsed connection options). */
interface SocketOptions {
  host: string[];
  port: number[];
  path?: string | false;
}

/**
 * The `socket` option of postgres.js: connects a socket with coalesced writes where postgres.js would connect
 * its own (the Unix socket path, or host and port, rotating through several hosts as it does).
 * postgres.js writes its first message at once; node keeps it until the connection is up.
 */
export function coalescingSocketFactory(): (options: SocketOptions) => Socket {
  let next = 0;
  return (options) => {
    // (net's connect() resets an instance's `write`: wrap it after connecting.)
    if (options.path) return coalesceWrites(new Socket().connect(options.path));
    const i = next % options.port.length;
    next = i + 1;
    const host = options.host[i] ?? options.host[0]!;
    // postgres.js reads `host` for TLS's server name.
    return coalesceWrites(Object.assign(new Socket().connect(options.port[i]!, host), { host, port: options.port[i] }));
  };
}
