import { formatInstant, validatePeriod } from '@motcua/core';
import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { errors } from '../http/errors.ts';
import { renderLogbook, type LogbookFormat } from './logbook-export.ts';
import { agencyHeader } from '../slips/agency-header.ts';
import { LOGBOOK_MAX_ROWS, LogbookTooLarge, logbookRows } from './rows.ts';
import { logAccessMany } from '../cases/access.ts';

export function logbookRoutes(): Implementation[] {
  return [
    implement(contract.getLogbook, async (c, { params, query }) => {
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
    }),
  ];
}
