import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { inboxPage } from './page.ts';
import { inboxQueues } from './queues-view.ts';
import { inboxExport } from './export.ts';
import { inboxEvents } from '../live/stream.ts';

export function inboxRoutes(): Implementation[] {
  return [
    implement(contract.getInbox, (c, { params, query }) => inboxPage(c, params.agencyCode, query)),
    implement(contract.getInboxQueues, (c, { params, query }) => inboxQueues(c, params.agencyCode, query)),
    implement(contract.exportInbox, (c, { params, query }) => inboxExport(c, params.agencyCode, query)),
    implement(contract.getInboxEvents, (c, { params }) => inboxEvents(c, params.agencyCode)),
  ];
}
