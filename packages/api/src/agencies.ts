import { Type, type Static } from '@sinclair/typebox';
import { AgencyCode, CalendarId, Items, LocalizedText, Nullable, Ok, StoredText } from './common.ts';
import { CalendarRef } from './components.ts';
import { defineRoute } from './route.ts';

export const AgencyView = Type.Object({
  code: Type.String(),
  name: LocalizedText,
  kind: Type.String(),
  parent: Nullable(Type.String()),
  calendarId: Type.String(),
  timeZone: Type.String(),
  active: Type.Boolean(),
  successor: Nullable(Type.String()),
  revision: Type.Integer(),
});
export type AgencyView = Static<typeof AgencyView>;

export const AgencyKind = Type.Object({ id: Type.String(), title: StoredText, level: Type.Integer() });

export const CalendarView = Type.Object({
  id: Type.String(),
  name: LocalizedText,
  owner: Nullable(Type.String()),
  revision: Type.Integer(),
  calendar: CalendarRef,
});
export type CalendarView = Static<typeof CalendarView>;

export const AgencyHistoryEntry = Type.Object({
  at: Type.String(),
  change: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  reason: Nullable(Type.String()),
});

const agencyParams = Type.Object({ agencyCode: AgencyCode });
const Reason = Type.String({ maxLength: 1000 });

export const listAgencyKinds = defineRoute({
  method: 'get',
  path: '/api/v1/agency-kinds',
  operationId: 'listAgencyKinds',
  summary: 'Loại cơ quan / Agency kinds',
  tags: ['agencies'],
  auth: 'public',
  responses: { 200: { description: 'Kinds (data of the province)', json: Items(AgencyKind) } },
});

export const listAgencies = defineRoute({
  method: 'get',
  path: '/api/v1/agencies',
  operationId: 'listAgencies',
  summary: 'Danh sách cơ quan / The agency tree',
  description: 'Parents before children. Merged agencies stay listed (inactive, with their successor).',
  tags: ['agencies'],
  auth: 'public',
  query: Type.Object({
    kind: Type.Optional(Type.String()),
    within: Type.Optional(AgencyCode),
    active: Type.Optional(Type.Boolean({ description: 'Only active (true) or only inactive (false) agencies' })),
  }),
  responses: { 200: { description: 'Agencies', json: Items(AgencyView) } },
});

export const getAgency = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}',
  operationId: 'getAgency',
  summary: 'Một cơ quan / One agency',
  tags: ['agencies'],
  auth: 'public',
  params: agencyParams,
  responses: {
    200: {
      description: 'The agency with its ancestors (nearest first) and children',
      json: Type.Composite([
        AgencyView,
        Type.Object({ ancestors: Type.Array(Type.String()), children: Type.Array(Type.String()) }),
      ]),
    },
  },
});

export const getAgencyHistory = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}/history',
  operationId: 'getAgencyHistory',
  summary: 'Lịch sử thay đổi của cơ quan / An agency\u2019s history',
  description: 'Renames, moves, merges and calendar changes, oldest first; old documents show the name of their time.',
  tags: ['agencies'],
  auth: 'public',
  params: agencyParams,
  responses: { 200: { description: 'History', json: Items(AgencyHistoryEntry) } },
});

export const createAgency = defineRoute({
  method: 'post',
  path: '/api/v1/agencies/{agencyCode}/children',
  operationId: 'createAgency',
  summary: 'Thêm cơ quan cấp dưới / Create a child agency',
  tags: ['agencies'],
  auth: 'staff',
  params: agencyParams,
  body: {
    json: Type.Object(
      {
        code: AgencyCode,
        name: LocalizedText,
        kind: Type.String({ minLength: 1 }),
        calendarId: Type.Optional(CalendarId),
      },
      { additionalProperties: false },
    ),
  },
  responses: {
    201: { description: 'Created', json: AgencyView },
    409: { description: 'The code exists, or the parent is inactive' },
    422: { description: 'Not acceptable (e.g. an unknown kind or calendar)' },
  },
});

export const updateAgency = defineRoute({
  method: 'patch',
  path: '/api/v1/agencies/{agencyCode}',
  operationId: 'updateAgency',
  summary: 'Đổi tên, lịch, loại cơ quan / Rename an agency, change its calendar or kind',
  description: 'The code never changes: dossiers keep referencing it. The history keeps the old values.',
  tags: ['agencies'],
  auth: 'staff',
  params: agencyParams,
  body: {
    json: Type.Object(
      {
        name: Type.Optional(LocalizedText),
        calendarId: Type.Optional(CalendarId),
        kind: Type.Optional(Type.String({ minLength: 1 })),
        reason: Type.Optional(Reason),
        revision: Type.Optional(Type.Integer({ description: 'The revision read; 409 when it changed since' })),
      },
      { additionalProperties: false },
    ),
  },
  responses: {
    200: { description: 'Updated', json: AgencyView },
    409: { description: 'Changed by someone else' },
    422: { description: 'Not acceptable (e.g. an unknown kind or calendar)' },
  },
});

export const moveAgency = defineRoute({
  method: 'post',
  path: '/api/v1/agencies/{agencyCode}/move',
  operationId: 'moveAgency',
  summary: 'Chuyển cơ quan sang cấp trên khác / Move an agency under another parent',
  tags: ['agencies'],
  auth: 'staff',
  params: agencyParams,
  body: {
    json: Type.Object({ parent: AgencyCode, reason: Type.Optional(Reason) }, { additionalProperties: false }),
  },
  responses: {
    200: { description: 'Moved', json: AgencyView },
    409: { description: 'Not possible now (e.g. an inactive agency)' },
    422: { description: 'The tree would become invalid (a cycle)' },
  },
});

export const mergeAgency = defineRoute({
  method: 'post',
  path: '/api/v1/agencies/{agencyCode}/merge',
  operationId: 'mergeAgency',
  summary: 'Sáp nhập cơ quan / Merge an agency into another',
  description:
    'The merged agency becomes inactive with a successor; its children move to the successor; old dossiers keep its code.',
  tags: ['agencies'],
  auth: 'staff',
  params: agencyParams,
  body: {
    json: Type.Object(
      { into: AgencyCode, reason: Type.String({ minLength: 1, maxLength: 1000 }) },
      { additionalProperties: false },
    ),
  },
  responses: {
    200: { description: 'Merged', json: AgencyView },
    409: { description: 'Not possible now (e.g. already merged)' },
    422: { description: 'Not acceptable (e.g. into itself or below itself)' },
  },
});

export const listCalendars = defineRoute({
  method: 'get',
  path: '/api/v1/calendars',
  operationId: 'listCalendars',
  summary: 'Lịch làm việc / Working calendars',
  tags: ['agencies'],
  auth: 'public',
  responses: { 200: { description: 'Calendars', json: Items(CalendarView) } },
});

export const getCalendar = defineRoute({
  method: 'get',
  path: '/api/v1/calendars/{calendarId}',
  operationId: 'getCalendar',
  summary: 'Một lịch làm việc / One working calendar',
  tags: ['agencies'],
  auth: 'public',
  params: Type.Object({ calendarId: CalendarId }),
  responses: { 200: { description: 'The calendar', json: CalendarView } },
});

export const createCalendar = defineRoute({
  method: 'post',
  path: '/api/v1/agencies/{agencyCode}/calendars',
  operationId: 'createCalendar',
  summary: 'Tạo lịch làm việc / Create a working calendar owned by an agency',
  tags: ['agencies'],
  auth: 'staff',
  params: agencyParams,
  body: {
    json: Type.Object(
      {
        id: CalendarId,
        name: LocalizedText,
        calendar: Type.Unknown({ description: 'The calendar file format (checked by core, issues point into it)' }),
      },
      { additionalProperties: false },
    ),
  },
  responses: { 201: { description: 'Created', json: Ok }, 409: { description: 'The id exists' } },
});

export const updateCalendar = defineRoute({
  method: 'put',
  path: '/api/v1/calendars/{calendarId}',
  operationId: 'updateCalendar',
  summary: 'Sửa lịch làm việc / Replace a working calendar',
  description:
    'Appointments already given never move: due instants are stored on dossiers. The new calendar applies to deadlines computed from now on.',
  tags: ['agencies'],
  auth: 'staff',
  params: Type.Object({ calendarId: CalendarId }),
  body: {
    json: Type.Object(
      {
        name: Type.Optional(LocalizedText),
        calendar: Type.Unknown({ description: 'The calendar file format' }),
        revision: Type.Optional(Type.Integer()),
      },
      { additionalProperties: false },
    ),
  },
  responses: {
    200: { description: 'Updated', json: Type.Object({ revision: Type.Integer() }) },
    409: { description: 'Changed by someone else' },
  },
});
