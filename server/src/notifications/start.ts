import { join } from 'node:path';
import type { ServerContext } from '../context.ts';
import { configuredBaseUrl } from '../http/base-url.ts';
import type { Destination } from '../outbox/worker.ts';
import { fileMailer, smtpMailer, type Mailer } from './mailer.ts';
import { fileSmsProvider, httpSmsProvider, type SmsProvider } from './sms.ts';
import { emailDestination, smsDestination } from './destinations.ts';
import { digestJob } from './digest-job.ts';

export interface Notifications {
  mailer: Mailer;
  sms: SmsProvider;
  /** The outbox destinations of applicants' notifications (e-mail, SMS). */
  destinations: Destination[];
  /** Sends the day's staff digests now if their hour has come (the timer calls it every minute). */
  runDigest(): Promise<number>;
  stop(): void;
}

/**
 * The channels the configuration names — SMTP and the SMS gateway, or files under the data
 * directory when unset (the demo) — and the staff digest's timer (`autostart`).
 */
export function startNotifications(
  ctx: ServerContext,
  channels: { mailer?: Mailer; sms?: SmsProvider } = {},
  autostart = true,
): Notifications {
  const n = ctx.config.notifications;
  const mailer =
    channels.mailer ??
    (n.smtpUrl ? smtpMailer(n.smtpUrl, n.mailFrom) : fileMailer(join(ctx.config.dataDir, 'mail'), n.mailFrom, ctx.log));
  const sms = channels.sms ?? (n.sms ? httpSmsProvider(n.sms) : fileSmsProvider(join(ctx.config.dataDir, 'sms')));
  const digest =
    n.digestHour === null
      ? null
      : digestJob({
          db: ctx.db,
          clock: ctx.clock,
          agencies: () => ctx.agencies.get(),
          mailer,
          timeZone: ctx.config.timeZone,
          hour: n.digestHour,
          workspaceUrl: `${configuredBaseUrl(ctx.config)}/staff/`,
          log: ctx.log,
        });
  const runDigest = async () => (digest ? digest.run() : 0);
  let timer: NodeJS.Timeout | null = null;
  if (autostart && digest) {
    timer = setInterval(
      () => void runDigest().catch((err: unknown) => ctx.log.warn({ err }, 'staff digest pass failed')),
      60_000,
    );
    timer.unref();
  }
  return {
    mailer,
    sms,
    destinations: [emailDestination(ctx, mailer), smsDestination(ctx, sms)],
    runDigest,
    stop: () => {
      if (timer) clearInterval(timer);
      mailer.close();
    },
  };
}
