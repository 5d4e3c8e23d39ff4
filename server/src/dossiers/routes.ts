import { asc, eq } from 'drizzle-orm';
import { STATUSES, formatInstant, isOverdue, type DossierState, type StatusCode } from '@motcua/core';
import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { dossierEvents, dossierFiles, files } from '../db/schema/index.ts';
import { dossierById, type DossierRow } from './load.ts';
import { dossierNotFound } from './act.ts';
import { logAccess } from './access-log.ts';
import { serveDossierFile } from './serve-file.ts';
import type { ResolvedTarget } from '../policy/targets.ts';
import type { AppEnv } from '../http/env.ts';
import type { Context } from 'hono';

async function targetDossier(c: Context<AppEnv>): Promise<DossierRow> {
  const t = c.get('target') as ResolvedTarget;
  const row = t.dossierId ? await dossierById(c.get('ctx').db, t.dossierId) : null;
  if (!row) throw dossierNotFound();
  return row;
}

export function dossierRoutes(): Implementation[] {
  return [
    implement(contract.getDossier, async (c) => {
      const ctx = c.get('ctx');
      const row = await targetDossier(c);
      const state = row.state as DossierState;
      const snap = await ctx.agencies.get();
      const tz = snap.records.get(row.receivingAgency)?.timeZone ?? ctx.config.timeZone;
      const iso = (t: number | null) => (t === null ? null : formatInstant(t, tz));
      const fileRows = await ctx.db
        .select({
          id: files.id,
          documentId: dossierFiles.documentId,
          purpose: dossierFiles.purpose,
          name: files.originalName,
          size: files.size,
          mediaType: files.mediaType,
          sha256: files.sha256,
          provenance: files.provenance,
          activeContent: files.activeContent,
        })
        .from(dossierFiles)
        .innerJoin(files, eq(files.id, dossierFiles.fileId))
        .where(eq(dossierFiles.dossierId, row.id))
        .orderBy(asc(dossierFiles.addedAt), asc(dossierFiles.documentId), asc(dossierFiles.ordinal));
      await logAccess(c, row.id, 'getDossier');
      return c.json({
        id: row.id,
        code: row.code!,
        procedure: { code: row.procedureCode, version: row.procedureVersion },
        field: row.fieldCode,
        channel: row.channel,
        status: state.status,
        statusLabel: STATUSES[state.status as StatusCode],
        overdue: isOverdue(state, ctx.clock.now()),
        receivingAgency: row.receivingAgency,
        responsibleAgency: row.responsibleAgency,
        location: { agency: row.locationAgency, step: row.locationStep, role: row.locationRole },
        submittedAt: iso(state.submittedAt)!,
        acceptedAt: iso(state.acceptedAt),
        dueAt: iso(state.dueAt),
        applicant: row.applicant,
        submitter: row.submitter,
        data: row.data,
        fees: row.fees,
        state,
        files: fileRows,
        lockVersion: row.lockVersion,
        eventCount: row.eventCount,
        headHash: row.headHash,
        imported: row.imported,
      });
    }),
    implement(contract.listDossierEvents, async (c) => {
      const ctx = c.get('ctx');
      const row = await targetDossier(c);
      const rows = await ctx.db
        .select()
        .from(dossierEvents)
        .where(eq(dossierEvents.dossierId, row.id))
        .orderBy(asc(dossierEvents.seq));
      await logAccess(c, row.id, 'listDossierEvents');
      return c.json({
        items: rows.map((r) => ({
          seq: r.seq,
          kind: r.kind,
          at: r.at.toISOString(),
          event: r.event,
          prevHash: r.prevHash,
          hash: r.hash,
        })),
      });
    }),
    implement(contract.getDossierFile, async (c, { params }) => {
      const row = await targetDossier(c);
      const res = await serveDossierFile(c, row.id, params.fileId, null);
      await logAccess(c, row.id, 'getDossierFile', { fileId: params.fileId });
      return res;
    }),
  ];
}
