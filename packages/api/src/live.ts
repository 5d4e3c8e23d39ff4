import { Type, type Static } from '@sinclair/typebox';
import { AgencyCode, DossierCode, Instant, Nullable, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

/**
 * One change of a dossier, as the live stream tells it: enough to update a row or a count, or to
 * decide to reload; never personal data (a client reads the dossier for that).
 */
export const DossierChange = Type.Object({
  dossierId: Uuid,
  code: Nullable(DossierCode),
  /** The event that changed it (submit for a new dossier, claim, forward, approve…). */
  kind: Type.String(),
  seq: Type.Integer({ minimum: 1, description: 'The event\u2019s sequence number in the dossier' }),
  status: Type.Integer({ minimum: 1, maximum: 10 }),
  closed: Type.Boolean(),
  /** The agencies concerned: where it is now, where it was, the receiving agency. */
  agencies: Type.Array(AgencyCode),
  location: Type.Object({
    agency: AgencyCode,
    role: Type.String(),
    assignee: Nullable(Uuid),
    assigneeName: Nullable(Type.String()),
  }),
  actor: Type.Object({ id: Nullable(Type.String()), name: Nullable(Type.String()), kind: Type.String() }),
  at: Instant,
});

export type DossierChange = Static<typeof DossierChange>;

export const getInboxEvents = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}/inbox/events',
  operationId: 'getInboxEvents',
  summary: 'Thay đổi hồ sơ theo thời gian thực / Live dossier changes',
  description:
    'A server-sent event stream (text/event-stream) of the changes of dossiers at, leaving or received by the agency, whichever server process recorded them: `event: dossier` with a DossierChange as `data`; `event: ready` once listening; a comment line every 20 s keeps proxies from closing it. Reconnect after an error (EventSource does) and reload what is shown.',
  tags: ['inbox'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode }),
  responses: { 200: { description: 'The event stream', files: ['text/event-stream'] } },
});
