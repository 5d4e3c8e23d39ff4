import type { Context } from 'hono';
import { inArray } from 'drizzle-orm';
import { CHANNELS, STATUSES, VIETNAM_TIME_ZONE, isOverdue, type DossierState } from '@motcua/core';
import type { AppEnv } from '../http/env.ts';
import { dossiers } from '../db/schema/index.ts';
import { logAccessMany } from '../cases/access.ts';
import { inboxKeys } from './query.ts';
import { csvField } from '../print/render/csv-cell.ts';
import { inboxFilter, type InboxQueryInput } from './filter.ts';

/** Rows read per batch: memory stays flat however long the export. */
const BATCH = 500;

const HEADER = [
  'Mã hồ sơ (Code)',
  'Thủ tục (Procedure)',
  'Người nộp (Applicant)',
  'Số định danh (ID number)',
  'Điện thoại (Phone)',
  'Kênh (Channel)',
  'Trạng thái (Status)',
  'Ngày nhận (Received)',
  'Hạn trả (Due)',
  'Quá hạn (Overdue)',
  'Nơi xử lý (At agency)',
  'Người xử lý (Handler)',
];

/** A CSV cell: quoted when needed; formula starts neutralised (spreadsheet injection, csv-cell.ts). */
export function csvCell(value: string | number | null | undefined): string {
  if (typeof value === 'number') return String(value);
  return csvField(value ?? '');
}

const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const when = (d: Date | null) => (d ? dateFormat.format(d) : '');

/**
 * The filtered inbox as CSV (UTF-8 with a byte order mark, CRLF lines, so that Excel opens
 * Vietnamese text as it is), written page by page as the client reads; each dossier's read logged.
 */
export async function inboxExport(
  c: Context<AppEnv>,
  agency: string,
  query: Omit<InboxQueryInput, 'cursor' | 'limit'>,
): Promise<Response> {
  const ctx = c.get('ctx');
  const principal = c.get('principal')!;
  const { filter } = await inboxFilter(ctx, principal, agency, query, BATCH);
  const encoder = new TextEncoder();
  let cursor = filter.cursor ?? null;
  let started = false;
  let done = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${HEADER.map(csvCell).join(',')}\r\n`));
        return;
      }
      if (done) return controller.close();
      const keys = await inboxKeys(ctx.db, { ...filter, cursor });
      if (keys.length < BATCH) done = true;
      if (!keys.length) return controller.close();
      const last = keys.at(-1)!;
      cursor = { view: '', at: last.at, id: last.id };
      const rows = await ctx.db
        .select({
          id: dossiers.id,
          code: dossiers.code,
          procedureCode: dossiers.procedureCode,
          applicantName: dossiers.applicantName,
          applicantIdNumber: dossiers.applicantIdNumber,
          applicantPhone: dossiers.applicantPhone,
          channel: dossiers.channel,
          status: dossiers.status,
          submittedAt: dossiers.submittedAt,
          dueAt: dossiers.dueAt,
          locationAgency: dossiers.locationAgency,
          state: dossiers.state,
        })
        .from(dossiers)
        .where(
          inArray(
            dossiers.id,
            keys.map((k) => k.id),
          ),
        );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const lines: string[] = [];
      for (const k of keys) {
        const r = byId.get(k.id);
        if (!r) continue;
        const state = r.state as DossierState;
        lines.push(
          [
            r.code,
            r.procedureCode,
            r.applicantName,
            r.applicantIdNumber,
            r.applicantPhone,
            CHANNELS[r.channel as keyof typeof CHANNELS]?.vi ?? r.channel,
            `${r.status} - ${STATUSES[r.status as keyof typeof STATUSES]?.vi ?? ''}`,
            when(r.submittedAt),
            when(r.dueAt),
            isOverdue(state, filter.now) ? 'Quá hạn' : '',
            r.locationAgency,
            state.location.assigneeName ?? '',
          ]
            .map(csvCell)
            .join(',') + '\r\n',
        );
      }
      await logAccessMany(
        c,
        rows.map((r) => r.id),
        'exportInbox',
      );
      controller.enqueue(encoder.encode(lines.join('')));
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="ho-so-${agency}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
