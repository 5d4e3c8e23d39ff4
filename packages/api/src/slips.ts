import { Type, type Static } from '@sinclair/typebox';
import { DossierCode, Items, Nullable, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

/** The slips (phiếu) the server issues; the server's print module renders exactly these. */
export const SLIP_KINDS = ['receipt', 'supplement', 'refusal', 'apology', 'stop-notice', 'control'] as const;
export type SlipKind = (typeof SLIP_KINDS)[number];

/**
 * The slips handed to the applicant, which tracking lets them download again; the control slip
 * (phiếu kiểm soát) travels with the dossier inside the agencies and stays there.
 */
export const APPLICANT_SLIP_KINDS = [
  'receipt',
  'supplement',
  'refusal',
  'apology',
  'stop-notice',
] as const satisfies readonly SlipKind[];

/** An issued artefact: a slip (HTML or PDF) or a result document, immutable, with its hash. */
export const ArtefactView = Type.Object({
  id: Type.String({ description: 'The file id (download: /api/v1/dossiers/{code}/slips/{id})' }),
  kind: Type.String({ description: 'A slip kind, or `result`' }),
  eventSeq: Type.Integer(),
  format: Type.String({ description: 'html, pdf or file' }),
  templateVersion: Nullable(Type.String()),
  formNo: Nullable(Type.String()),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  issuedAt: Type.String(),
  url: Type.String(),
});
export type ArtefactView = Static<typeof ArtefactView>;

const dossierParams = Type.Object({ dossierCode: DossierCode });

export const listDossierSlips = defineRoute({
  method: 'get',
  path: '/api/v1/dossiers/{dossierCode}/slips',
  operationId: 'listDossierSlips',
  summary: 'Phiếu, văn bản đã phát hành / Issued slips and result documents',
  tags: ['slips'],
  auth: 'staff',
  params: dossierParams,
  responses: { 200: { description: 'Artefacts, oldest first', json: Items(ArtefactView) } },
});

export const issueDossierSlip = defineRoute({
  method: 'post',
  path: '/api/v1/dossiers/{dossierCode}/slips',
  operationId: 'issueDossierSlip',
  summary: 'Phát hành phiếu / Issue (or reprint) a slip',
  description:
    'Renders the slip of one event from the dossier\u2019s events and stores it (HTML and PDF) with its SHA-256, once. Asking again returns the stored artefacts — a reprint is never a re-render with today\u2019s data. The control slip (phiếu kiểm soát) is issued as of the latest event.',
  tags: ['slips'],
  auth: 'staff',
  params: dossierParams,
  body: {
    json: Type.Object(
      {
        kind: Type.Union(SLIP_KINDS.map((k) => Type.Literal(k))),
        eventSeq: Type.Optional(
          Type.Integer({
            minimum: 1,
            description:
              'The event the slip renders; default: the latest event of its kind (the control slip: the latest event)',
          }),
        ),
        trackingSecret: Type.Optional(
          Type.String({
            maxLength: 64,
            description:
              'Receipt only: the tracking secret returned at intake. When it matches the dossier’s, the receipt prints it with a QR code that opens the province’s tracking page on this dossier, so that a walk-in applicant can track it online. Ignored on a reprint of a receipt already issued.',
          }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  responses: {
    200: { description: 'The artefacts (HTML and PDF)', json: Items(ArtefactView) },
    409: { description: 'No such slip for this dossier (e.g. no event of its kind yet)' },
    422: { description: 'The dossier lacks data the slip needs, or the tracking secret is not this dossier’s' },
  },
});

export const getDossierSlip = defineRoute({
  method: 'get',
  path: '/api/v1/dossiers/{dossierCode}/slips/{fileId}',
  operationId: 'getDossierSlip',
  summary: 'Tải phiếu, văn bản đã phát hành / Download an issued slip or result document',
  description: 'Serves the stored bytes, checked against the SHA-256 recorded at issue (ETag).',
  tags: ['slips'],
  auth: 'staff',
  params: Type.Object({ dossierCode: DossierCode, fileId: Uuid }),
  responses: { 200: { description: 'The stored file', files: ['text/html', 'application/pdf', '*/*'] } },
});
