import { Type } from '@sinclair/typebox';
import { and, asc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { DossierState, Role } from '@motcua/core';
import { ROLE_NAMES } from '@motcua/core';
import { route, type AnyRoute } from '../http/route.ts';
import type { AppEnv } from '../http/env.ts';
import { errors } from '../http/errors.ts';
import { DossierCode, AgencyCode, Uuid } from '../http/schemas.ts';
import { validateOnce } from '../http/validation.ts';
import { staff, staffRoles } from '../db/schema/index.ts';
import { dossierById, type DossierRow } from '../dossiers/load.ts';
import { dossierNotFound } from '../dossiers/act.ts';
import { workflowContext } from '../dossiers/workflow-context.ts';
import { loadVersion } from '../procedures/catalog.ts';
import { discardAll, parseMultipart } from '../intake/multipart.ts';
import type { ResolvedTarget } from '../policy/targets.ts';
import { ActionRequestSchema, type ActionRequest } from './request.ts';
import { performAction, type ActionOutcome } from './perform.ts';
import { CaseViewSchema, actionLabel, caseView } from './view.ts';
import { actionsFor } from './actor.ts';
import { logAccessMany } from './access.ts';
import { ArtefactView, artefactView } from '../slips/view.ts';

async function targetDossier(c: Context<AppEnv>): Promise<DossierRow> {
  const t = c.get('target') as ResolvedTarget;
  const row = t.dossierId ? await dossierById(c.get('ctx').db, t.dossierId) : null;
  if (!row) throw dossierNotFound();
  return row;
}

const ActionOutcomeSchema = Type.Object({
  recorded: Type.Boolean({
    description: 'False when the action repeated one already recorded (same external or payment reference)',
  }),
  events: Type.Array(Type.Integer(), { description: 'Sequence numbers of the events appended' }),
  dossier: CaseViewSchema,
  slips: Type.Array(ArtefactView, { description: 'Slips issued for the new events (HTML and PDF)' }),
});

const ERRORS = {
  400: { description: 'Malformed action or parameters (issues point into the action)' },
  403: { description: 'Not yours to do (core names who may)' },
  404: { description: 'No such dossier' },
  409: {
    description:
      'Not possible in the dossier\u2019s current state, or changed meanwhile: `current` holds the dossier now',
  },
  422: { description: 'Well-formed but not acceptable (e.g. an appointment before the current one)' },
};

function outcomeJson(c: Context<AppEnv>, o: ActionOutcome) {
  const code = o.dossier.code;
  return c.json({
    recorded: o.recorded,
    events: o.events,
    dossier: o.dossier,
    slips: o.slips.map((a) => artefactView(code, a)),
  });
}

export function caseRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/dossiers/{dossierCode}/actions',
      operationId: 'listDossierActions',
      summary: 'Thao tác được phép / What I may do with a dossier now',
      description:
        'The dossier\u2019s case view and the actions core\u2019s workflow allows the caller now (status, step, role, agency, assignee).',
      tags: ['cases'],
      params: Type.Object({ dossierCode: DossierCode }),
      responses: {
        200: {
          description: 'The case view and the allowed actions',
          schema: Type.Object({
            dossier: CaseViewSchema,
            actions: Type.Array(
              Type.Object({
                kind: Type.String(),
                label: Type.Object({ vi: Type.String(), en: Type.String() }),
                agency: Type.String({ description: 'The agency the caller acts at for it' }),
              }),
            ),
          }),
        },
      },
      handler: async (c) => {
        const ctx = c.get('ctx');
        const row = await targetDossier(c);
        const version = await loadVersion(ctx, row.procedureCode, row.procedureVersion);
        const snap = await ctx.agencies.get();
        const now = ctx.clock.now();
        const state = row.state as DossierState;
        const actions = version
          ? actionsFor(
              c.get('principal')!,
              workflowContext(ctx, snap, version.definition, row.data, 'all'),
              state,
              Math.max(now, state.lastEventAt),
            )
          : [];
        await logAccessMany(c, [row.id], 'listDossierActions');
        return c.json({
          dossier: await caseView(ctx, row, snap, now),
          actions: actions.map((a) => ({ kind: a.kind, label: actionLabel(a.kind), agency: a.agency })),
        });
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/dossiers/{dossierCode}/actions',
      operationId: 'performDossierAction',
      summary: 'Thực hiện thao tác / Act on a dossier',
      description:
        'Executes one action through core\u2019s workflow and records it as an immutable event (actor, time, comment, attachments). Send `lockVersion` from the view you acted on. Kinds: accept, refuse, request_supplement, supplement_provided, accept_supplement, request_payment, payment_recorded, claim, assign, forward, send_external, receive_external (idempotent on `params.ref`), approve, deny (both need a result document: use …/actions/with-files), return_result, stop, withdraw, extend. Slips the event calls for (receipt, supplement request, refusal, apology, stop notice) are issued with it.',
      tags: ['cases'],
      params: Type.Object({ dossierCode: DossierCode }),
      body: { json: ActionRequestSchema },
      responses: {
        200: { description: 'Recorded (or recognised as a repeat)', schema: ActionOutcomeSchema },
        ...ERRORS,
      },
      handler: async (c, { body }) => {
        const row = await targetDossier(c);
        return outcomeJson(c, await performAction(c.get('ctx'), c.get('principal')!, row.id, body as ActionRequest));
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/dossiers/{dossierCode}/actions/with-files',
      operationId: 'performDossierActionWithFiles',
      summary: 'Thao tác kèm tệp / Act on a dossier with uploaded files',
      description:
        'multipart/form-data: part `action` (the JSON of …/actions) and file parts `files.<name>` — result documents for approve/deny (PDF, PNG, JPEG), the supplied documents for supplement_provided at the counter (`files.<documentId>`, checked against the procedure), or any attachment. Files are checked by their bytes and linked in the event\u2019s transaction; a refused action keeps none.',
      tags: ['cases'],
      params: Type.Object({ dossierCode: DossierCode }),
      body: {
        multipart: Type.Object(
          { action: Type.String({ description: 'JSON of the action' }) },
          { additionalProperties: Type.String({ format: 'binary' }) },
        ),
      },
      responses: {
        200: { description: 'Recorded', schema: ActionOutcomeSchema },
        ...ERRORS,
        413: { description: 'A file is too large' },
        415: { description: 'Not multipart, or a file of the wrong type' },
      },
      handler: async (c) => {
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
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/agencies/{agencyCode}/handlers',
      operationId: 'listAgencyHandlers',
      summary: 'Cán bộ xử lý của cơ quan / Who can be assigned at an agency',
      description: 'Active accounts holding `role` at the agency (all case roles when omitted), for assignment.',
      tags: ['cases'],
      params: Type.Object({ agencyCode: AgencyCode }),
      query: Type.Object(
        { role: Type.Optional(Type.Union(ROLE_NAMES.map((r) => Type.Literal(r)))) },
        { additionalProperties: false },
      ),
      responses: {
        200: {
          description: 'Accounts',
          schema: Type.Object({
            items: Type.Array(Type.Object({ id: Uuid, fullName: Type.String(), role: Type.String() })),
          }),
        },
      },
      handler: async (c, { params, query }) => {
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
      },
    }),
  ];
}
