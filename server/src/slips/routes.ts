import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Context } from 'hono';
import type { DossierEvent, DossierState } from '@motcua/core';
import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import type { AppEnv } from '../http/env.ts';
import { errors, HttpError } from '../http/errors.ts';
import { artefacts, dossierEvents } from '../db/schema/index.ts';
import { dossierById, type DossierRow } from '../dossiers/load.ts';
import { dossierNotFound } from '../dossiers/act.ts';
import type { ResolvedTarget } from '../policy/targets.ts';
import { PrintInputError } from '../print/index.ts';
import { type SlipKind } from './slip-data.ts';
import { issueSlip } from './issue.ts';
import { SlipNotApplicable, slipKindOfEvent } from './from-dossier.ts';
import { artefactView } from './view.ts';
import { serveArtefact } from './serve-artefact.ts';
import { trackingSecretMatches } from '../auth/tracking-secret.ts';

async function targetDossier(c: Context<AppEnv>): Promise<DossierRow> {
  const t = c.get('target') as ResolvedTarget;
  const row = t.dossierId ? await dossierById(c.get('ctx').db, t.dossierId) : null;
  if (!row) throw dossierNotFound();
  return row;
}

const TRACKING_SECRET_MISMATCH = {
  vi: 'Mã bí mật tra cứu không phải của hồ sơ này, hoặc phiếu này không in mã tra cứu',
  en: 'The tracking secret is not this dossier\u2019s, or this slip does not print one',
};

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
      let tracking: { secret: string } | undefined;
      if (body.trackingSecret !== undefined) {
        if (kind !== 'receipt' || !trackingSecretMatches(body.trackingSecret.trim(), row.trackingSecretHash))
          throw new HttpError(422, 'tracking_secret_mismatch', TRACKING_SECRET_MISMATCH, [
            { pointer: '/trackingSecret', code: 'tracking-secret', message: TRACKING_SECRET_MISMATCH },
          ]);
        tracking = { secret: body.trackingSecret };
      }
      try {
        const items = await issueSlip(ctx, row.id, kind, seq, c.get('principal')?.staffId ?? null, tracking);
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
    implement(contract.getDossierSlip, async (c, { params }) =>
      serveArtefact(c, await targetDossier(c), params.fileId, 'getDossierSlip'),
    ),
  ];
}
