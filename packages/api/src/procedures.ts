import { Type, type Static } from '@sinclair/typebox';
import { AgencyCode, IssueSchema, Items, LocalizedText, Nullable, Ok, ProcedureCode, VersionNumber } from './common.ts';
import { ProcedureRef } from './components.ts';
import { defineRoute } from './route.ts';

export const DefinitionValidation = Type.Object({ valid: Type.Boolean(), issues: Type.Array(IssueSchema) });

export const ProcedureSummary = Type.Object({
  code: Type.String(),
  owner: Type.String(),
  title: LocalizedText,
  field: Type.String(),
  latestVersion: Type.Integer(),
  versionInForce: Nullable(Type.Integer()),
  draftRevision: Type.Integer(),
  retiredAt: Nullable(Type.String()),
});
export type ProcedureSummary = Static<typeof ProcedureSummary>;

export const ProcedureDetail = Type.Composite([
  ProcedureSummary,
  Type.Object({
    draft: Type.Unknown({ description: 'The draft definition, possibly incomplete (see `validation`)' }),
    draftUpdatedAt: Nullable(Type.String()),
    validation: DefinitionValidation,
    retireReason: Nullable(Type.String()),
  }),
]);
export type ProcedureDetail = Static<typeof ProcedureDetail>;

export const VersionInfo = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  effectiveFrom: Type.String(),
  effectiveUntil: Nullable(Type.String()),
  publishedAt: Type.String(),
  publishedBy: Nullable(Type.String()),
  validatorsSha256: Type.String(),
  note: Nullable(Type.String({ description: 'The publisher\u2019s change note; null before notes were kept' })),
  inForce: Type.Boolean(),
});
export type VersionInfo = Static<typeof VersionInfo>;

const procedureParams = Type.Object({ procedureCode: ProcedureCode });
const versionParams = Type.Object({ procedureCode: ProcedureCode, version: VersionNumber });

export const listProcedures = defineRoute({
  method: 'get',
  path: '/api/v1/procedures',
  operationId: 'listProcedures',
  summary: 'Danh sách thủ tục / Procedures (staff view)',
  tags: ['procedures'],
  auth: 'staff',
  query: Type.Object({ owner: Type.Optional(AgencyCode) }),
  responses: { 200: { description: 'Procedures', json: Items(ProcedureSummary) } },
});

export const createProcedure = defineRoute({
  method: 'post',
  path: '/api/v1/agencies/{agencyCode}/procedures',
  operationId: 'createProcedure',
  summary: 'Tạo thủ tục (bản nháp) / Create a procedure with its first draft',
  description:
    'The body is the definition; its `owner` must be the agency in the path. The draft may be incomplete: its validation is returned.',
  tags: ['procedures'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode }),
  body: { json: Type.Unknown({ description: 'A procedure definition (packages/core/schema/procedure.schema.json)' }) },
  responses: { 201: { description: 'Created', json: ProcedureDetail }, 409: { description: 'The code exists' } },
});

export const getProcedure = defineRoute({
  method: 'get',
  path: '/api/v1/procedures/{procedureCode}',
  operationId: 'getProcedure',
  summary: 'Thủ tục và bản nháp / A procedure with its draft and the draft\u2019s validation',
  tags: ['procedures'],
  auth: 'staff',
  params: procedureParams,
  responses: { 200: { description: 'The procedure', json: ProcedureDetail } },
});

export const updateProcedureDraft = defineRoute({
  method: 'put',
  path: '/api/v1/procedures/{procedureCode}/draft',
  operationId: 'updateProcedureDraft',
  summary: 'Lưu bản nháp / Save the draft',
  description:
    'Saves work in progress even when invalid and returns core\u2019s issues (JSON pointers into the definition). Send If-Match: <draftRevision> to refuse overwriting someone else\u2019s changes (409).',
  tags: ['procedures'],
  auth: 'staff',
  params: procedureParams,
  headers: Type.Object({
    'If-Match': Type.Optional(Type.String({ description: 'The draft revision the editor started from' })),
  }),
  body: { json: Type.Unknown({ description: 'The whole definition' }) },
  responses: {
    200: { description: 'Saved', json: ProcedureDetail },
    409: { description: 'The draft changed since If-Match' },
  },
});

export const validateProcedureDraft = defineRoute({
  method: 'post',
  path: '/api/v1/procedures/{procedureCode}/draft/validate',
  operationId: 'validateProcedureDraft',
  summary: 'Kiểm tra một định nghĩa / Validate a definition without saving it',
  tags: ['procedures'],
  auth: 'staff',
  params: procedureParams,
  body: { json: Type.Unknown({ description: 'A procedure definition' }) },
  responses: { 200: { description: 'Core\u2019s verdict plus the agency checks', json: DefinitionValidation } },
});

export const publishProcedure = defineRoute({
  method: 'post',
  path: '/api/v1/procedures/{procedureCode}/versions',
  operationId: 'publishProcedure',
  summary: 'Công bố phiên bản mới / Publish the draft as a new immutable version',
  description:
    'Validates the draft (422 with pointers when invalid), compiles its validator module and stores version n+1 with the draft\u2019s effective dates.',
  tags: ['procedures'],
  auth: 'staff',
  params: procedureParams,
  body: {
    json: Type.Object(
      {
        draftRevision: Type.Optional(
          Type.Integer({ description: 'Publish only if the draft is still at this revision' }),
        ),
        note: Type.Optional(
          Type.String({
            minLength: 1,
            maxLength: 2000,
            pattern: '\\S',
            description:
              'What changed and why, kept with the version and shown in its history (the designer requires it)',
          }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  responses: {
    201: { description: 'Published', json: VersionInfo },
    409: { description: 'Retired, no draft, or the draft changed' },
    422: { description: 'The draft is invalid' },
  },
});

export const listProcedureVersions = defineRoute({
  method: 'get',
  path: '/api/v1/procedures/{procedureCode}/versions',
  operationId: 'listProcedureVersions',
  summary: 'Các phiên bản đã công bố / Published versions',
  tags: ['procedures'],
  auth: 'staff',
  params: procedureParams,
  responses: { 200: { description: 'Newest first', json: Items(VersionInfo) } },
});

export const PublishedVersion = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  effectiveFrom: Type.String(),
  effectiveUntil: Nullable(Type.String()),
  publishedAt: Type.String(),
  definition: ProcedureRef,
});

export const getProcedureVersion = defineRoute({
  method: 'get',
  path: '/api/v1/procedures/{procedureCode}/versions/{version}',
  operationId: 'getProcedureVersion',
  summary: 'Một phiên bản / One published version',
  tags: ['procedures'],
  auth: 'staff',
  params: versionParams,
  responses: { 200: { description: 'The immutable definition', json: PublishedVersion } },
});

export const retireProcedure = defineRoute({
  method: 'post',
  path: '/api/v1/procedures/{procedureCode}/retire',
  operationId: 'retireProcedure',
  summary: 'Bãi bỏ thủ tục / Retire a procedure',
  description: 'No new dossiers; dossiers already received keep their version.',
  tags: ['procedures'],
  auth: 'staff',
  params: procedureParams,
  body: {
    json: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
  },
  responses: { 200: { description: 'Retired', json: Ok } },
});
