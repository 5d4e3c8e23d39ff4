import { Type } from '@sinclair/typebox';
import { InboxExportQuery, InboxQuery, InboxQueues, InboxQueuesQuery } from '@motcua/api';
import { route, type AnyRoute } from '../http/route.ts';
import { AgencyCode } from '../http/schemas.ts';
import { CaseViewSchema } from '../cases/view.ts';
import { inboxPage } from './page.ts';
import { inboxQueues } from './queues-view.ts';
import { inboxExport } from './export.ts';
import { inboxEvents } from '../live/stream.ts';

export function inboxRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/agencies/{agencyCode}/inbox',
      operationId: 'getInbox',
      summary: 'Hồ sơ cần xử lý / Work queue of an agency',
      description:
        'Dossiers at the agency waiting for your roles (`queue`), assigned to you (`mine`), all open ones (`open`) or every dossier that has been through the agency (`passed`, newest arrival first), or one of the work queues (`queue=`). Queues are sorted by due time (not yet accepted: by submission). Pages follow `nextCursor`.',
      tags: ['inbox'],
      params: Type.Object({ agencyCode: AgencyCode }),
      query: InboxQuery,
      responses: {
        200: {
          description: 'A page',
          schema: Type.Object({
            items: Type.Array(CaseViewSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
      handler: (c, { params, query }) => inboxPage(c, params.agencyCode, query),
    }),
    route({
      method: 'get',
      path: '/api/v1/agencies/{agencyCode}/inbox/queues',
      operationId: 'getInboxQueues',
      summary: 'Các hàng hồ sơ và số lượng / Work queues with their counts',
      description:
        'The inbox\u2019s queues grouped by stage (reception, supplements, processing, results, monitoring), each with the number of dossiers in it now. List one with getInbox `queue=`.',
      tags: ['inbox'],
      params: Type.Object({ agencyCode: AgencyCode }),
      query: InboxQueuesQuery,
      responses: { 200: { description: 'The queues', schema: InboxQueues } },
      handler: (c, { params, query }) => inboxQueues(c, params.agencyCode, query),
    }),
    route({
      method: 'get',
      path: '/api/v1/agencies/{agencyCode}/inbox/export',
      operationId: 'exportInbox',
      summary: 'Xuất danh sách hồ sơ (CSV) / Export the inbox (CSV)',
      description:
        'Every dossier of the filtered view or queue (the filters of getInbox, no paging) as CSV in UTF-8 with a byte order mark; streamed, in the inbox\u2019s order.',
      tags: ['inbox'],
      params: Type.Object({ agencyCode: AgencyCode }),
      query: InboxExportQuery,
      responses: { 200: { description: 'CSV', contentType: 'text/csv' } },
      handler: (c, { params, query }) => inboxExport(c, params.agencyCode, query),
    }),
    route({
      method: 'get',
      path: '/api/v1/agencies/{agencyCode}/inbox/events',
      operationId: 'getInboxEvents',
      summary: 'Thay đổi hồ sơ theo thời gian thực / Live dossier changes',
      description:
        'Server-sent events (text/event-stream): `event: dossier` with a DossierChange for each change of a dossier at, leaving or received by the agency, from any server process; `event: ready` once listening.',
      tags: ['inbox'],
      params: Type.Object({ agencyCode: AgencyCode }),
      responses: { 200: { description: 'The event stream', contentType: 'text/event-stream' } },
      handler: (c, { params }) => inboxEvents(c, params.agencyCode),
    }),
  ];
}
