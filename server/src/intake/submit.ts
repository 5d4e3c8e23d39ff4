import { randomUUID } from 'node:crypto';
import { SubmissionSchema, type Submission } from '@motcua/api';
import {
  STATUSES,
  applicantIdentity,
  resolveNotifyContacts,
  type NotifyContacts,
  checkSubmission,
  chosenAgency,
  computeDue,
  computeFees,
  feesSettled,
  paymentDue,
  type PaymentDue,
  decide,
  formatInstant,
  type Actor,
  type DossierEvent,
  type DossierState,
  type FeeQuote,
  type Issue,
  type LocalizedText,
  type Message,
  type ProvidedFile,
  type Refusal,
  submitterIdentity,
} from '@motcua/core';
import type { ServerContext } from '../context.ts';
import {
  dossierAgencies,
  dossierEvents,
  dossierFiles,
  dossiers,
  files as filesTable,
  reportLedger,
  dossierFacts,
  dashboardDaily,
} from '../db/schema/index.ts';
import { combineInserts, insertSql } from '../db/insert-sql.ts';
import { runTransaction, type Statement } from '../db/pipeline.ts';
import { noFaults } from '../config/faults.ts';
import { errors, HttpError } from '../http/errors.ts';
import { hostileInputIssues } from '../http/hostile-input/hostile-input.ts';
import { validateOnce } from '../http/validation.ts';
import { inForce, type PublishedProcedure } from '../procedures/catalog.ts';
import { newTrackingSecret, trackingSecretHash } from '../auth/tracking-secret.ts';
import { chainHashes, eventRows, LEDGER_UPSERT, ledgerRows, stateColumns, visitRows } from '../dossiers/store.ts';
import { GENESIS_HASH } from '../dossiers/event-hash.ts';
import { applicantSearchColumns } from '../dossiers/applicant-search.ts';
import { factsRow } from '../reports/facts-store.ts';
import { DAILY_UPSERT, DailySums, dailyRows } from '../reports/daily-sums.ts';
import { indexEventFlags } from '@motcua/core';
import { workflowContext } from '../dossiers/workflow-context.ts';
import { discardAll, parseMultipart, type UploadedFile } from './multipart.ts';
import { uploadRefusal, uploadRows } from './upload-rows.ts';
import type { RequestBody } from '../http/request-body.ts';
import { requestHash } from './request-hash.ts';
import { checkKey, claimKeySql, isKeyTaken, storedResult, type StoredResult } from './idempotency.ts';
import { allocateCodeSql } from './sequence.ts';
import { withPaymentDue } from '../dossiers/payment-due.ts';

export interface SubmissionResponse {
  code: string;
  secret: string;
  status: number;
  statusLabel: Message;
  fees: FeeQuote;
  dueAt: string | null;
  expectedDueAt: string | null;
  agency: { code: string; name: LocalizedText };
  payment: PaymentDue | null;
}

export interface IntakeRequest {
  procedureCode: string;
  /** online (the public API) or counter (reception staff; the channel comes from the submission). */
  via: 'online' | 'counter';
  actor: Actor;
  /** Counter intake: the agency whose counter receives (the receiving agency must be it). */
  counterAgency?: string;
  idempotencyKey?: string | undefined;
  uploadedBy: string | null;
}

/**
 * The submission part (form data, agency, version): far more than any form's fields hold, far
 * less than the 1 MB of arbitrary JSON it once let anyone store. Depth is capped by the hostile
 * input check, undeclared properties by core.
 */
export const MAX_SUBMISSION_BYTES = 256 * 1024;

const notFound = () => errors.notFound({ vi: 'Không tìm thấy thủ tục', en: 'Procedure not found' });

/** 413 beats 415 beats 400 when a submission has several kinds of problem; all issues are returned. */
function refusalError(r: Refusal): HttpError {
  // Problems with the applicant's input (data, chosen agency) are invalid input for the public API.
  const input = r.issues?.length && r.issues.every((i) => i.pointer === '/agency' || i.pointer.startsWith('/data'));
  return new HttpError(input ? 400 : r.httpStatus, input ? 'invalid_data' : r.code, r.message, r.issues);
}

function parseSubmission(raw: string | undefined): Submission {
  if (raw === undefined) {
    throw errors.invalid([
      {
        pointer: '/submission',
        code: 'required',
        message: { vi: 'Thiếu phần "submission" (JSON)', en: 'The "submission" part (JSON) is missing' },
      },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw errors.invalid([
      {
        pointer: '/submission',
        code: 'json',
        message: { vi: 'Phần "submission" không phải JSON hợp lệ', en: 'The "submission" part is not valid JSON' },
      },
    ]);
  }
  const hostile = hostileInputIssues(json);
  const issues = (hostile.length ? hostile : validateOnce(SubmissionSchema, json)).map((i) => ({
    ...i,
    pointer: i.pointer.startsWith('/data') ? i.pointer : `/submission${i.pointer}`,
  }));
  if (issues.length) throw errors.invalid(issues);
  return json as Submission;
}

/**
 * Receives a dossier, online or at the counter, through one path: stream the files to the store,
 * validate everything with core (data, documents by their sniffed bytes, fees, receiving agency,
 * the submit transition), then ONE transaction — idempotency key, dossier, events, document
 * records, and last the daily sequence and the code. Any failure removes the stored files; a
 * crash leaves pending files that the start-up sweep removes.
 */
export async function submitDossier(
  ctx: ServerContext,
  req: IntakeRequest,
  request: Request | RequestBody,
): Promise<StoredResult> {
  const key = checkKey(req.idempotencyKey);
  const f = await inForce(ctx, req.procedureCode);
  if (!f || f.retired || !f.current) throw notFound();
  const current = f.current;
  const limits = new Map(current.definition.documents.map((d) => [d.id, d.maxSizeBytes]));
  const upload = await parseMultipart(request, {
    store: ctx.files,
    filePrefix: 'documents.',
    maxFileBytes: (id) => Math.min(limits.get(id) ?? ctx.config.maxFileBytes, ctx.config.maxRequestBytes),
    maxFiles: ctx.config.maxFilesPerRequest,
    maxFieldBytes: MAX_SUBMISSION_BYTES,
    afterFile: () => ctx.faults.hit('upload.after-part'),
  });
  let settled = false;
  try {
    const result = await receive(ctx, req, key, current, upload.fields, upload.files, upload.issues);
    settled = true;
    return result;
  } finally {
    if (!settled) await discardAll(ctx.files, upload.files);
  }
}

async function receive(
  ctx: ServerContext,
  req: IntakeRequest,
  key: string | null,
  current: PublishedProcedure,
  fields: Record<string, string>,
  uploads: UploadedFile[],
  streamIssues: Issue[],
): Promise<StoredResult> {
  const submission = parseSubmission(fields.submission);
  const scope =
    req.via === 'online' ? `public:${req.procedureCode}` : `counter:${req.counterAgency}:${req.procedureCode}`;
  const hash = requestHash(scope, submission, uploads);
  const now = ctx.clock.now();
  let plan: Plan;
  try {
    plan = await check(ctx, req, current, submission, uploads, streamIssues, now);
  } catch (err) {
    // A retried submission answers with its first result even if it would not pass any more (a
    // new version, a date rule); the same key with another body is 422. A new key costs no lookup.
    const prior = key ? await storedResult(ctx.db, scope, key, hash, now) : null;
    if (!prior) throw err;
    await discardAll(ctx.files, uploads);
    return withPaymentDue(ctx, prior);
  }
  const { state, stored, fileIds, body, tz } = plan;
  const procedure = current.definition;
  const id = randomUUID();
  const hashes = chainHashes(id, GENESIS_HASH, plan.events);

  await ctx.faults.hit('intake.after-file-write', { keys: stored.map((u) => u.key) });

  // One transaction: first ONE statement with the idempotency key (concurrent retries queue on
  // its unique index), the dossier, its events, the document records and visits — then the hot
  // rows, as late as possible: the Biểu 06 totals (counter intake), and last the daily sequence
  // with the code.
  const head: Statement[] = [];
  if (key) head.push(claimKeySql(scope, key, hash, now, ctx.config.idempotencyTtlHours));
  head.push(
    insertSql(dossiers, [
      {
        id,
        code: null,
        procedureCode: current.code,
        procedureVersion: current.version,
        fieldCode: procedure.field.code,
        submittedAt: new Date(now),
        ...plan.applicantColumns,
        notify: plan.notify,
        data: submission.data,
        fees: body.fees,
        trackingSecretHash: trackingSecretHash(body.secret),
        headHash: hashes.at(-1)!,
        createdAt: new Date(now),
        updatedAt: new Date(now),
        ...stateColumns(state),
      },
    ]),
    insertSql(dossierEvents, eventRows(id, GENESIS_HASH, plan.events, now, hashes)),
  );
  if (stored.length) {
    const rows = uploadRows(stored, fileIds, {
      dossierId: id,
      provenance: req.via === 'online' ? 'online' : 'counter-scan',
      uploadedBy: req.uploadedBy,
      purpose: 'submission',
      eventSeq: 1,
      at: new Date(now),
    });
    head.push(insertSql(filesTable, rows.files), insertSql(dossierFiles, rows.links));
  }
  head.push(
    insertSql(
      dossierAgencies,
      visitRows(id, [state.receivingAgency, state.location.agency], now, plan.applicantColumns.applicantSearch),
    ),
  );
  const tail: Statement[] = [];
  const ledger = ledgerRows(procedure.field.code, null, state);
  if (ledger.length) tail.push(insertSql(reportLedger, ledger, LEDGER_UPSERT));
  const facts = factsRow(id, state, procedure.field.code, current.code, indexEventFlags(plan.events));
  if (facts) {
    tail.push(insertSql(dossierFacts, [facts]));
    const daily = dailyRows(new DailySums().add([facts]));
    if (daily.length) tail.push(insertSql(dashboardDaily, daily, DAILY_UPSERT));
  }
  // What is due is left out: it needs the code (a replay reads it from the dossier, payment-due.ts).
  const { code: _, payment: _due, ...bodyWithoutCode } = body;
  tail.push(
    allocateCodeSql({
      agencyCode: state.receivingAgency,
      at: now,
      timeZone: tz,
      dossierId: id,
      key: key ? { scope, key, status: 201, body: bodyWithoutCode } : undefined,
    }),
  );

  // Test builds only: fault points between the statements (production sends all in one go).
  const between =
    ctx.faults === noFaults
      ? undefined
      : async (group: number) =>
          ctx.faults.hit(group === 0 ? 'intake.after-insert' : 'intake.before-commit', { dossierId: id });
  for (let attempt = 0; ; attempt++) {
    try {
      // The head's inserts as one statement (one execution and one reply instead of 4–6 on PostgreSQL).
      const rows = await runTransaction(ctx.database, [[combineInserts(head)], tail], between);
      body.code = String(rows[1]!.at(-1)![0]!.code);
      body.payment = paymentDue(procedure, body.code, body.fees, feesSettled(state));
      break;
    } catch (err) {
      if (!key || !isKeyTaken(err)) throw err;
      // Another request with the same key committed first: answer with its result.
      const prior = await storedResult(ctx.db, scope, key, hash, ctx.clock.now());
      if (prior) {
        await discardAll(ctx.files, uploads);
        return withPaymentDue(ctx, prior);
      }
      // The key had expired and is now forgotten: claim it once more.
      if (attempt >= 1)
        throw errors.conflict('idempotency_in_progress', {
          vi: 'Yêu cầu cùng khóa đang được xử lý, hãy thử lại',
          en: 'A request with this key is in progress; retry',
        });
    }
  }
  await Promise.all(stored.map((u) => ctx.files.settle(u.key!)));
  // The request's log line carries the code (see the routes); details only at debug level.
  ctx.log.debug(
    { code: body.code, procedure: current.code, version: current.version, via: req.via, files: stored.length },
    'dossier received',
  );
  return { status: 201, body };
}

/** The applicant's own contacts from data that failed validation: whatever can be read, else none. */
function safeIdentity(...args: Parameters<typeof applicantIdentity>): { email?: string; phone?: string } {
  try {
    return applicantIdentity(...args);
  } catch {
    return {};
  }
}

/** What a valid submission will write: core's decision and everything derived from it. */
interface Plan {
  state: DossierState;
  events: DossierEvent[];
  stored: UploadedFile[];
  fileIds: string[];
  tz: string;
  notify: NotifyContacts | null;
  applicantColumns: Pick<
    typeof dossiers.$inferInsert,
    | 'applicantKind'
    | 'applicantName'
    | 'applicantIdNumber'
    | 'applicantPhone'
    | 'applicantEmail'
    | 'applicantAddress'
    | 'applicantSearch'
    | 'searchPairs'
    | 'applicant'
    | 'submitter'
  >;
  /** The response; `code` is set once the sequence gave the number. */
  body: SubmissionResponse;
}

/** Checks everything with core before anything is written, reporting every problem at once. */
async function check(
  ctx: ServerContext,
  req: IntakeRequest,
  current: PublishedProcedure,
  submission: Submission,
  uploads: UploadedFile[],
  streamIssues: Issue[],
  now: number,
): Promise<Plan> {
  if (submission.version !== current.version) {
    throw errors.conflict(
      'version_changed',
      {
        vi: `Thủ tục đã có phiên bản mới (${current.version}); hãy tải lại tờ khai`,
        en: `The procedure has a new version (${current.version}); reload the form`,
      },
      { currentVersion: current.version },
    );
  }
  if (req.via === 'online' && submission.channel !== undefined) {
    throw errors.invalid([
      {
        pointer: '/submission/channel',
        code: 'not-allowed',
        message: { vi: 'Kênh chỉ dùng khi tiếp nhận tại quầy', en: 'The channel is for counter intake only' },
      },
    ]);
  }
  const procedure = current.definition;
  const data = submission.data;
  const snap = await ctx.agencies.get();
  const wctx = workflowContext(ctx, snap, procedure, data, 'new', now);

  const provided: Record<string, ProvidedFile[]> = Object.create(null) as Record<string, ProvidedFile[]>; // part names are the sender's: no prototype to hit
  for (const u of [...uploads].sort((a, b) => a.ordinal - b.ordinal)) {
    (provided[u.documentId] ??= []).push({ mediaType: u.mediaType, size: u.size, ...(u.name ? { name: u.name } : {}) });
  }
  // The same check as the form's, re-done here: the server trusts nothing from the browser.
  const issues: Issue[] = [
    ...streamIssues,
    ...checkSubmission(
      procedure,
      {
        data,
        // At the counter the staff member's own agency is the choice, as in the workflow's submit.
        agency: submission.agency ?? (req.via === 'counter' ? chosenAgency(procedure, req.counterAgency) : undefined),
        documents: provided,
      },
      ctx.evaluator,
      // The channel decides which documents are asked (online, the e-form is the declaration).
      {
        directory: wctx.directory,
        submittedAt: now,
        channel: req.via === 'online' ? 'online' : (submission.channel ?? 'direct'),
      },
    ),
  ];
  // The channels chosen for notifications: an address typed, or the applicant's own from the data.
  let notify: NotifyContacts | null = null;
  if (submission.notify) {
    const own = issues.length
      ? safeIdentity(procedure, data, ctx.evaluator)
      : applicantIdentity(procedure, data, ctx.evaluator);
    const chosen = resolveNotifyContacts(submission.notify, own, '/submission/notify');
    if (chosen.ok) notify = chosen.contacts;
    else issues.push(...chosen.issues);
  }
  if (issues.length)
    throw uploadRefusal(issues, {
      400: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
      413: { vi: 'Tệp quá lớn', en: 'File too large' },
      415: { vi: 'Kiểu tệp không được chấp nhận', en: 'Unsupported media type' },
    });
  const fees = computeFees(procedure, wctx.data, ctx.evaluator);
  const stored = uploads.filter((u) => u.key);
  const fileIds = stored.map(() => randomUUID());
  const decision = decide(wctx, null, {
    kind: 'submit',
    actor: req.actor,
    at: now,
    params: {
      channel: req.via === 'online' ? 'online' : (submission.channel ?? 'direct'),
      ...(submission.agency !== undefined ? { agency: submission.agency } : {}),
      feesOwed: fees.total,
    },
    ...(fileIds.length ? { attachments: fileIds } : {}),
  });
  if (!decision.ok) throw refusalError(decision.refusal);
  const state = decision.state;
  if (req.via === 'counter' && state.receivingAgency !== req.counterAgency) {
    throw errors.unprocessable('other_agency', {
      vi: `Hồ sơ này do cơ quan ${state.receivingAgency} tiếp nhận, không phải ${req.counterAgency}`,
      en: `This dossier is received by agency ${state.receivingAgency}, not ${req.counterAgency}`,
    });
  }
  const receiving = snap.records.get(state.receivingAgency)!;
  const tz = receiving.timeZone;
  const applicant = applicantIdentity(procedure, data, ctx.evaluator);
  const submitter = submitterIdentity(procedure, data, ctx.evaluator);
  const applicantName = applicant.kind === 'organization' ? (applicant.name ?? '') : (applicant.fullName ?? '');
  const expectedDue =
    state.dueAt === null ? computeDue(snap.calendarOf(state.receivingAgency), now, procedure.deadline) : null;
  return {
    state,
    events: decision.events,
    stored,
    fileIds,
    tz,
    notify,
    applicantColumns: {
      applicantKind: applicant.kind,
      applicantName,
      applicantIdNumber: applicant.kind === 'organization' ? (applicant.taxCode ?? null) : (applicant.idNumber ?? null),
      applicantPhone: applicant.phone ?? null,
      applicantEmail: applicant.email ?? null,
      applicantAddress: applicant.address ?? null,
      ...applicantSearchColumns([
        applicantName,
        applicant.idNumber,
        applicant.taxCode,
        applicant.phone,
        applicant.email,
      ]),
      applicant,
      submitter,
    },
    body: {
      code: '',
      secret: newTrackingSecret(),
      status: state.status,
      statusLabel: STATUSES[state.status],
      fees,
      dueAt: state.dueAt === null ? null : formatInstant(state.dueAt, tz),
      expectedDueAt: expectedDue === null ? null : formatInstant(expectedDue, tz),
      agency: { code: receiving.code, name: receiving.name },
      payment: null,
    },
  };
}
