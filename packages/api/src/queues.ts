import { Type } from '@sinclair/typebox';
import { QUEUE_IDS, QUEUE_STAGES } from '@motcua/core';
import { AgencyCode, Instant, Message } from './common.ts';
import { defineRoute } from './route.ts';

export const QueueScope = Type.Union([Type.Literal('personal'), Type.Literal('unit')], {
  description:
    'personal: your own work (assigned to you, or unassigned and waiting for a role you hold); unit: the whole agency',
});

export const InboxQueuesQuery = Type.Object(
  {
    scope: Type.Optional(Type.Union([Type.Literal('personal'), Type.Literal('unit')], { default: 'unit' })),
    soonWorkingDays: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, maximum: 30, default: 1, description: 'The "due soon" horizon' }),
    ),
  },
  { additionalProperties: false },
);

export const InboxQueue = Type.Object({
  id: Type.Union(QUEUE_IDS.map((q) => Type.Literal(q))),
  title: Message,
  count: Type.Integer({ minimum: 0 }),
});

export const InboxQueues = Type.Object({
  agency: AgencyCode,
  scope: QueueScope,
  at: Instant,
  stages: Type.Array(
    Type.Object({
      stage: Type.Union(QUEUE_STAGES.map((s) => Type.Literal(s))),
      title: Message,
      queues: Type.Array(InboxQueue),
    }),
  ),
});

export const getInboxQueues = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}/inbox/queues',
  operationId: 'getInboxQueues',
  summary: 'Các hàng hồ sơ và số lượng / Work queues with their counts',
  description:
    'The inbox\u2019s queues grouped by stage (reception, supplements, processing, results, monitoring), each with the number of dossiers in it now. List one with getInbox `queue=`.',
  tags: ['inbox'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode }),
  query: InboxQueuesQuery,
  responses: { 200: { description: 'The queues', json: InboxQueues } },
});
