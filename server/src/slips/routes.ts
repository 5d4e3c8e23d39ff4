import { createHash } from 'node:crypto';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Context } from 'hono';
import type { DossierEvent, DossierState } from '@motcua/core';
import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import type { AppEnv } from '../http/env.ts';
import { errors, HttpError } from '../http/errors.ts';
import { artefacts, dossierEvents, files } from '../db/schema/index.ts';
import { dossierById, type DossierRow } from '../dossiers/load.ts';
import { dossierNotFound } from '../dossiers/act.ts';
import { logAccess } from '../dossiers/access-log.ts';
import type { ResolvedTarget } from '../policy/targets.ts';
import { PrintInputError } from '../print/index.ts';
import { type SlipKind } from './slip-data.ts';
import { issueSlip } from './issue.ts';
import { SlipNotApplicable, slipKindOfEvent } from './from-dossier.ts';
import { artefactView } from './view.ts';
import type { FileStore } from '../files/store.ts';

async function targetDossier(c: Context<AppEnv>): Promise<DossierRow> {
  const t = c.get('target') as ResolvedTarget;
  const row = t.dossierId ? await dossierById(c.get('ctx').db, t.dossierId) : null;
  if (!row) throw dossierNotFound();
  return row;
}

async function readAll(store: FileStore, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of store.read(key))
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export function slipRoutes(): Implementation[] {
  return [
    implement(contract.listDossierSlips, async (c) => {
      const row = await targetDossier(c);
      const rows = await c
        .get('ctx')
        .db.select()
        .from(artefacts)
        .where(eq(artefacts.dossierId, row.id))
        .orderBy(asc(artefacts.eventSeq), asc(artefacts.kind), asc(artefacts.format), asc(artefacts.recordedAt));
      return c.json({ items: rows.map((a) => artefactView(row.code!, a)) });
    }),
    implement(contract.issueDossierSlip, async (c, { body }) => {
      const ctx = c.get('ctx');
      const row = await targetDossier(c);
      const kind = body.kind as SlipKind;
      const state = row.state as DossierState;
      let seq = body.eventSeq;
      if (seq === undefined) {
        if (kind === 'control') seq = state.eventCount;
        else {
          const events = await ctx.db
            .select({ seq: dossierEvents.seq, event: dossierEvents.event })
            .from(dossierEvents)
            .where(and(eq(dossierEvents.dossierId, row.id), ne(dossierEvents.kind, 'claim')))
            .orderBy(desc(dossierEvents.seq));
          seq = events.find((e) => slipKindOfEvent(e.event as DossierEvent) === kind)?.seq;
        }
      } else if (seq > state.eventCount) {
        throw errors.invalid([
          {
            pointer: '/eventSeq',
            code: 'maximum',
            message: {
              vi: `Hồ sơ chỉ có ${state.eventCount} sự kiện`,
              en: `The dossier has ${state.eventCount} events`,
            },
          },
        ]);
      } else if (kind !== 'control') {
        const e = await ctx.db
          .select({ event: dossierEvents.event })
          .from(dossierEvents)
          .where(and(eq(dossierEvents.dossierId, row.id), eq(dossierEvents.seq, seq)));
        if (slipKindOfEvent(e[0]!.event as DossierEvent) !== kind) seq = undefined;
      }
      if (seq === undefined) {
        throw errors.conflict('no_such_slip', {
          vi: 'Hồ sơ không có sự kiện tương ứng với phiếu này',
          en: 'The dossier has no event this slip belongs to',
        });
      }
      try {
        const items = await issueSlip(ctx, row.id, kind, seq, c.get('principal')?.staffId ?? null);
        return c.json({ items: items.map((a) => artefactView(row.code!, a)) });
      } catch (err) {
        if (err instanceof SlipNotApplicable) throw errors.conflict('no_such_slip', err.reason);
        if (err instanceof PrintInputError)
          throw new HttpError(
            422,
            'slip_data_invalid',
            { vi: 'Dữ liệu hồ sơ không đủ để in phiếu', en: 'The dossier lacks data the slip needs' },
            err.issues,
          );
        throw err;
      }
    }),
    implement(contract.getDossierSlip, async (c, { params }) => {
      const ctx = c.get('ctx');
      const row = await targetDossier(c);
      const rows = await ctx.db
        .select({
          sha256: artefacts.sha256,
          mediaType: artefacts.mediaType,
          kind: artefacts.kind,
          key: files.storageKey,
          name: files.originalName,
        })
        .from(artefacts)
        .innerJoin(files, eq(files.id, artefacts.fileId))
        .where(and(eq(artefacts.dossierId, row.id), eq(artefacts.fileId, params.fileId)));
      const a = rows[0];
      if (!a) throw errors.notFound({ vi: 'Không tìm thấy phiếu', en: 'No such slip' });
      const bytes = await readAll(ctx.files, a.key);
      if (createHash('sha256').update(bytes).digest('hex') !== a.sha256) {
        ctx.log.error({ dossier: row.code, fileId: params.fileId }, 'stored artefact does not match its recorded hash');
        throw new HttpError(500, 'artefact_corrupt', {
          vi: 'Tệp đã phát hành bị thay đổi; đã ghi nhận sự cố',
          en: 'The issued file has been altered; the incident is logged',
        });
      }
      // Slips and results carry the applicant's personal data: every download is logged.
      await logAccess(c, row.id, 'getDossierSlip', { fileId: params.fileId, kind: a.kind });
      const name = a.name ?? `${params.fileId}`;
      c.header('Content-Type', a.mediaType);
      c.header('Content-Length', String(bytes.length));
      c.header(
        'Content-Disposition',
        `${a.mediaType.startsWith('text/html') || a.mediaType === 'application/pdf' ? 'inline' : 'attachment'}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`,
      );
      c.header('X-Content-Type-Options', 'nosniff');
      // An issued HTML slip is a document, never an application: nothing may load or run.
      if (a.mediaType.startsWith('text/html'))
        c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
      c.header('Cache-Control', 'private, max-age=31536000, immutable');
      c.header('ETag', `"${a.sha256}"`);
      return c.body(new Uint8Array(bytes));
    }),
  ];
}
