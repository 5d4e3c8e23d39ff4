import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

/** One plain-text e-mail. `messageId` is stable per notification: a repeat carries the same one. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

export interface Mailer {
  /** Where mail goes, for the start-up log (never a password). */
  describe: string;
  /** The domain of the From address, for Message-IDs. */
  domain: string;
  send(m: MailMessage): Promise<void>;
  close(): void;
}

const domainOf = (from: string) => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';

/** Mail over SMTP (nodemailer); the URL carries host, port, TLS and credentials. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  const u = new URL(url);
  return {
    describe: `${u.protocol}//${u.host}`,
    domain: domainOf(from),
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId });
    },
    close: () => transport.close(),
  };
}

/**
 * Without SMTP (the demo): each message is written as an .eml file named by its Message-ID, so a
 * repeat overwrites its first copy. Each file is logged (its path and subject, no address), so that
 * the demo's console shows the mail a change or the staff digest produced.
 */
export function fileMailer(dir: string, from: string, log?: Pick<Logger, 'info'>): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: `files in ${dir}`,
    domain: domainOf(from),
    async send(m) {
      const info = await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId: m.messageId,
      });
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${m.messageId.replace(/[^A-Za-z0-9.@-]/g, '_')}.eml`);
      await writeFile(file, info.message as Buffer);
      log?.info({ file, subject: m.subject }, 'e-mail written to a file (no SMTP server configured)');
    },
    close: () => transport.close(),
  };
}
