import type { ArtefactView } from '@motcua/api';
import type { ArtefactRow } from './issue.ts';

export function artefactView(dossierCode: string, a: ArtefactRow): ArtefactView {
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
