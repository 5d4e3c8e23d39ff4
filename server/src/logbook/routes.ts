import { Type } from '@sinclair/typebox';
import { formatInstant, validatePeriod } from '@motcua/core';
import { route, type AnyRoute } from '../http/route.ts';
import { errors } from '../http/errors.ts';
import { AgencyCode } from '../http/schemas.ts';
import { renderLogbook, type LogbookFormat } from './logbook-export.ts';
import { agencyHeader } from '../slips/agency-header.ts';
import { LOGBOOK_MAX_ROWS, LogbookTooLarge, logbookRows } from './rows.ts';
import { logAccessMany } from '../cases/access.ts';

const LogbookQuery = Type.Object(
  {
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date' }),
    format: Type.Optional(
      Type.Union(
        [Type.Literal('json'), Type.Literal('html'), Type.Literal('pdf'), Type.Literal('csv'), Type.Literal('xlsx')],
        { default: 'json' },
      ),
    ),
    book: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Quyển số, printed on the book' })),
    delimiter: Type.Optional(Type.Union([Type.Literal(','), Type.Literal(';')])),
  },
  { additionalProperties: false },
);

export function logbookRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/agencies/{agencyCode}/logbook',
      operationId: 'getLogbook',
      summary: 'Sổ theo dõi hồ sơ / The agency\u2019s dossier logbook',
      description: `Every dossier the agency received in the period, one row each, built from the events (nobody types it): STT, code, procedure, sets, applicant, address, phone, received, appointment, result received, handed over by / to, note. JSON, HTML, PDF, CSV or XLSX. At most ${LOGBOOK_MAX_ROWS} rows per request.`,
      tags: ['reports'],
      params: Type.Object({ agencyCode: AgencyCode }),
      query: LogbookQuery,
      responses: {
        200: { description: 'The logbook' },
        400: { description: 'Invalid period' },
        422: { description: 'Too many rows: ask for a shorter period' },
      },
      handler: async (c, { params, query }) => {
        const ctx = c.get('ctx');
        const period = { from: query.from, to: query.to };
        const issues = validatePeriod(period).map((i) => ({ ...i, pointer: `/query${i.pointer}` }));
        if (issues.length) throw errors.invalid(issues);
        let rows;
        try {
          const book = await logbookRows(ctx, params.agencyCode, period);
          rows = book.rows;
          await logAccessMany(c, book.dossierIds, 'getLogbook', { from: period.from, to: period.to });
        } catch (err) {
          if (err instanceof LogbookTooLarge) {
            throw errors.unprocessable('logbook_too_large', {
              vi: `Kỳ này có hơn ${LOGBOOK_MAX_ROWS} hồ sơ; hãy chia thành các kỳ ngắn hơn`,
              en: `More than ${LOGBOOK_MAX_ROWS} dossiers in this period; ask for shorter periods`,
            });
          }
          throw err;
        }
        const snap = await ctx.agencies.get();
        const generatedAt = formatInstant(ctx.clock.now(), snap.timeZoneOf(params.agencyCode));
        c.header('Cache-Control', 'private, no-store');
        const format = query.format ?? 'json';
        if (format === 'json') return c.json({ agency: params.agencyCode, period, generatedAt, rows });
        const file = await renderLogbook(
          {
            agency: agencyHeader(snap, params.agencyCode),
            period,
            generatedAt,
            ...(query.book ? { book: query.book } : {}),
            rows,
          },
          format as LogbookFormat,
          query.delimiter ? { delimiter: query.delimiter } : {},
        );
        c.header('Content-Type', file.mediaType);
        c.header(
          'Content-Disposition',
          `${format === 'html' || format === 'pdf' ? 'inline' : 'attachment'}; filename="${file.fileName}"`,
        );
        if (format === 'html')
          c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
        return c.body(new Uint8Array(file.bytes));
      },
    }),
  ];
}
