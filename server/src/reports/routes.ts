import { sql } from 'drizzle-orm';
import {
  checkEquations,
  formatInstant,
  validatePeriod,
  type Bieu06Row,
  type ReportGroupBy,
  type ReportLine,
} from '@motcua/core';
import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { errors, HttpError } from '../http/errors.ts';
import { execute } from '../db/client.ts';
import { bieu06ExportRows, renderBieu06, type Bieu06Format } from './bieu06-export.ts';
import type { ServerContext } from '../context.ts';
import { bieu06Lines } from './bieu06-lines.ts';

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

export function reportRoutes(): Implementation[] {
  return [
    implement(contract.getBieu06Report, async (c, { params, query }) => {
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
    }),
  ];
}
