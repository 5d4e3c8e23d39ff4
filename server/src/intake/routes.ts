import { canonicalJson } from '@motcua/core';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import type { StoredResult } from './idempotency.ts';
import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { submitDossier } from './submit.ts';
import { importLegacyDossiers } from './legacy-import.ts';
import { requestBody } from '../http/request-body.ts';

/** Canonical JSON, so that a first answer and its idempotent replays are the same bytes. */
function respond(c: Context<AppEnv>, result: StoredResult): Response {
  c.set('logFields', { dossier: (result.body as { code?: unknown }).code });
  return c.body(canonicalJson(result.body), result.status as 201, {
    'Content-Type': 'application/json; charset=utf-8',
  });
}

export function intakeRoutes(): Implementation[] {
  return [
    implement(contract.publicSubmitDossier, async (c, { params }) => {
      const result = await submitDossier(
        c.get('ctx'),
        {
          procedureCode: params.procedureCode,
          via: 'online',
          actor: { kind: 'applicant' },
          idempotencyKey: c.req.header('idempotency-key'),
          uploadedBy: null,
        },
        requestBody(c),
      );
      return respond(c, result);
    }),
    implement(contract.counterSubmitDossier, async (c, { params }) => {
      const p = c.get('principal')!;
      const roles = p.grants.filter((g) => g.agency === params.agencyCode).map((g) => g.role);
      const result = await submitDossier(
        c.get('ctx'),
        {
          procedureCode: params.procedureCode,
          via: 'counter',
          actor: { kind: 'staff', id: p.staffId, name: p.fullName, agency: params.agencyCode, roles },
          counterAgency: params.agencyCode,
          idempotencyKey: c.req.header('idempotency-key'),
          uploadedBy: p.staffId,
        },
        requestBody(c),
      );
      return respond(c, result);
    }),
  ];
}

export function legacyImportRoutes(): Implementation[] {
  return [
    implement(contract.importLegacyDossiers, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      const snap = await ctx.agencies.get();
      const outcome = await importLegacyDossiers(ctx, body.dossiers, (agency) =>
        snap.all.isInSubtree(agency, params.agencyCode),
      );
      return c.json(outcome);
    }),
  ];
}
