import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface SmtpSink {
  url: string;
  /** Every message the server took, parsed, repeats included, in arrival order. */
  received: ParsedMail[];
  /** One per Message-ID (the first copy): what a deduplicating receiver keeps. */
  unique(): ParsedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on loopback (no TLS, no auth) that parses what it is sent. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    unique: () => received.filter((m, i) => received.findIndex((x) => x.messageId === m.messageId) === i),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
