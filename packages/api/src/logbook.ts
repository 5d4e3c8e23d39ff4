import { Type, type Static } from '@sinclair/typebox';
import { AgencyCode, DateOnly } from './common.ts';
import { REPORT_FILE_TYPES } from './reports.ts';
import { defineRoute } from './route.ts';

const Text = Type.String({ minLength: 1, pattern: '\\S' });
const Instant = Type.String({ format: 'date-time' });

/** One dossier in the logbook (sổ theo dõi hồ sơ), built from its events. */
export const LogbookRow = Type.Object({
  dossierCode: Text,
  content: Type.String({ minLength: 1, pattern: '\\S', description: 'Tên thủ tục hành chính: the procedure' }),
  sets: Type.Integer({ minimum: 1, description: 'Số lượng (bộ)' }),
  applicantName: Text,
  address: Type.Optional(Text),
  phone: Type.Optional(Text),
  leadAgency: Type.String({ minLength: 1, pattern: '\\S', description: 'Cơ quan chủ trì giải quyết' }),
  receivedAt: Instant,
  appointmentAt: Type.Optional(
    Type.String({ format: 'date-time', description: 'Ngày hẹn trả (absent for a dossier refused at the counter)' }),
  ),
  forwardedAt: Type.Optional(
    Type.String({ format: 'date-time', description: 'Chuyển hồ sơ đến cơ quan giải quyết: the counter handed it on' }),
  ),
  resultReceivedAt: Type.Optional(
    Type.String({ format: 'date-time', description: 'When the one-stop unit got the result back' }),
  ),
  returnedBy: Type.Optional(
    Type.String({ minLength: 1, pattern: '\\S', description: 'Trả kết quả — the officer who handed it over' }),
  ),
  returnedTo: Type.Optional(
    Type.String({ minLength: 1, pattern: '\\S', description: 'Trả kết quả — ký nhận: who received it' }),
  ),
  returnedAt: Type.Optional(Instant),
  note: Type.Optional(Text),
});
export type LogbookRow = Static<typeof LogbookRow>;

export const Logbook = Type.Object({
  agency: Type.String(),
  period: Type.Object({ from: DateOnly, to: DateOnly }),
  generatedAt: Type.String(),
  rows: Type.Array(LogbookRow),
});

export const LOGBOOK_MAX_ROWS = 50_000;

export const getLogbook = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}/logbook',
  operationId: 'getLogbook',
  summary: 'Sổ theo dõi hồ sơ / The agency\u2019s dossier logbook',
  description: `Every dossier the agency received in the period, one row each, built from the events (nobody types it): STT, code, procedure, sets, applicant, address, phone, received, appointment, result received, handed over by / to, note. JSON, HTML, PDF, CSV or XLSX. At most ${LOGBOOK_MAX_ROWS} rows per request.`,
  tags: ['reports'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode }),
  query: Type.Object(
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
  ),
  responses: {
    200: { description: 'The logbook (JSON; other formats as files)', json: Logbook, files: REPORT_FILE_TYPES },
    400: { description: 'Invalid period' },
    422: { description: 'Too many rows: ask for a shorter period' },
  },
});
