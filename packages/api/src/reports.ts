import { Type, type TInteger } from '@sinclair/typebox';
import { BIEU06_ALL_COLUMNS } from '@motcua/core';
import { AgencyCode, DateOnly, Nullable, StoredText } from './common.ts';
import { defineRoute } from './route.ts';

/** One row of Biểu 06: core's columns, each a count. */
export const Bieu06Values = Type.Object(
  Object.fromEntries(BIEU06_ALL_COLUMNS.map((c) => [c, Type.Integer({ minimum: 0 })])) as Record<
    (typeof BIEU06_ALL_COLUMNS)[number],
    TInteger
  >,
);

/** Every file format a report or logbook is also served in. */
export const REPORT_FILE_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/html',
  'application/pdf',
] as const;

export const Bieu06Query = Type.Object(
  {
    from: Type.String({ format: 'date', description: 'First day of the period (in each agency\u2019s zone)' }),
    to: Type.String({ format: 'date', description: 'Last day of the period' }),
    groupBy: Type.Optional(
      Type.Union([Type.Literal('agency'), Type.Literal('field'), Type.Literal('agency-field'), Type.Literal('total')], {
        default: 'agency',
      }),
    ),
    rollUp: Type.Optional(
      Type.Boolean({
        default: true,
        description: 'Include the agencies below (each agency\u2019s row sums its subtree)',
      }),
    ),
    field: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only this field (lĩnh vực)' })),
    format: Type.Optional(
      Type.Union(
        [Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('html'), Type.Literal('pdf')],
        { default: 'json' },
      ),
    ),
    delimiter: Type.Optional(
      Type.Union([Type.Literal(','), Type.Literal(';')], { description: 'CSV delimiter (default ",")' }),
    ),
  },
  { additionalProperties: false },
);

export const Bieu06Report = Type.Object({
  agency: Type.String(),
  period: Type.Object({ from: DateOnly, to: DateOnly }),
  groupBy: Type.Union([
    Type.Literal('agency'),
    Type.Literal('field'),
    Type.Literal('agency-field'),
    Type.Literal('total'),
  ]),
  rollUp: Type.Boolean(),
  generatedAt: Type.String(),
  rows: Type.Array(
    Type.Object({
      agency: Type.Optional(Type.String()),
      agencyName: Type.Optional(StoredText),
      field: Type.Optional(Type.String()),
      fieldTitle: Type.Optional(StoredText),
      depth: Type.Optional(Type.Integer()),
      values: Bieu06Values,
      own: Type.Optional(Bieu06Values),
      onTimeRate: Nullable(Type.Number(), { description: '(trước hạn + đúng hạn) / đã giải quyết, in %' }),
    }),
  ),
});

export const getBieu06Report = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}/reports/bieu06',
  operationId: 'getBieu06Report',
  summary: 'Biểu số 06 / Biểu 06 report (TT 01/2020/TT-VPCP)',
  description:
    'Situation and results of procedure resolution for any period, per agency (with roll-up over the agencies below), per field, or both; JSON, CSV, XLSX, HTML or PDF. Computed from running totals kept in each event\u2019s transaction with core\u2019s ledger, so it equals core\u2019s report on the same events; every row\u2019s equations are checked before it is served.',
  tags: ['reports'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode }),
  query: Bieu06Query,
  responses: {
    200: { description: 'The report (JSON; other formats as files)', json: Bieu06Report, files: REPORT_FILE_TYPES },
    400: { description: 'Invalid period' },
  },
});
