import { Type, type TSchema } from '@sinclair/typebox';

/** Schemas shared by many routes (request and response parts of the OpenAPI document). */
export const Message = Type.Object(
  { vi: Type.String(), en: Type.String() },
  { $id: undefined, description: 'Vietnamese and English text' },
);
export const LocalizedText = Type.Object(
  { vi: Type.String({ minLength: 1 }), en: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

export const IssueSchema = Type.Object({
  pointer: Type.String({ description: 'RFC 6901 JSON pointer into the request' }),
  code: Type.String(),
  message: Message,
});

export const ErrorBody = Type.Object(
  {
    error: Type.Object(
      {
        status: Type.Integer(),
        code: Type.String(),
        message: Message,
        issues: Type.Optional(Type.Array(IssueSchema)),
      },
      { additionalProperties: true },
    ),
  },
  { description: 'The error envelope of every route (docs/public-api.md)' },
);

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
export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 instant with offset' });

export const Ok = Type.Object({ ok: Type.Literal(true) });

/** A JSON value of any shape (procedure definitions, form data). */
export const AnyJson: TSchema = Type.Unknown();
