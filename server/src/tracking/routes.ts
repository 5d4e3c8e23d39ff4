import { randomUUID } from 'node:crypto';
import { checkDocuments, withDerived, type Channel, type DossierState, type Issue } from '@motcua/core';
import type { Context } from 'hono';
import { APPLICANT_SLIP_KINDS, SupplementPart, contract } from '@motcua/api';
import { serveArtefact } from '../slips/serve-artefact.ts';
import { implement, type Implementation } from '../http/implement.ts';
import type { AppEnv } from '../http/env.ts';
import { validateOnce } from '../http/validation.ts';
import { trackingSecretMatches } from '../auth/tracking-secret.ts';
import { dossierFiles, files } from '../db/schema/index.ts';
import { dossierByCode, type DossierRow } from '../dossiers/load.ts';
import { act, dossierNotFound } from '../dossiers/act.ts';
import { serveDossierFile } from '../dossiers/serve-file.ts';
import { loadVersion } from '../procedures/catalog.ts';
import { discardAll, parseMultipart } from '../intake/multipart.ts';
import { sameMessage, uploadRefusal, uploadRows } from '../intake/upload-rows.ts';
import { APPLICANT_FILE_PURPOSES, trackingView } from './view.ts';

/** The dossier behind a code and secret; unknown code and wrong secret look the same (404). */
export async function dossierForApplicant(c: Context<AppEnv>, code: string): Promise<DossierRow> {
  const secret = c.req.header('x-tracking-secret') ?? '';
  const row = await dossierByCode(c.get('ctx').db, code);
  if (!row || !trackingSecretMatches(secret.trim(), row.trackingSecretHash)) throw dossierNotFound();
  return row;
}

/** File problems that concern the supplied files themselves (completeness was judged at submission). */
const FILE_CODES = new Set([
  'media-type',
  'too-large',
  'empty-file',
  'unknown-document',
  'too-many-files',
  'document-not-applicable',
  'document-not-asked-on-channel',
  'document-to-show',
]);

export function trackingRoutes(): Implementation[] {
  return [
    implement(contract.publicTrackDossier, async (c, { params }) => {
      const row = await dossierForApplicant(c, params.dossierCode);
      c.header('Cache-Control', 'no-store');
      return c.json(await trackingView(c.get('ctx'), row));
    }),
    implement(contract.publicSupplementDossier, async (c, { params }) => {
      const ctx = c.get('ctx');
      const row = await dossierForApplicant(c, params.dossierCode);
      const version = (await loadVersion(ctx, row.procedureCode, row.procedureVersion))!;
      const limits = new Map(version.definition.documents.map((d) => [d.id, d.maxSizeBytes]));
      const upload = await parseMultipart(c.req.raw, {
        store: ctx.files,
        filePrefix: 'documents.',
        maxFileBytes: (id) => limits.get(id) ?? ctx.config.maxFileBytes,
        maxFiles: ctx.config.maxFilesPerRequest,
        maxFieldBytes: 64 * 1024,
      });
      let done = false;
      try {
        let comment: string | undefined;
        const issues: Issue[] = [...upload.issues];
        if (upload.fields.supplement !== undefined) {
          let json: unknown;
          try {
            json = JSON.parse(upload.fields.supplement);
          } catch {
            json = undefined;
            issues.push({
              pointer: '/supplement',
              code: 'json',
              message: {
                vi: 'Phần "supplement" không phải JSON hợp lệ',
                en: 'The "supplement" part is not valid JSON',
              },
            });
          }
          if (json !== undefined) {
            const shape = validateOnce(SupplementPart, json, '/supplement');
            issues.push(...shape);
            if (!shape.length) comment = (json as { comment?: string }).comment?.trim() || undefined;
          }
        }
        const provided: Record<string, { mediaType: string; size: number }[]> = Object.create(null) as Record<
          string,
          { mediaType: string; size: number }[]
        >; // part names are the sender's: no prototype to hit
        for (const u of upload.files) (provided[u.documentId] ??= []).push({ mediaType: u.mediaType, size: u.size });
        issues.push(
          ...checkDocuments(
            version.definition,
            withDerived(version.definition, row.data, row.submittedAt.getTime()),
            ctx.evaluator,
            provided,
            row.channel as Channel, // the documents asked of this dossier are those of its own channel
          ).filter((i) => FILE_CODES.has(i.code) && Object.hasOwn(provided, i.pointer.split('/')[2] ?? '')),
        );
        if (issues.length)
          throw uploadRefusal(issues, sameMessage({ vi: 'Tệp bổ sung không hợp lệ', en: 'Invalid supplement' }));
        const stored = upload.files.filter((u) => u.key);
        const ids = stored.map(() => randomUUID());
        const now = ctx.clock.now();
        await act(
          ctx,
          row,
          {
            kind: 'supplement_provided',
            actor: { kind: 'applicant' },
            at: now,
            ...(ids.length ? { attachments: ids } : {}),
            ...(comment ? { comment } : {}),
          },
          async (tx, seq) => {
            if (!stored.length) return;
            const rows = uploadRows(stored, ids, {
              dossierId: row.id,
              provenance: 'online',
              uploadedBy: null,
              purpose: 'supplement',
              eventSeq: seq,
              at: new Date(now),
            });
            await tx.insert(files).values(rows.files);
            await tx.insert(dossierFiles).values(rows.links);
          },
        );
        done = true;
        await Promise.all(stored.map((u) => ctx.files.settle(u.key!)));
      } finally {
        if (!done) await discardAll(ctx.files, upload.files);
      }
      return c.json(await trackingView(ctx, (await dossierByCode(ctx.db, params.dossierCode))!));
    }),
    implement(contract.publicWithdrawDossier, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      const row = await dossierForApplicant(c, params.dossierCode);
      const state = row.state as DossierState;
      const reason = body.reason?.trim() || undefined;
      const direct = state.status === 1 || (state.status === 6 && state.acceptedAt === null);
      await act(ctx, row, {
        kind: direct ? 'withdraw' : 'request_withdrawal',
        actor: { kind: 'applicant' },
        at: ctx.clock.now(),
        params: reason ? { reason } : {},
        ...(reason ? { comment: reason } : {}),
      } as never);
      return c.json(await trackingView(ctx, (await dossierByCode(ctx.db, params.dossierCode))!));
    }),
    implement(contract.publicGetDossierFile, async (c, { params }) => {
      const row = await dossierForApplicant(c, params.dossierCode);
      return serveDossierFile(c, row.id, params.fileId, [...APPLICANT_FILE_PURPOSES]);
    }),
    implement(contract.publicGetDossierSlip, async (c, { params }) => {
      const row = await dossierForApplicant(c, params.dossierCode);
      return serveArtefact(c, row, params.fileId, 'publicGetDossierSlip', APPLICANT_SLIP_KINDS);
    }),
  ];
}
