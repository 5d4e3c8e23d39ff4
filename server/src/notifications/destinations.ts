import { notificationKind } from '@motcua/core';
import type { ServerContext } from '../context.ts';
import { trackingPageUrl } from '../slips/tracking-link.ts';
import type { Destination } from '../outbox/worker.ts';
import type { OutboxMessage } from '../outbox/queue.ts';
import type { Mailer } from './mailer.ts';
import type { SmsProvider } from './sms.ts';
import { notificationFor } from './messages.ts';

/** Outbox destination names (the migration's trigger queues events for them only when chosen). */
export const NOTIFY_EMAIL = 'notify:email';
export const NOTIFY_SMS = 'notify:sms';

type Ctx = Pick<ServerContext, 'db' | 'agencies' | 'config'>;

/**
 * What the outbox row's event calls for: the message and the applicant's contacts (null: nothing).
 * Most events call for none (an online submission, a claim, a forward): core says so from the
 * claimed event itself, without reading the dossier and its procedure.
 */
async function notificationOf(ctx: Ctx, m: OutboxMessage) {
  if (!notificationKind(m.record)) return null;
  return notificationFor(ctx.db, await ctx.agencies.get(), trackingPageUrl(ctx.config), m.event.dossierId, m.event.seq);
}

/**
 * The applicant's e-mail as an outbox destination. Delivery is at least once: a worker that dies
 * after the SMTP server took the message but before "delivered" commits sends it again when its
 * lease ends — with the same Message-ID (one per outbox row), by which the receiving side (and the
 * tests' sink) drops the repeat. Events that call for no message are delivered as nothing.
 */
export function emailDestination(ctx: Ctx, mailer: Mailer): Destination {
  return {
    name: NOTIFY_EMAIL,
    async deliver(m) {
      const found = await notificationOf(ctx, m);
      if (!found?.contacts.email) return;
      await mailer.send({
        to: found.contacts.email,
        subject: found.notification.subject,
        text: found.notification.text,
        messageId: `<motcua.notify.${m.id}@${mailer.domain}>`,
      });
    },
  };
}

/** The applicant's SMS: the same at-least-once rule, the outbox row's id as the gateway's message id. */
export function smsDestination(ctx: Ctx, sms: SmsProvider): Destination {
  return {
    name: NOTIFY_SMS,
    async deliver(m) {
      const found = await notificationOf(ctx, m);
      if (!found?.contacts.phone) return;
      await sms.send({ id: `motcua-notify-${m.id}`, to: found.contacts.phone, text: found.notification.sms });
    },
  };
}
