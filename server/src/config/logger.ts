import { pino, type Logger, type DestinationStream } from 'pino';

/** Structured JSON logs (pino). Secrets never reach them: auth headers, cookies, passwords are redacted. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'motcua' },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-tracking-secret"]', '*.password', 'password', 'secret', '*.secret'],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
