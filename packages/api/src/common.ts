import { Type, type Static, type TProperties, type TSchema } from '@sinclair/typebox';

/** Schemas shared by many routes: text in two languages, issues, the error body, codes and instants. */

/** Text the server writes in both languages. */
export const Message = Type.Object(
  { vi: Type.String(), en: Type.String() },
  { additionalProperties: false, description: 'Vietnamese and English text' },
);

/** Text an author writes: Vietnamese required, English optional (procedure titles, agency names). */
export const LocalizedText = Type.Object(
  { vi: Type.String({ minLength: 1 }), en: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

/** A `LocalizedText` as the server stores it (a fallback name may be the bare code). */
export const StoredText = Type.Object(
  { vi: Type.String(), en: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

export const IssueSchema = Type.Object(
  {
    pointer: Type.String({ description: 'RFC 6901 JSON pointer into the request (or the checked document)' }),
    code: Type.String(),
    message: Message,
  },
  { additionalProperties: false },
);

export const Nullable = <T extends TSchema>(schema: T, options: { description?: string } = {}) =>
  Type.Union([schema, Type.Null()], options);

/** The fields of every error body; `extra` adds a route's own (e.g. the dossier as it is now). */
export function errorBody<P extends TProperties = {}>(extra: P = {} as P) {
  return Type.Object(
    {
      error: Type.Object({
        status: Type.Integer({ description: 'The HTTP status of the response' }),
        code: Type.String({ description: 'A stable, machine-readable code' }),
        message: Message,
        issues: Type.Optional(Type.Array(IssueSchema)),
        retryAfter: Type.Optional(
          Type.Integer({ minimum: 1, description: '429: seconds to wait (also in the Retry-After header)' }),
        ),
        revision: Type.Optional(
          Type.Integer({ description: '409 on a stale revision: the revision now (reload, then retry)' }),
        ),
        dossierStatus: Type.Optional(
          Nullable(Type.Integer({ minimum: 1, maximum: 10 }), {
            description: 'When an action on a dossier is refused: the dossier\u2019s status (1–10)',
          }),
        ),
        ...extra,
      }),
    },
    { description: 'The error body of every route' },
  );
}

export const ErrorBody = errorBody();
export type ErrorBody = Static<typeof ErrorBody>;
export type Issue = Static<typeof IssueSchema>;

export const AgencyCode = Type.String({
  pattern: '^[0-9A-Za-z][0-9A-Za-z._]*$',
  maxLength: 64,
  description: 'QCVN 102:2016 agency code',
});
export const ProcedureCode = Type.String({ pattern: '^[0-9A-Za-z][0-9A-Za-z._-]*$', maxLength: 64 });
export const DossierCode = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'Dossier code {agency}-{yyMMdd}-{sequence}',
});
export const Uuid = Type.String({ format: 'uuid' });
/** A procedure version number: stored as a 4-byte integer, so larger numbers are refused at the door. */
export const VersionNumber = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const CalendarId = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' });
/** An instant as the server writes it: ISO 8601 with an offset (UTC `Z` or the agency's zone). */
export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 instant with offset' });
export const DateOnly = Type.String({ format: 'date' });

export const Ok = Type.Object({ ok: Type.Literal(true) });

/** A list response. */
export const Items = <T extends TSchema>(item: T, options: { description?: string } = {}) =>
  Type.Object({ items: Type.Array(item) }, options);
