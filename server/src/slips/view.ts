import { Type, type Static } from '@sinclair/typebox';
import type { ArtefactRow } from './issue.ts';

export const ArtefactView = Type.Object({
  id: Type.String({ description: 'The file id (download: /api/v1/dossiers/{code}/slips/{id})' }),
  kind: Type.String(),
  eventSeq: Type.Integer(),
  format: Type.String(),
  templateVersion: Type.Union([Type.String(), Type.Null()]),
  formNo: Type.Union([Type.String(), Type.Null()]),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  issuedAt: Type.String(),
  url: Type.String(),
});
export type ArtefactViewT = Static<typeof ArtefactView>;

export function artefactView(dossierCode: string, a: ArtefactRow): ArtefactViewT {
  return {
    id: a.fileId,
    kind: a.kind,
    eventSeq: a.eventSeq,
    format: a.format,
    templateVersion: a.templateVersion,
    formNo: a.formNo,
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
    issuedAt: a.issuedAt.toISOString(),
    url: `/api/v1/dossiers/${encodeURIComponent(dossierCode)}/slips/${a.fileId}`,
  };
}
