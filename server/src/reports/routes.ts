import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import {
  BIEU06_COLUMNS,
  checkEquations,
  formatInstant,
  validatePeriod,
  type Bieu06Row,
  type ReportGroupBy,
  type ReportLine,
} from '@motcua/core';
import { route, type AnyRoute } from '../http/route.ts';
import { errors, HttpError } from '../http/errors.ts';
import { AgencyCode } from '../http/schemas.ts';
import { execute } from '../db/client.ts';
import { bieu06ExportRows, renderBieu06, type Bieu06Format } from './bieu06-export.ts';
import type { ServerContext } from '../context.ts';
import { bieu06Lines } from './bieu06-lines.ts';

const RowSchema = Type.Object(
  Object.fromEntries(BIEU06_COLUMNS.map((c) => [c, Type.Integer({ minimum: 0 })])) as Record<
    (typeof BIEU06_COLUMNS)[number],
    ReturnType<typeof Type.Integer>
  >,
);

const Bieu06Query = Type.Object(
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

/** Field titles from the published procedures (a field is named where procedures declare it). */
async function fieldTitles(ctx: ServerContext): Promise<Map<string, { vi: string; en?: string }>> {
  const rows = await execute<{ code: string; title: { vi: string; en?: string } }>(
    ctx.db,
    sql`select distinct on (definition->'field'->>'code') definition->'field'->>'code' as code, definition->'field'->'title' as title
        from procedure_versions order by definition->'field'->>'code', published_at desc`,
  );
  return new Map(rows.map((r) => [r.code, r.title]));
}

const onTimeRate = (r: Bieu06Row) =>
  r.resolved === 0 ? null : Math.round(((r.early + r.onTime) / r.resolved) * 10000) / 100;

export function reportRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/agencies/{agencyCode}/reports/bieu06',
      operationId: 'getBieu06Report',
      summary: 'Biểu số 06 / Biểu 06 report (TT 01/2020/TT-VPCP)',
      description:
        'Situation and results of procedure resolution for any period, per agency (with roll-up over the agencies below), per field, or both; JSON, CSV, XLSX, HTML or PDF. Computed from running totals kept in each event\u2019s transaction with core\u2019s ledger, so it equals core\u2019s report on the same events; every row\u2019s equations are checked before it is served.',
      tags: ['reports'],
      params: Type.Object({ agencyCode: AgencyCode }),
      query: Bieu06Query,
      responses: {
        200: {
          description: 'The report (JSON; other formats as files)',
          schema: Type.Object({
            agency: Type.String(),
            period: Type.Object({ from: Type.String(), to: Type.String() }),
            groupBy: Type.String(),
            rollUp: Type.Boolean(),
            generatedAt: Type.String(),
            rows: Type.Array(
              Type.Object({
                agency: Type.Optional(Type.String()),
                agencyName: Type.Optional(Type.Object({ vi: Type.String(), en: Type.Optional(Type.String()) })),
                field: Type.Optional(Type.String()),
                fieldTitle: Type.Optional(Type.Object({ vi: Type.String(), en: Type.Optional(Type.String()) })),
                depth: Type.Optional(Type.Integer()),
                values: RowSchema,
                own: Type.Optional(RowSchema),
                onTimeRate: Type.Union([Type.Number(), Type.Null()], {
                  description: '(trước hạn + đúng hạn) / đã giải quyết, in %',
                }),
              }),
            ),
          }),
        },
        400: { description: 'Invalid period' },
      },
      handler: async (c, { params, query }) => {
        const ctx = c.get('ctx');
        const period = { from: query.from, to: query.to };
        const issues = validatePeriod(period).map((i) => ({ ...i, pointer: `/query${i.pointer}` }));
        if (issues.length) throw errors.invalid(issues);
        const groupBy = (query.groupBy ?? 'agency') as ReportGroupBy;
        const format = query.format ?? 'json';
        if (groupBy === 'total' && format !== 'json') {
          throw errors.invalid([
            {
              pointer: '/query/groupBy',
              code: 'enum',
              message: {
                vi: 'Xuất tệp theo cơ quan, lĩnh vực, hoặc cả hai',
                en: 'Files are grouped by agency, field, or both',
              },
            },
          ]);
        }
        const snap = await ctx.agencies.get();
        const rollUp = query.rollUp ?? true;
        const lines = await bieu06Lines(ctx.db, {
          agency: params.agencyCode,
          period,
          groupBy,
          rollUp,
          ...(query.field ? { fields: [query.field] } : {}),
          directory: snap.all,
        });
        // The totals must reconcile on every row before anyone sees them.
        const broken = lines.flatMap((l, k) =>
          checkEquations(l.row).map((i) => ({ ...i, pointer: `/rows/${k}/values${i.pointer}` })),
        );
        if (broken.length) {
          ctx.log.error({ agency: params.agencyCode, period, broken }, 'Biểu 06 equations broken');
          throw new HttpError(
            500,
            'report_inconsistent',
            {
              vi: 'Số liệu báo cáo không khớp; đã ghi nhận sự cố',
              en: 'The report does not reconcile; the incident is logged',
            },
            broken,
          );
        }
        const titles = await fieldTitles(ctx);
        const agencyName = (code: string) => snap.records.get(code)?.name ?? { vi: code };
        const generatedAt = formatInstant(
          ctx.clock.now(),
          snap.records.get(params.agencyCode)?.timeZone ?? ctx.config.timeZone,
        );
        if (format === 'json') {
          return c.json({
            agency: params.agencyCode,
            period,
            groupBy,
            rollUp,
            generatedAt,
            rows: lines.map((l) => ({
              ...(l.agency !== undefined ? { agency: l.agency, agencyName: agencyName(l.agency) } : {}),
              ...(l.field !== undefined ? { field: l.field, fieldTitle: titles.get(l.field) ?? { vi: l.field } } : {}),
              ...(l.depth !== undefined ? { depth: l.depth } : {}),
              values: l.row,
              ...(l.own ? { own: l.own } : {}),
              onTimeRate: onTimeRate(l.row),
            })),
          });
        }
        const labelOf = (l: ReportLine) => {
          const a = l.agency !== undefined ? agencyName(l.agency).vi : '';
          const f = l.field !== undefined ? (titles.get(l.field)?.vi ?? l.field) : '';
          return groupBy === 'agency-field' ? `${a} – ${f}` : a || f;
        };
        const parent = snap.records.get(params.agencyCode)?.parent;
        const file = await renderBieu06(
          {
            reportingUnit: {
              name: agencyName(params.agencyCode).vi,
              ...(parent ? { parentName: agencyName(parent).vi } : {}),
            },
            period,
            groupBy: groupBy as 'agency' | 'field' | 'agency-field',
            generatedAt,
            rows: bieu06ExportRows(lines, labelOf),
            onTimeRate: true,
          },
          format as Bieu06Format,
          query.delimiter ? { delimiter: query.delimiter } : {},
        );
        c.header('Content-Type', file.mediaType);
        c.header(
          'Content-Disposition',
          `${format === 'html' || format === 'pdf' ? 'inline' : 'attachment'}; filename="${file.fileName}"`,
        );
        c.header('Cache-Control', 'private, no-store');
        if (format === 'html')
          c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
        return c.body(new Uint8Array(file.bytes));
      },
    }),
  ];
}
