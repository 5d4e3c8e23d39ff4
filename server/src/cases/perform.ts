import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import {
  checkDocuments,
  type Action,
  type Channel,
  type DossierEvent,
  type DossierState,
  type Issue,
  type Procedure,
} from '@motcua/core';
import type { ServerContext } from '../context.ts';
import type { Principal } from '../http/principal.ts';
import type { Tx } from '../db/client.ts';
import { artefacts, dossierEvents, dossierFiles, files, staff, staffRoles } from '../db/schema/index.ts';
import { PG_DEADLOCK, PG_SERIALIZATION_FAILURE, pgErrorCode } from '../db/errors.ts';
import { HttpError, errors } from '../http/errors.ts';
import { act, dossierNotFound } from '../dossiers/act.ts';
import { dossierById, type DossierRow } from '../dossiers/load.ts';
import { workflowContext } from '../dossiers/workflow-context.ts';
import { loadVersion } from '../procedures/catalog.ts';
import type { UploadedFile } from '../intake/multipart.ts';
import { sameMessage, uploadRefusal, uploadRows } from '../intake/upload-rows.ts';
import { issueSlip, type ArtefactRow } from '../slips/issue.ts';
import { slipKindOfEvent } from '../slips/from-dossier.ts';
import { chooseActor } from './actor.ts';
import type { ActionRequest, CaseView } from '@motcua/api';
import { caseView } from './view.ts';
import { conflictFacts, explainConflict } from './conflict.ts';

/** Media types accepted for result documents (checked on the sniffed bytes). */
export const RESULT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

export interface ActionOutcome {
  /** False when the action was a repeat that changed nothing (same external or payment reference). */
  recorded: boolean;
  /** The sequence numbers of the events appended. */
  events: number[];
  dossier: CaseView;
  /** Slips issued for the new events (HTML and PDF each). */
  slips: ArtefactRow[];
}

/**
 * A 409 that carries the dossier as it is now, so the client can show it and decide again, and
 * says who holds it or changed it meanwhile.
 */
export async function withCurrent(
  ctx: ServerContext,
  err: HttpError,
  dossierId: string,
  principal: Principal,
): Promise<HttpError> {
  const row = await dossierById(ctx.db, dossierId);
  const current = row ? await caseView(ctx, row) : null;
  const explained = row ? explainConflict(err, await conflictFacts(ctx, row), principal) : err;
  return new HttpError(explained.status, explained.code, explained.userMessage, explained.issues, {
    ...(explained.extra ?? {}),
    current,
  });
}

function purposeOf(kind: ActionRequest['kind']): 'result' | 'supplement' | 'attachment' {
  if (kind === 'approve' || kind === 'deny' || kind === 'receive_external') return 'result';
  if (kind === 'supplement_provided') return 'supplement';
  return 'attachment';
}

/** Problems with uploaded files for this action (type, size), before anything is recorded. */
function uploadIssues(
  procedure: Procedure,
  data: unknown,
  evaluator: ServerContext['evaluator'],
  kind: ActionRequest['kind'],
  uploads: readonly UploadedFile[],
  channel: Channel,
): Issue[] {
  const issues: Issue[] = [];
  const purpose = purposeOf(kind);
  if (purpose === 'supplement') {
    const provided: Record<string, { mediaType: string; size: number }[]> = Object.create(null) as Record<
      string,
      { mediaType: string; size: number }[]
    >; // part names are the sender's: no prototype to hit
    for (const u of uploads) (provided[u.documentId] ??= []).push({ mediaType: u.mediaType, size: u.size });
    const codes = new Set([
      'media-type',
      'too-large',
      'empty-file',
      'unknown-document',
      'too-many-files',
      'document-not-applicable',
      'document-not-asked-on-channel',
      'document-to-show',
    ]);
    issues.push(
      ...checkDocuments(procedure, data, evaluator, provided, channel).filter(
        (i) => codes.has(i.code) && Object.hasOwn(provided, i.pointer.split('/')[2] ?? ''),
      ),
    );
  } else {
    uploads.forEach((u) => {
      const pointer = `/files/${u.documentId}/${u.ordinal}`;
      if (u.tooLarge)
        issues.push({ pointer, code: 'too-large', message: { vi: 'Tệp quá lớn', en: 'The file is too large' } });
      else if (u.size === 0)
        issues.push({ pointer, code: 'empty-file', message: { vi: 'Tệp rỗng', en: 'The file is empty' } });
      else if (purpose === 'result' && !RESULT_MEDIA_TYPES.includes(u.mediaType)) {
        issues.push({
          pointer,
          code: 'media-type',
          message: {
            vi: `Văn bản kết quả phải là PDF, PNG hoặc JPEG (tệp là ${u.mediaType})`,
            en: `A result document must be PDF, PNG or JPEG (this file is ${u.mediaType})`,
          },
        });
      }
    });
  }
  return issues;
}

/** The assignee must be an active account holding the step's role at the dossier's agency. */
async function checkAssignee(
  ctx: ServerContext,
  state: DossierState,
  params: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const id = params.assignee;
  if (typeof id !== 'string') return params; // core reports the shape
  const rows = /^[0-9a-f-]{36}$/i.test(id)
    ? await ctx.db
        .select({ name: staff.fullName })
        .from(staffRoles)
        .innerJoin(staff, eq(staff.id, staffRoles.staffId))
        .where(
          and(
            eq(staffRoles.staffId, id),
            eq(staffRoles.agencyCode, state.location.agency),
            eq(staffRoles.role, state.location.role),
            eq(staff.active, true),
          ),
        )
    : [];
  if (!rows[0]) {
    throw errors.unprocessable(
      'invalid_assignee',
      {
        vi: 'Người được phân công không giữ vai trò của bước này tại cơ quan',
        en: 'The assignee does not hold this step\u2019s role at the agency',
      },
      [
        {
          pointer: '/params/assignee',
          code: 'not-a-handler',
          message: {
            vi: `Tài khoản phải có vai trò "${state.location.role}" tại cơ quan ${state.location.agency}`,
            en: `The account must hold the "${state.location.role}" role at agency ${state.location.agency}`,
          },
        },
      ],
    );
  }
  return { ...params, assigneeName: typeof params.assigneeName === 'string' ? params.assigneeName : rows[0].name };
}

/**
 * Executes one staff action on a dossier through core's transition function (via `act`): the
 * actor is the principal at the agency where core allows the action; uploaded files become
 * document records linked in the event's transaction (result documents also become immutable
 * artefacts); slips the new events call for are issued after the commit. A deadlock between two
 * writers of the same report totals is retried; a concurrent change of the dossier is a 409
 * carrying its current view. `slips: false` leaves the slips to be issued on demand (the demo's
 * sample history: hundreds of PDFs nobody asked for would only slow the first start).
 */
export async function performAction(
  ctx: ServerContext,
  principal: Principal,
  dossierId: string,
  req: ActionRequest,
  uploads: readonly UploadedFile[] = [],
  options: { slips?: boolean } = {},
): Promise<ActionOutcome> {
  if (req.asAgency !== undefined && !principal.grants.some((g) => g.agency === req.asAgency)) {
    throw errors.forbidden({
      vi: `Bạn không có vai trò tại cơ quan ${req.asAgency}`,
      en: `You hold no role at agency ${req.asAgency}`,
    });
  }
  let settled = false;
  try {
    for (let attempt = 0; ; attempt++) {
      const row = await dossierById(ctx.db, dossierId);
      if (!row) throw dossierNotFound();
      try {
        const outcome = await attemptAction(ctx, principal, row, req, uploads);
        settled = true;
        if (outcome.recorded) await Promise.all(uploads.filter((u) => u.key).map((u) => ctx.files.settle(u.key!)));
        else await discardUploads(ctx, uploads);
        const slips =
          outcome.recorded && options.slips !== false
            ? await issueSlipsFor(ctx, row, outcome.events, principal.staffId)
            : [];
        const fresh = (await dossierById(ctx.db, dossierId))!;
        return { ...outcome, dossier: await caseView(ctx, fresh), slips };
      } catch (err) {
        const code = pgErrorCode(err);
        if ((code === PG_DEADLOCK || code === PG_SERIALIZATION_FAILURE) && attempt < 3) continue;
        if (err instanceof HttpError && err.status === 409) throw await withCurrent(ctx, err, dossierId, principal);
        throw err;
      }
    }
  } finally {
    if (!settled) await discardUploads(ctx, uploads);
  }
}

async function discardUploads(ctx: ServerContext, uploads: readonly UploadedFile[]): Promise<void> {
  await Promise.all(uploads.filter((u) => u.key).map((u) => ctx.files.discard(u.key!)));
}

async function attemptAction(
  ctx: ServerContext,
  principal: Principal,
  row: DossierRow,
  req: ActionRequest,
  uploads: readonly UploadedFile[],
): Promise<Omit<ActionOutcome, 'dossier' | 'slips'>> {
  if (req.lockVersion !== undefined && req.lockVersion !== row.lockVersion) {
    throw errors.conflict('stale_version', {
      vi: `Hồ sơ đã thay đổi (phiên bản ${row.lockVersion}, bạn đang xem phiên bản ${req.lockVersion}); hãy tải lại`,
      en: `The dossier has changed (version ${row.lockVersion}, you acted on version ${req.lockVersion}); reload it`,
    });
  }
  const version = await loadVersion(ctx, row.procedureCode, row.procedureVersion);
  if (!version) throw new Error(`dossier ${row.code} is pinned to a missing version`);
  const snap = await ctx.agencies.get();
  const state = row.state as DossierState;
  const at = Math.max(ctx.clock.now(), state.lastEventAt);
  const wctx = workflowContext(ctx, snap, version.definition, row.data, 'all', row.submittedAt.getTime());

  // A supplement answers the documents asked of this dossier, i.e. on its own channel.
  const issues = uploadIssues(version.definition, wctx.data, ctx.evaluator, req.kind, uploads, row.channel as Channel);
  if (issues.length)
    throw uploadRefusal(issues, sameMessage({ vi: 'Tệp đính kèm không hợp lệ', en: 'Invalid attached files' }));
  // Files named by id must already belong to this dossier.
  const named = req.attachments ?? [];
  if (named.length) {
    const linked = await ctx.db
      .select({ id: dossierFiles.fileId })
      .from(dossierFiles)
      .where(and(eq(dossierFiles.dossierId, row.id), inArray(dossierFiles.fileId, named)));
    const known = new Set(linked.map((l) => l.id));
    const bad = named.map((id, i) => ({ id, i })).filter((x) => !known.has(x.id));
    if (bad.length) {
      throw errors.invalid(
        bad.map((b) => ({
          pointer: `/attachments/${b.i}`,
          code: 'unknown-file',
          message: { vi: 'Tệp không thuộc hồ sơ này', en: 'Not a file of this dossier' },
        })),
      );
    }
  }
  const stored = uploads.filter((u) => u.key);
  const newIds = stored.map(() => randomUUID());
  const attachments = [...named, ...newIds];
  let params = (req.params ?? {}) as Record<string, unknown>;
  if (req.kind === 'assign') params = await checkAssignee(ctx, state, params);
  const actor = chooseActor(principal, wctx, state, req.kind, at, req.asAgency);
  const action = {
    kind: req.kind,
    actor,
    at,
    params,
    ...(req.comment !== undefined ? { comment: req.comment } : {}),
    ...(attachments.length ? { attachments } : {}),
  } as Action;
  const purpose = purposeOf(req.kind);
  const provenance = purpose === 'supplement' ? 'counter-scan' : 'staff';
  const before = state.eventCount;
  const after = await act(ctx, row, action, async (tx: Tx, seq: number) => {
    if (!stored.length) return;
    const now = new Date(ctx.clock.now());
    const rows = uploadRows(stored, newIds, {
      dossierId: row.id,
      provenance,
      uploadedBy: principal.staffId,
      purpose,
      eventSeq: seq,
      at: now,
    });
    await tx.insert(files).values(rows.files);
    await tx.insert(dossierFiles).values(rows.links);
    if (req.kind === 'approve' || req.kind === 'deny' || req.kind === 'receive_external') {
      // A result document is an issued artefact: immutable, with its hash.
      await tx.insert(artefacts).values(
        stored.map((u, i) => ({
          id: randomUUID(),
          dossierId: row.id,
          kind: 'result',
          eventSeq: seq,
          format: 'file',
          templateVersion: null,
          formNo: null,
          fileId: newIds[i]!,
          sha256: u.sha256,
          size: u.size,
          mediaType: u.mediaType,
          issuedAt: new Date(at),
          issuedBy: principal.staffId,
          recordedAt: now,
        })),
      );
    }
  });
  const events = Array.from({ length: after.eventCount - before }, (_, i) => before + i + 1);
  return { recorded: events.length > 0, events };
}

/** Issues the slips the new events call for; a failure is logged, not the action's (a slip can be issued later on demand). */
async function issueSlipsFor(
  ctx: ServerContext,
  row: DossierRow,
  seqs: readonly number[],
  issuedBy: string,
): Promise<ArtefactRow[]> {
  if (!seqs.length) return [];
  const out: ArtefactRow[] = [];
  const events = await ctx.db
    .select({ seq: dossierEvents.seq, event: dossierEvents.event })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, row.id), inArray(dossierEvents.seq, [...seqs])));
  for (const { seq, event } of events.sort((a, b) => a.seq - b.seq)) {
    const kind = slipKindOfEvent(event as DossierEvent);
    if (!kind) continue;
    try {
      out.push(...(await issueSlip(ctx, row.id, kind, seq, issuedBy)));
    } catch (err) {
      ctx.log.error({ err, dossier: row.code, seq, kind }, 'slip not issued; it can be issued on demand');
    }
  }
  return out;
}
