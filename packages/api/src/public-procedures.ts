import { Type, type Static } from '@sinclair/typebox';
import { Items, LocalizedText, Nullable, ProcedureCode, VersionNumber } from './common.ts';
import { CalendarRef, ProcedureRef } from './components.ts';
import { defineRoute } from './route.ts';

export const PublicAgency = Type.Object({
  code: Type.String(),
  name: LocalizedText,
  kind: Type.String(),
  parent: Nullable(Type.String()),
});
export type PublicAgency = Static<typeof PublicAgency>;

/** Everything a runtime needs to render a version's form and pre-compute on the applicant's side. */
export const PublicProcedure = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  publishedAt: Type.String(),
  procedure: ProcedureRef,
  validators: Type.String({ description: 'Absolute URL of the version\u2019s validator module' }),
  agencies: Type.Array(PublicAgency, {
    description:
      'The agencies an applicant may choose from (receiving mode `choice` or `field`), or the agencies that may receive the dossier otherwise',
  }),
  calendars: Type.Record(Type.String(), CalendarRef, {
    description: 'The working calendar of each agency above, by agency code',
  }),
});
export type PublicProcedure = Static<typeof PublicProcedure>;

/** How a procedure's receiving agency is found (core's receiving rule, summarised). */
export const ReceivingSummary = Type.Union([
  Type.Object({ mode: Type.Literal('fixed'), agency: Type.String() }),
  Type.Object({ mode: Type.Literal('choice'), kind: Type.String(), within: Type.Optional(Type.String()) }),
  Type.Object({ mode: Type.Literal('field'), field: Type.String(), kind: Type.Optional(Type.String()) }),
  Type.Object({ mode: Type.Literal('condition'), agencies: Type.Array(Type.String()) }),
]);

export const PublicProcedureSummary = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  title: LocalizedText,
  field: Type.Object({ code: Type.String(), title: LocalizedText }),
  serviceLevel: Type.String(),
  receiving: ReceivingSummary,
});
export type PublicProcedureSummary = Static<typeof PublicProcedureSummary>;

const versionParams = Type.Object({ procedureCode: ProcedureCode, version: VersionNumber });

export const publicListProcedures = defineRoute({
  method: 'get',
  path: '/api/v1/public/procedures',
  operationId: 'publicListProcedures',
  summary: 'Thủ tục đang áp dụng / Procedures in force',
  tags: ['public'],
  auth: 'public',
  responses: {
    200: {
      description: 'The version in force today of every published procedure',
      json: Items(PublicProcedureSummary),
    },
  },
});

export const publicGetProcedure = defineRoute({
  method: 'get',
  path: '/api/v1/public/procedures/{procedureCode}',
  operationId: 'publicGetProcedure',
  summary: 'Thủ tục đang áp dụng, đủ để hiển thị tờ khai / The version in force, with what a runtime needs',
  tags: ['public'],
  auth: 'public',
  params: Type.Object({ procedureCode: ProcedureCode }),
  responses: { 200: { description: 'The version in force', json: PublicProcedure } },
});

export const publicGetProcedureVersion = defineRoute({
  method: 'get',
  path: '/api/v1/public/procedures/{procedureCode}/versions/{version}',
  operationId: 'publicGetProcedureVersion',
  summary: 'Một phiên bản đã công bố / A published version (e.g. the one a dossier is pinned to)',
  tags: ['public'],
  auth: 'public',
  params: versionParams,
  responses: { 200: { description: 'The version', json: PublicProcedure } },
});

export const publicGetValidators = defineRoute({
  method: 'get',
  path: '/api/v1/public/procedures/{procedureCode}/versions/{version}/validators.js',
  operationId: 'publicGetValidators',
  summary: 'Mô-đun kiểm tra dữ liệu đã biên dịch / The version\u2019s precompiled validator module',
  description:
    'A self-contained ES module (no imports) exporting `validators` keyed by core\u2019s schemaKey. Immutable: cached for a year, CORS for every origin.',
  tags: ['public'],
  auth: 'public',
  params: versionParams,
  headers: Type.Object({
    'If-None-Match': Type.Optional(Type.String({ description: 'The ETag held; 304 when unchanged' })),
  }),
  responses: {
    200: { description: 'ES module', files: ['text/javascript'] },
    304: { description: 'Not modified (the ETag matches)', empty: true },
  },
});

export const publicGetCurrentValidators = defineRoute({
  method: 'get',
  path: '/api/v1/public/procedures/{procedureCode}/validators.js',
  operationId: 'publicGetCurrentValidators',
  summary: 'Mô-đun kiểm tra dữ liệu của phiên bản đang áp dụng / The validator module of the version in force',
  description:
    'The version\u2019s validator module (the code of `./versions/{version}/validators.js`) plus `export const version`, so a runtime can import it while it fetches the procedure and keep it when the versions agree: one request, no second one to a module it would forward to. Cached for a minute like the procedure, with an ETag (the module\u2019s hash and the version); CORS for every origin.',
  tags: ['public'],
  auth: 'public',
  params: Type.Object({ procedureCode: ProcedureCode }),
  responses: {
    200: {
      description: 'ES module',
      files: ['text/javascript'],
      headers: {
        'X-Procedure-Version': { description: 'The version in force it is', schema: Type.Integer() },
      },
    },
    304: { description: 'Not modified (the ETag matches)', empty: true },
  },
});

/**
 * The module behind the in-force address: the version's validator module itself, and which version
 * that is, so a runtime that imported it alongside the procedure can tell whether a publish came in
 * between. Whole rather than forwarding to the versioned address: a forward would be one more
 * round trip before a form can render.
 */
export function currentValidatorsModule(version: number, validators: string): string {
  return `${validators.replace(/\n?$/, '\n')}export const version = ${version};\n`;
}
