import { Type, type TInteger } from '@sinclair/typebox';
import { CHANNEL_NAMES, DASHBOARD_COUNTS, SERVICE_INDEX_IDS } from '@motcua/core';
import { AgencyCode, DateOnly, Nullable, StoredText } from './common.ts';
import { CaseView } from './cases.ts';
import { defineRoute } from './route.ts';

const Percent = Nullable(Type.Number({ minimum: 0, maximum: 100 }), { description: 'In %, null over nothing' });

/** Core's dashboard counts (report/dashboard.ts) and what the cards show of them. */
export const DashboardNumbers = Type.Object({
  ...(Object.fromEntries(DASHBOARD_COUNTS.map((k) => [k, Type.Integer({ minimum: 0 })])) as Record<
    (typeof DASHBOARD_COUNTS)[number],
    TInteger
  >),
  earlyOrOnTimePercent: Nullable(Type.Number(), {
    description: 'Biểu 06 (dates): (trước hạn + đúng hạn) / đã giải quyết, in %',
  }),
  meanProcessingDays: Nullable(Type.Number(), { description: 'Acceptance → result ready, mean in days' }),
  onlineSharePercent: Percent,
  onlinePaymentPercent: Percent,
  digitisedPercent: Percent,
});

const IndexValue = Type.Object({
  numerator: Type.Integer({ minimum: 0 }),
  denominator: Type.Integer({ minimum: 0 }),
  percent: Percent,
});

export const OversightQuery = Type.Object(
  {
    from: Type.String({ format: 'date', description: 'First day of the period (in each agency\u2019s zone)' }),
    to: Type.String({ format: 'date', description: 'Last day of the period' }),
    level: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'Only agencies of this kind (level) in the subtree' }),
    ),
    field: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only this field (lĩnh vực)' })),
    procedure: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Only this procedure' })),
    channel: Type.Optional(Type.Union(CHANNEL_NAMES.map((c) => Type.Literal(c)))),
  },
  { additionalProperties: false },
);

export const OversightDashboard = Type.Object({
  agency: Type.String(),
  period: Type.Object({ from: DateOnly, to: DateOnly }),
  generatedAt: Type.String(),
  definitions: Type.Object({
    onTime: Type.String({ description: 'How the cards classify early / on time / late' }),
    serviceIndex: Type.String({ description: 'How the national index does' }),
  }),
  totals: DashboardNumbers,
  /** Open, accepted dossiers past their due instant now (core's isOverdue). */
  overdueInProgress: Type.Integer({ minimum: 0 }),
  trend: Type.Array(Type.Object({ month: Type.String(), values: DashboardNumbers }), {
    description: 'Per month of the period',
  }),
  ranking: Type.Array(
    Type.Object({
      agency: Type.String(),
      agencyName: StoredText,
      values: DashboardNumbers,
      overdueInProgress: Type.Integer({ minimum: 0 }),
    }),
    { description: 'Each agency\u2019s own dossiers, best early-or-on-time share first' },
  ),
  serviceIndex: Type.Object(
    Object.fromEntries(SERVICE_INDEX_IDS.map((k) => [k, IndexValue])) as Record<
      (typeof SERVICE_INDEX_IDS)[number],
      typeof IndexValue
    >,
  ),
  satisfaction: Type.Object({
    ratings: Type.Integer({ minimum: 0 }),
    dissatisfied: Type.Integer({ minimum: 0 }),
    index: Nullable(Type.Number(), {
      description:
        'Decision 766 index 5.4, in %; null (no data) while there is no rating, or no dossier finished, in the period',
    }),
  }),
});

export const getOversightDashboard = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}/reports/oversight',
  operationId: 'getOversightDashboard',
  summary: 'Bảng điều hành / Oversight dashboard data',
  description:
    'For an agency and everything below it (a commune sees itself only): resolution early or on time (Biểu 06, dates), dossiers overdue now, mean processing days, online, online-payment and digitised shares, a trend per month, a ranking of agencies, the national service index (Decision 766/QĐ-TTg, instants) and applicant satisfaction, filtered by period, agency level, field, procedure and channel. Summed from per-dossier facts that core computes and the server keeps with every event.',
  tags: ['reports'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode }),
  query: OversightQuery,
  responses: {
    200: { description: 'The dashboard\u2019s numbers', json: OversightDashboard },
    400: { description: 'Invalid period or filter' },
  },
});

/**
 * The dossiers behind a dashboard number: each measure is one of the cards' counts (by the day the
 * dashboard counts it on) or the dossiers overdue now.
 */
type CountMeasure = Exclude<(typeof DASHBOARD_COUNTS)[number], 'processingMs'>;
export type OversightMeasure = CountMeasure | 'earlyOrOnTime' | 'overdue';
/** Core's dashboard counts (a sum of durations has no dossiers of its own), their sum and `overdue`. */
export const OVERSIGHT_MEASURES: readonly OversightMeasure[] = [
  ...DASHBOARD_COUNTS.filter((k): k is CountMeasure => k !== 'processingMs'),
  'earlyOrOnTime',
  'overdue',
];

export const OversightDossiersQuery = Type.Object(
  {
    ...OversightQuery.properties,
    measure: Type.Union(
      OVERSIGHT_MEASURES.map((m) => Type.Literal(m)),
      { description: 'Which number: a dashboard count, or `overdue` (open and past due now, whatever the period)' },
    ),
    unit: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Only this agency\u2019s own dossiers (a ranking row); it must be in the subtree',
      }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 400 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const getOversightDossiers = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}/reports/oversight/dossiers',
  operationId: 'getOversightDossiers',
  summary: 'Hồ sơ sau một số liệu / The dossiers behind a dashboard number',
  description:
    'The dossiers a number of getOversightDashboard counts, with the same filters: as case views (read only), the latest counted first (`overdue`: most overdue first). Pages follow `nextCursor`. Each read is logged.',
  tags: ['reports'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode }),
  query: OversightDossiersQuery,
  responses: {
    200: {
      description: 'A page',
      json: Type.Object({
        items: Type.Array(CaseView),
        nextCursor: Nullable(Type.String(), { description: 'The next page: send it back as `cursor`' }),
      }),
    },
    400: { description: 'Invalid period, filter or cursor' },
    503: {
      description:
        'Đang chuẩn bị danh sách sau khi nâng cấp / The lists are being prepared after an upgrade (`code: "preparing"`): retry after `Retry-After`',
    },
  },
});
