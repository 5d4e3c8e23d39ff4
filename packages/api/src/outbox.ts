import { Type, type Static } from '@sinclair/typebox';
import { AgencyCode, Instant, Items, Nullable, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

export const DeadLetter = Type.Object({
  id: Type.Integer({ minimum: 1, description: 'The outbox message (also sent as X-Motcua-Delivery)' }),
  destination: Type.String({ description: 'webhook:<name>, notify, …' }),
  dossierId: Uuid,
  code: Nullable(Type.String()),
  seq: Type.Integer({ minimum: 1 }),
  kind: Type.String({ description: 'The event kind' }),
  attempts: Type.Integer({ minimum: 0 }),
  lastError: Nullable(Type.String()),
  deadAt: Instant,
});
export type DeadLetter = Static<typeof DeadLetter>;

const agencyParams = Type.Object({ agencyCode: AgencyCode });

export const listDeadLetters = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}/outbox/dead-letters',
  operationId: 'listDeadLetters',
  summary: 'Tin tích hợp gửi không thành công / Integration messages that could not be delivered',
  description:
    'Outbox messages (webhooks, notifications) of dossiers received in the agency\u2019s subtree that failed every attempt, newest first.',
  tags: ['outbox'],
  auth: 'staff',
  params: agencyParams,
  query: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) }),
  responses: { 200: { description: 'Dead letters', json: Items(DeadLetter) } },
});

export const replayDeadLetters = defineRoute({
  method: 'post',
  path: '/api/v1/agencies/{agencyCode}/outbox/dead-letters/replay',
  operationId: 'replayDeadLetters',
  summary: 'Gửi lại tin tích hợp / Send dead letters again',
  description:
    'Queues the given dead letters again with fresh attempts. Ids that are not dead letters of the agency\u2019s subtree are left out of `replayed`.',
  tags: ['outbox'],
  auth: 'staff',
  params: agencyParams,
  body: {
    json: Type.Object(
      {
        // An id past 2^53 is no exact JSON number, and past the database's bigint a failed query.
        ids: Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), {
          minItems: 1,
          maxItems: 500,
          uniqueItems: true,
        }),
      },
      { additionalProperties: false },
    ),
  },
  responses: {
    200: { description: 'Queued again', json: Type.Object({ replayed: Type.Array(Type.Integer({ minimum: 1 })) }) },
  },
});
