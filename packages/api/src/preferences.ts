import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from './common.ts';
import { defineRoute } from './route.ts';

/** The most a staff member's preferences may weigh, as JSON text (bytes of UTF-8). */
export const PREFERENCES_MAX_BYTES = 16_384;

const Scope = Type.Union([Type.Literal('personal'), Type.Literal('unit')]);

/** A named view of the inbox: a queue, a scope and the search fields. */
export const SavedInboxFilter = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
    queue: Type.String({ pattern: '^[a-z][a-z0-9-]{0,59}$', description: 'A work queue id (see getInboxQueues)' }),
    scope: Scope,
    q: Type.Optional(Type.String({ maxLength: 200 })),
    channel: Type.Optional(Type.Union([Type.Literal('online'), Type.Literal('direct'), Type.Literal('postal')])),
    procedure: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type SavedInboxFilter = Static<typeof SavedInboxFilter>;

export const StaffPreferences = Type.Object(
  {
    savedFilters: Type.Array(SavedInboxFilter, {
      maxItems: 30,
      description: 'Saved inbox filters, most recent first; names are unique',
    }),
    columns: Nullable(
      Type.Array(Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9-]{0,39}$' }), { maxItems: 40, uniqueItems: true }),
      { description: 'The inbox columns shown, by id; null: the default set' },
    ),
  },
  { additionalProperties: false },
);
export type StaffPreferences = Static<typeof StaffPreferences>;

export const getMyPreferences = defineRoute({
  method: 'get',
  path: '/api/v1/me/preferences',
  operationId: 'getMyPreferences',
  summary: 'Tùy chọn của tôi / My preferences',
  description: 'The signed-in staff member\u2019s saved inbox filters and column choice (defaults until first saved).',
  tags: ['auth'],
  auth: 'staff',
  responses: { 200: { description: 'The preferences', json: StaffPreferences } },
});

export const putMyPreferences = defineRoute({
  method: 'put',
  path: '/api/v1/me/preferences',
  operationId: 'putMyPreferences',
  summary: 'Lưu tùy chọn của tôi / Save my preferences',
  description: `Replaces them whole. At most ${PREFERENCES_MAX_BYTES} bytes as JSON; saved filter names must be unique.`,
  tags: ['auth'],
  auth: 'staff',
  body: { json: StaffPreferences },
  responses: {
    200: { description: 'Saved, as stored', json: StaffPreferences },
    400: { description: 'Invalid preferences (issues point into them), or two saved filters of one name' },
    413: { description: `Larger than ${PREFERENCES_MAX_BYTES} bytes as JSON` },
  },
});
