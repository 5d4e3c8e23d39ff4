import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { DossierEvent } from '@motcua/core';
import type { ServerContext } from '../context.ts';
import { artefacts, dossierEvents, dossierFiles, files } from '../db/schema/index.ts';
import { execute } from '../db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../db/errors.ts';
import { dossierById } from '../dossiers/load.ts';
import { loadVersion } from '../procedures/catalog.ts';
import { renderSlip, type SlipFormat } from './render-slip.ts';
import type { SlipDataMap, SlipKind } from './slip-data.ts';
import { trackingLink, trackingPageUrl } from './tracking-link.ts';
import { slipData, type SlipSource } from './from-dossier.ts';

export const SLIP_FORMATS: readonly SlipFormat[] = ['html', 'pdf'];

export type ArtefactRow = typeof artefacts.$inferSelect;

async function slipArtefacts(
  ctx: ServerContext,
  dossierId: string,
  kind: SlipKind,
  seq: number,
): Promise<ArtefactRow[]> {
  return ctx.db
    .select()
    .from(artefacts)
    .where(and(eq(artefacts.dossierId, dossierId), eq(artefacts.kind, kind), eq(artefacts.eventSeq, seq)))
    .orderBy(asc(artefacts.format));
}

/** What a slip is built from, as of event `seq`. */
export async function slipSource(ctx: ServerContext, dossierId: string, seq: number): Promise<SlipSource> {
  const row = await dossierById(ctx.db, dossierId);
  if (!row) throw new Error(`dossier ${dossierId} not found`);
  const version = await loadVersion(ctx, row.procedureCode, row.procedureVersion);
  if (!version) throw new Error(`dossier ${row.code} is pinned to a missing version`);
  const events = (
    await ctx.db
      .select({ event: dossierEvents.event })
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierId, dossierId), lte(dossierEvents.seq, seq)))
      .orderBy(asc(dossierEvents.seq))
  ).map((r) => r.event as DossierEvent);
  if (events.length !== seq) throw new Error(`dossier ${row.code} has no event ${seq}`);
  const docs = await execute<{ document_id: string; n: number }>(
    ctx.db,
    sql`select document_id, count(*)::int as n from ${dossierFiles} where dossier_id = ${dossierId} and purpose = 'submission' group by document_id`,
  );
  return {
    row,
    events,
    procedure: version.definition,
    snap: await ctx.agencies.get(),
    submittedDocuments: new Map(docs.map((d) => [d.document_id, d.n])),
  };
}

/**
 * Issues slip `kind` for event `seq` of a dossier, in HTML and PDF: rendered once from the events,
 * stored in the file store with its SHA-256 and recorded as an immutable artefact. Issuing it again
 * (a reprint, a retry, two clerks at once) returns the stored artefacts and renders nothing.
 * A receipt given the applicant's tracking secret (checked by the caller) prints it with its QR code.
 */
export async function issueSlip(
  ctx: ServerContext,
  dossierId: string,
  kind: SlipKind,
  seq: number,
  issuedBy: string | null,
  tracking?: { secret: string },
): Promise<ArtefactRow[]> {
  let have = await slipArtefacts(ctx, dossierId, kind, seq);
  if (SLIP_FORMATS.every((f) => have.some((a) => a.format === f))) return have;
  const source = await slipSource(ctx, dossierId, seq);
  const data = slipData(kind, source);
  if (kind === 'receipt' && tracking)
    (data as SlipDataMap['receipt']).tracking = trackingLink(
      trackingPageUrl(ctx.config),
      source.row.code!,
      tracking.secret,
    );
  for (const format of SLIP_FORMATS) {
    if (have.some((a) => a.format === format)) continue;
    const slip = await renderSlip(kind, data, format);
    const key = await ctx.files.begin();
    let committed = false;
    try {
      const written = await ctx.files.write(key, Readable.from([Buffer.from(slip.bytes)]), {
        maxBytes: slip.bytes.length,
      });
      if (written.sha256 !== slip.sha256) throw new Error(`slip ${kind} stored with a different hash`);
      const now = ctx.clock.now();
      const fileId = randomUUID();
      try {
        await ctx.db.transaction(async (tx) => {
          await tx.insert(files).values({
            id: fileId,
            storageKey: key,
            sha256: slip.sha256,
            size: slip.bytes.length,
            mediaType: slip.mediaType,
            originalName: slip.fileName,
            provenance: 'generated',
            uploadedBy: issuedBy,
            createdAt: new Date(now),
          });
          await tx.insert(artefacts).values({
            id: randomUUID(),
            dossierId,
            kind,
            eventSeq: seq,
            format,
            templateVersion: slip.templateVersion,
            formNo: slip.formNo,
            fileId,
            sha256: slip.sha256,
            size: slip.bytes.length,
            mediaType: slip.mediaType,
            issuedAt: new Date(Date.parse(data.issuedAt)),
            issuedBy,
            recordedAt: new Date(now),
          });
        });
        committed = true;
        await ctx.files.settle(key);
      } catch (err) {
        // Someone issued the same slip meanwhile: theirs is the one.
        if (pgErrorCode(err) !== PG_UNIQUE_VIOLATION) throw err;
      }
    } finally {
      if (!committed) await ctx.files.discard(key);
    }
  }
  have = await slipArtefacts(ctx, dossierId, kind, seq);
  return have;
}
