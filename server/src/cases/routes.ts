import { and, asc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { DossierState, Role } from '@motcua/core';
import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import type { AppEnv } from '../http/env.ts';
import { errors } from '../http/errors.ts';
import { validateOnce } from '../http/validation.ts';
import { staff, staffRoles } from '../db/schema/index.ts';
import { dossierById, type DossierRow } from '../dossiers/load.ts';
import { dossierNotFound } from '../dossiers/act.ts';
import { workflowContext } from '../dossiers/workflow-context.ts';
import { loadVersion } from '../procedures/catalog.ts';
import { discardAll, parseMultipart } from '../intake/multipart.ts';
import type { ResolvedTarget } from '../policy/targets.ts';
import { ActionRequestSchema, type ActionRequest } from '@motcua/api';
import { performAction, type ActionOutcome } from './perform.ts';
import { actionLabel, caseView } from './view.ts';
import { actionsFor } from './actor.ts';
import { logAccessMany } from './access.ts';
import { artefactView } from '../slips/view.ts';

async function targetDossier(c: Context<AppEnv>): Promise<DossierRow> {
  const t = c.get('target') as ResolvedTarget;
  const row = t.dossierId ? await dossierById(c.get('ctx').db, t.dossierId) : null;
  if (!row) throw dossierNotFound();
  return row;
}

function outcomeJson(c: Context<AppEnv>, o: ActionOutcome) {
  const code = o.dossier.code;
  return c.json({
    recorded: o.recorded,
    events: o.events,
    dossier: o.dossier,
    slips: o.slips.map((a) => artefactView(code, a)),
  });
}

export function caseRoutes(): Implementation[] {
  return [
    implement(contract.listDossierActions, async (c) => {
      const ctx = c.get('ctx');
      const row = await targetDossier(c);
      const version = await loadVersion(ctx, row.procedureCode, row.procedureVersion);
      const snap = await ctx.agencies.get();
      const now = ctx.clock.now();
      const state = row.state as DossierState;
      const actions = version
        ? actionsFor(
            c.get('principal')!,
            workflowContext(ctx, snap, version.definition, row.data, 'all', row.submittedAt.getTime()),
            state,
            Math.max(now, state.lastEventAt),
          )
        : [];
      await logAccessMany(c, [row.id], 'listDossierActions');
      return c.json({
        dossier: await caseView(ctx, row, snap, now),
        actions: actions.map((a) => ({ kind: a.kind, label: actionLabel(a.kind), agency: a.agency })),
      });
    }),
    implement(contract.performDossierAction, async (c, { body }) => {
      const row = await targetDossier(c);
      return outcomeJson(c, await performAction(c.get('ctx'), c.get('principal')!, row.id, body as ActionRequest));
    }),
    implement(contract.performDossierActionWithFiles, async (c) => {
      const ctx = c.get('ctx');
      const row = await targetDossier(c);
      const version = await loadVersion(ctx, row.procedureCode, row.procedureVersion);
      const limits = new Map(version?.definition.documents.map((d) => [d.id, d.maxSizeBytes]) ?? []);
      const upload = await parseMultipart(c.req.raw, {
        store: ctx.files,
        filePrefix: 'files.',
        maxFileBytes: (id) => Math.min(limits.get(id) ?? ctx.config.maxFileBytes, ctx.config.maxFileBytes),
        maxFiles: ctx.config.maxFilesPerRequest,
        maxFieldBytes: 64 * 1024,
      });
      let handed = false;
      try {
        const issues = [...upload.issues];
        let req: ActionRequest | null = null;
        if (upload.fields.action === undefined) {
          issues.push({
            pointer: '/action',
            code: 'required',
            message: { vi: 'Thiếu phần "action" (JSON)', en: 'The "action" part (JSON) is missing' },
          });
        } else {
          let json: unknown;
          try {
            json = JSON.parse(upload.fields.action);
          } catch {
            issues.push({
              pointer: '/action',
              code: 'json',
              message: { vi: 'Phần "action" không phải JSON hợp lệ', en: 'The "action" part is not valid JSON' },
            });
          }
          if (json !== undefined) {
            const shape = validateOnce(ActionRequestSchema, json, '/action');
            issues.push(...shape);
            if (!shape.length) req = json as ActionRequest;
          }
        }
        if (issues.length || !req) {
          const status = issues.some((i) => i.code === 'too-large') ? 413 : 400;
          throw status === 413 ? errors.tooLarge(issues) : errors.invalid(issues);
        }
        handed = true;
        return outcomeJson(c, await performAction(ctx, c.get('principal')!, row.id, req, upload.files));
      } finally {
        if (!handed) await discardAll(ctx.files, upload.files);
      }
    }),
    implement(contract.listAgencyHandlers, async (c, { params, query }) => {
      const ctx = c.get('ctx');
      const rows = await ctx.db
        .select({ id: staff.id, fullName: staff.fullName, role: staffRoles.role })
        .from(staffRoles)
        .innerJoin(staff, eq(staff.id, staffRoles.staffId))
        .where(
          and(
            eq(staffRoles.agencyCode, params.agencyCode),
            eq(staff.active, true),
            ...(query.role ? [eq(staffRoles.role, query.role as Role)] : []),
          ),
        )
        .orderBy(asc(staffRoles.role), asc(staff.fullName), asc(staff.id));
      // Without a role asked for, only the roles that handle dossiers.
      return c.json({
        items: query.role
          ? rows
          : rows.filter((r) => r.role === 'reception' || r.role === 'specialist' || r.role === 'leader'),
      });
    }),
  ];
}
