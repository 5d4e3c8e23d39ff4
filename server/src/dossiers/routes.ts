import { Type } from '@sinclair/typebox';
import { asc, eq } from 'drizzle-orm';
import { STATUSES, formatInstant, isOverdue, type DossierState, type StatusCode } from '@motcua/core';
import { route, type AnyRoute } from '../http/route.ts';
import { DossierCode, Uuid } from '../http/schemas.ts';
import { dossierEvents, dossierFiles, files } from '../db/schema/index.ts';
import { dossierById, type DossierRow } from './load.ts';
import { dossierNotFound } from './act.ts';
import { logAccess } from './access-log.ts';
import { serveDossierFile } from '../tracking/routes.ts';
import type { ResolvedTarget } from '../policy/targets.ts';
import type { AppEnv } from '../http/env.ts';
import type { Context } from 'hono';

async function targetDossier(c: Context<AppEnv>): Promise<DossierRow> {
  const t = c.get('target') as ResolvedTarget;
  const row = t.dossierId ? await dossierById(c.get('ctx').db, t.dossierId) : null;
  if (!row) throw dossierNotFound();
  return row;
}

const DossierView = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    procedure: Type.Object({ code: Type.String(), version: Type.Integer() }),
    field: Type.String(),
    channel: Type.String(),
    status: Type.Integer(),
    statusLabel: Type.Object({ vi: Type.String(), en: Type.String() }),
    overdue: Type.Boolean({ description: 'Derived now from the due instant, never stored' }),
    receivingAgency: Type.String(),
    responsibleAgency: Type.Union([Type.String(), Type.Null()]),
    location: Type.Object({
      agency: Type.String(),
      step: Type.Union([Type.String(), Type.Null()]),
      role: Type.Union([Type.String(), Type.Null()]),
    }),
    submittedAt: Type.String(),
    acceptedAt: Type.Union([Type.String(), Type.Null()]),
    dueAt: Type.Union([Type.String(), Type.Null()]),
    applicant: Type.Unknown(),
    submitter: Type.Unknown(),
    data: Type.Unknown(),
    fees: Type.Unknown(),
    state: Type.Unknown({ description: 'Core\u2019s DossierState' }),
    files: Type.Array(
      Type.Object({
        id: Type.String(),
        documentId: Type.String(),
        purpose: Type.String(),
        name: Type.Union([Type.String(), Type.Null()]),
        size: Type.Integer(),
        mediaType: Type.String(),
        sha256: Type.String(),
        provenance: Type.String(),
      }),
    ),
    lockVersion: Type.Integer(),
    eventCount: Type.Integer(),
    headHash: Type.String(),
  },
  { additionalProperties: true },
);

export function dossierRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/dossiers/{dossierCode}',
      operationId: 'getDossier',
      summary: 'Hồ sơ (cán bộ) / A dossier, for staff',
      description: 'Every read is recorded in the access log (personal data).',
      tags: ['dossiers'],
      params: Type.Object({ dossierCode: DossierCode }),
      responses: { 200: { description: 'The dossier', schema: DossierView } },
      handler: async (c) => {
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
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/dossiers/{dossierCode}/events',
      operationId: 'listDossierEvents',
      summary: 'Nhật ký sự kiện của hồ sơ / A dossier\u2019s event log',
      tags: ['dossiers'],
      params: Type.Object({ dossierCode: DossierCode }),
      responses: {
        200: {
          description: 'Events in order with their hash chain',
          schema: Type.Object({
            items: Type.Array(
              Type.Object({
                seq: Type.Integer(),
                kind: Type.String(),
                at: Type.String(),
                event: Type.Unknown(),
                prevHash: Type.String(),
                hash: Type.String(),
              }),
            ),
          }),
        },
      },
      handler: async (c) => {
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
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/dossiers/{dossierCode}/files/{fileId}',
      operationId: 'getDossierFile',
      summary: 'Tải tệp của hồ sơ (cán bộ) / Download a dossier\u2019s file, for staff',
      tags: ['dossiers'],
      params: Type.Object({ dossierCode: DossierCode, fileId: Uuid }),
      responses: { 200: { description: 'The bytes', contentType: 'application/octet-stream' } },
      handler: async (c, { params }) => {
        const row = await targetDossier(c);
        const res = await serveDossierFile(c, row.id, params.fileId, null);
        await logAccess(c, row.id, 'getDossierFile', { fileId: params.fileId });
        return res;
      },
    }),
  ];
}
