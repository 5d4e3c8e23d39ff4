import { Type } from '@sinclair/typebox';
import { QUEUE_IDS } from '@motcua/core';
import { AgencyCode, Nullable, ProcedureCode } from './common.ts';
import { CaseView } from './cases.ts';
import { defineRoute } from './route.ts';

/** The roles whose work queues the inbox shows. */
export const QUEUE_ROLES = ['reception', 'specialist', 'leader'] as const;

export const InboxQuery = Type.Object(
  {
    view: Type.Optional(
      Type.Union([Type.Literal('queue'), Type.Literal('mine'), Type.Literal('open'), Type.Literal('passed')], {
        default: 'queue',
      }),
    ),
    queue: Type.Optional(
      Type.Union(
        QUEUE_IDS.map((q) => Type.Literal(q)),
        { description: 'One of the work queues (see getInboxQueues); replaces `view`' },
      ),
    ),
    scope: Type.Optional(
      Type.Union([Type.Literal('personal'), Type.Literal('unit')], {
        default: 'unit',
        description:
          'With `queue`: your own work (assigned to you, or unassigned for a role you hold) or the whole unit',
      }),
    ),
    role: Type.Optional(
      Type.Union(
        QUEUE_ROLES.map((r) => Type.Literal(r)),
        { description: 'Whose queue (default: every role you hold at the agency)' },
      ),
    ),
    status: Type.Optional(
      Type.String({ pattern: '^([1-9]|10)(,([1-9]|10))*$', description: 'Status codes, comma-separated' }),
    ),
    procedure: Type.Optional(ProcedureCode),
    field: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    channel: Type.Optional(Type.Union([Type.Literal('online'), Type.Literal('direct'), Type.Literal('postal')])),
    due: Type.Optional(
      Type.Union(
        [Type.Literal('overdue'), Type.Literal('soon'), Type.Literal('paused'), Type.Literal('supplement-expired')],
        {
          description:
            'overdue: past due now (derived, never stored); soon: due within `soonWorkingDays`; paused: clock stopped; supplement-expired: the applicant\u2019s time limit for a supplement passed',
        },
      ),
    ),
    soonWorkingDays: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 30, default: 1 })),
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Applicant name, ID number, phone or e-mail (whole words, accents ignored), or the start of a dossier code',
      }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 400 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const InboxPage = Type.Object({
  items: Type.Array(CaseView),
  nextCursor: Nullable(Type.String(), { description: 'The next page: send it back as `cursor`' }),
});

export const getInbox = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}/inbox',
  operationId: 'getInbox',
  summary: 'Hồ sơ cần xử lý / Work queue of an agency',
  description:
    'Dossiers at the agency waiting for your roles (`queue`), assigned to you (`mine`), all open ones (`open`) or every dossier that has been through the agency (`passed`, newest arrival first). Queues are sorted by due time (not yet accepted: by submission). Pages follow `nextCursor`.',
  tags: ['inbox'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode }),
  query: InboxQuery,
  responses: { 200: { description: 'A page', json: InboxPage } },
});

/** The inbox filters without paging: what an export takes. */
export const InboxExportQuery = Type.Omit(InboxQuery, ['cursor', 'limit'], { additionalProperties: false });

export const exportInbox = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}/inbox/export',
  operationId: 'exportInbox',
  summary: 'Xuất danh sách hồ sơ (CSV) / Export the inbox (CSV)',
  description:
    'Every dossier of the filtered view or queue (the filters of getInbox, no paging) as CSV in UTF-8 with a byte order mark, so that Excel opens Vietnamese text as it is; streamed, in the inbox’s order.',
  tags: ['inbox'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode }),
  query: InboxExportQuery,
  responses: { 200: { description: 'CSV', files: ['text/csv'] } },
});
