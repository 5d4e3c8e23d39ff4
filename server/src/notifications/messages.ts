import { sql } from 'drizzle-orm';
import {
  renderNotification,
  type DossierEvent,
  type LocalizedText,
  type Notification,
  type NotifyContacts,
} from '@motcua/core';
import { execute, type Executor } from '../db/client.ts';
import type { AgencySnapshot } from '../agency-directory/cache.ts';

interface Row extends Record<string, unknown> {
  event: DossierEvent;
  notify: NotifyContacts | null;
  code: string | null;
  receiving_agency: string;
  title: LocalizedText;
}

/** The applicant's tracking page opened on the dossier: the code in the fragment, the secret typed. */
export function dossierTrackingUrl(pageUrl: string, code: string): string {
  const url = new URL(pageUrl);
  url.hash = new URLSearchParams({ 'motcua-code': code }).toString();
  return url.toString();
}

/**
 * The notification one dossier event calls for, with where it goes: null when the applicant chose
 * no such channel or core says the event is not worth a message.
 */
export async function notificationFor(
  db: Executor,
  agencies: AgencySnapshot,
  trackingPage: string,
  dossierId: string,
  seq: number,
): Promise<{ contacts: NotifyContacts; notification: Notification } | null> {
  const [row] = await execute<Row>(
    db,
    sql`select e.event, d.notify, d.code, d.receiving_agency, v.definition -> 'title' as title
          from dossier_events e join dossiers d on d.id = e.dossier_id
               join procedure_versions v on v.code = d.procedure_code and v.version = d.procedure_version
         where e.dossier_id = ${dossierId} and e.seq = ${seq}`,
  );
  if (!row?.notify || !row.code) return null;
  const agency = agencies.records.get(row.receiving_agency);
  const notification = renderNotification(
    row.event,
    {
      code: row.code,
      procedureName: row.title,
      agencyName: agency?.name ?? { vi: row.receiving_agency },
      timeZone: agencies.timeZoneOf(row.receiving_agency),
      trackingUrl: dossierTrackingUrl(trackingPage, row.code),
    },
    row.notify.lang,
  );
  return notification ? { contacts: row.notify, notification } : null;
}
