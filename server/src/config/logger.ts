import { pino, type Logger, type DestinationStream } from 'pino';

/**
 * Structured JSON logs (pino). Secrets never reach them: auth headers, cookies, passwords are redacted.
 * By default lines go to stdout asynchronously: lines logged while a write is in flight are written
 * together (one system call for many under load, instead of one each); pino flushes them on exit.
 */
export function createLogger(
  level: string,
  destination: DestinationStream = pino.destination({ dest: 1, sync: false }),
): Logger {
  return pino(
    {
      level,
      // pid: which process of a cluster wrote the line.
      base: { service: 'motcua', pid: process.pid },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-tracking-secret"]',
          '*.password',
          'password',
          'secret',
          '*.secret',
        ],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
