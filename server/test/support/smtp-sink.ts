import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface SmtpSink {
  url: string;
  /** Every message the server took, parsed, repeats included, in arrival order. */
  received: ParsedMail[];
  /** One per Message-ID (the first copy): what a deduplicating receiver keeps. */
  unique(): ParsedMail[];
  /**
   * When set, each message is recorded and the sink then waits for the promise before it answers
   * "250 OK": the sender does not know its message arrived (a test kills it in that window).
   */
  hold: ((mail: ParsedMail) => Promise<void>) | null;
  close(): Promise<void>;
}

/** A real SMTP server on loopback (no TLS, no auth) that parses what it is sent. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const sink: SmtpSink = {
    url: '',
    received,
    unique: () => received.filter((m, i) => received.findIndex((x) => x.messageId === m.messageId) === i),
    hold: null,
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          received.push(mail);
          if (sink.hold) await sink.hold(mail);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  // A sender killed mid-conversation resets its connection: expected, not a failure of the sink.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
