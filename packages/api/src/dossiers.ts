import { Type, type Static } from '@sinclair/typebox';
import { ApplicantIdentitySchema, FeeQuoteSchema, SubmitterIdentitySchema } from '@motcua/core';
import { DossierCode, Items, Message, Nullable, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

export const DossierFile = Type.Object({
  id: Type.String(),
  documentId: Type.String(),
  purpose: Type.String({ description: 'submission, supplement, result or attachment' }),
  name: Nullable(Type.String()),
  size: Type.Integer(),
  mediaType: Type.String(),
  sha256: Type.String(),
  provenance: Type.String({ description: 'online, counter-scan, staff or imported' }),
  activeContent: Type.Boolean({
    description:
      'A PDF carrying script, launch or open actions (`/JavaScript`, `/JS`, `/OpenAction`, `/AA`, `/Launch`): served as a download only, never shown inline',
  }),
});

/** A dossier as staff read it: the case data, the form data, the files and core's state. */
export const DossierView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  procedure: Type.Object({ code: Type.String(), version: Type.Integer() }),
  field: Type.String(),
  channel: Type.String(),
  status: Type.Integer({ minimum: 1, maximum: 10 }),
  statusLabel: Message,
  overdue: Type.Boolean({ description: 'Derived now from the due instant, never stored' }),
  receivingAgency: Type.String(),
  responsibleAgency: Nullable(Type.String()),
  location: Type.Object({
    agency: Type.String(),
    step: Nullable(Type.String()),
    role: Nullable(Type.String()),
  }),
  submittedAt: Type.String(),
  acceptedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  applicant: ApplicantIdentitySchema,
  submitter: Nullable(SubmitterIdentitySchema),
  data: Type.Object({}, { additionalProperties: true, description: 'The form data as submitted' }),
  fees: FeeQuoteSchema,
  state: Type.Object({}, { additionalProperties: true, description: 'Core\u2019s DossierState' }),
  files: Type.Array(DossierFile),
  lockVersion: Type.Integer(),
  eventCount: Type.Integer(),
  headHash: Type.String(),
  imported: Type.Boolean({ description: 'Imported from a legacy system (its original code kept)' }),
});
export type DossierView = Static<typeof DossierView>;

export const DossierEventEntry = Type.Object({
  seq: Type.Integer(),
  kind: Type.String(),
  at: Type.String(),
  event: Type.Object({}, { additionalProperties: true, description: 'Core\u2019s DossierEvent' }),
  prevHash: Type.String(),
  hash: Type.String(),
});

const dossierParams = Type.Object({ dossierCode: DossierCode });

export const getDossier = defineRoute({
  method: 'get',
  path: '/api/v1/dossiers/{dossierCode}',
  operationId: 'getDossier',
  summary: 'Hồ sơ (cán bộ) / A dossier, for staff',
  description: 'Every read is recorded in the access log (personal data).',
  tags: ['dossiers'],
  auth: 'staff',
  params: dossierParams,
  responses: { 200: { description: 'The dossier', json: DossierView } },
});

export const listDossierEvents = defineRoute({
  method: 'get',
  path: '/api/v1/dossiers/{dossierCode}/events',
  operationId: 'listDossierEvents',
  summary: 'Nhật ký sự kiện của hồ sơ / A dossier\u2019s event log',
  tags: ['dossiers'],
  auth: 'staff',
  params: dossierParams,
  responses: { 200: { description: 'Events in order with their hash chain', json: Items(DossierEventEntry) } },
});

export const getDossierFile = defineRoute({
  method: 'get',
  path: '/api/v1/dossiers/{dossierCode}/files/{fileId}',
  operationId: 'getDossierFile',
  summary: 'Tải tệp của hồ sơ (cán bộ) / Download a dossier\u2019s file, for staff',
  tags: ['dossiers'],
  auth: 'staff',
  params: Type.Object({ dossierCode: DossierCode, fileId: Uuid }),
  responses: { 200: { description: 'The bytes', files: ['*/*'] } },
});
