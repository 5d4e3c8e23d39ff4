import { eq } from 'drizzle-orm';
import {
  availableActions,
  isOverdue,
  localDate,
  VIETNAM_TIME_ZONE,
  requiredDocuments,
  uploadLimits,
  type ActionKind,
  type DossierState,
  type Role,
} from '@motcua/core';
import type { ActionRequest } from '@motcua/api';
import type { ServerContext } from '../context.ts';
import { manualClock } from '../config/clock.ts';
import { staff, staffRoles } from '../db/schema/index.ts';
import type { Principal } from '../http/principal.ts';
import { HttpError } from '../http/errors.ts';
import { inForce, loadVersion } from '../procedures/catalog.ts';
import { submitDossier } from '../intake/submit.ts';
import { parseMultipart } from '../intake/multipart.ts';
import { performAction } from '../cases/perform.ts';
import { staffActor } from '../cases/actor.ts';
import { dossierByCode, dossierById } from '../dossiers/load.ts';
import { workflowContext } from '../dossiers/workflow-context.ts';
import { SAMPLE_PROCEDURES, prng, randomPerson, sampleData } from './sample-applicants.ts';
import { nextInstant, preferences, samplePlans, workingInstant, type SamplePlan } from './sample-plan.ts';
import { DESK, deskPlans } from './sample-desk.ts';
import { PRINCIPAL_COLUMNS } from '../auth/load-principal.ts';

export interface SampleReport {
  dossiers: number;
  events: number;
  /** Still open at the end (in the inboxes), of which past their due date. */
  open: number;
  overdue: number;
  ms: number;
}

/** The seed of the demo's sample: every demo database gets the same dossiers (relative to its first start). */
export const SAMPLE_SEED = 20_260_701;
const DAY = 86_400_000;

/** A small real PDF: what a scanned document or a signed result stands for in the sample. */
function pdf(text: string): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

/** The demo's staff accounts as the principals the services act for. */
async function principals(ctx: ServerContext): Promise<Principal[]> {
  const rows = await ctx.db
    .select(PRINCIPAL_COLUMNS)
    .from(staff)
    .innerJoin(staffRoles, eq(staffRoles.staffId, staff.id))
    .orderBy(staff.username);
  const byId = new Map<string, Principal>();
  for (const r of rows) {
    let p = byId.get(r.id);
    if (!p)
      byId.set(
        r.id,
        (p = {
          staffId: r.id,
          username: r.username,
          fullName: r.fullName,
          agencyCode: r.agencyCode,
          grants: [],
          via: 'token',
        }),
      );
    p.grants.push({ agency: r.agency, role: r.role as Role });
  }
  return [...byId.values()];
}

/**
 * Creates the demo's sample dossiers — `count` over the twelve months before now, a third of them
 * (up to the desk's scenarios) recent open work left at each stage of the main communes' inboxes —
 * through the server's own intake and case services with the clock set to each moment: every event is
 * core's decision, and the facts, daily sums, Biểu 06 totals, visits and hash chain are written as
 * real use writes them. Slips are left to be issued on demand. Deterministic (seeded) but for ids
 * and tracking secrets.
 */
export async function seedSampleDossiers(ctx: ServerContext, count: number): Promise<SampleReport> {
  const started = Date.now();
  const now = ctx.clock.now();
  const clock = manualClock(now);
  const at: ServerContext = { ...ctx, clock };
  const r = prng(SAMPLE_SEED);
  const snap = await ctx.agencies.get();
  const communes = [...snap.records.values()]
    .filter((a) => a.kind === 'commune')
    .map((a) => a.code)
    .sort();
  const people = await principals(ctx);
  const firstDay = (
    await Promise.all(SAMPLE_PROCEDURES.map(async (code) => (await loadVersion(ctx, code, 1))?.effectiveFrom))
  )
    .filter((d): d is string => d !== undefined)
    .sort()[0];
  if (!firstDay || !communes.length) return { dossiers: 0, events: 0, open: 0, overdue: 0, ms: 0 };
  const from = Math.max(now - 365 * DAY, Date.parse(`${firstDay}T00:00:00+07:00`));
  const report: SampleReport = { dossiers: 0, events: 0, open: 0, overdue: 0, ms: 0 };
  // Embedded database: a commit need not wait for its write to disk while the sample is made (a
  // crash meanwhile loses the last few sample dossiers, never consistency). PGlite has one
  // connection, so the setting stays on this session and is reset after.
  const pglite = ctx.database.pglite;
  await pglite?.exec('set synchronous_commit = off');
  try {
    const desk = deskPlans(DESK.slice(0, Math.round(count / 3)), communes, (a) => snap.calendarOf(a), now, r);
    const plans = [...samplePlans(r, count - desk.length, communes, from, now), ...desk];
    plans.sort((a, b) => a.submitAt - b.submitAt);
    await playAll(at, clock, plans, people, now, r, report);
  } finally {
    await pglite?.exec('reset synchronous_commit');
  }
  report.ms = Date.now() - started;
  return report;
}

async function playAll(
  at: ServerContext,
  clock: ReturnType<typeof manualClock>,
  plans: SamplePlan[],
  people: Principal[],
  now: number,
  r: () => number,
  report: SampleReport,
): Promise<void> {
  const snap = await at.agencies.get();
  for (const plan of plans) {
    const cal = snap.calendarOf(plan.commune);
    clock.set(workingInstant(cal, plan.submitAt, r));
    if (clock.now() > now) continue;
    const code = await submitSample(at, plan, people, r);
    if (!code) continue;
    const state = plan.script
      ? await playScript(at, clock, plan.script, code, people)
      : await playOut(at, clock, plan, code, people, now, r);
    report.dossiers++;
    report.events += state.eventCount;
    if (!state.closed) {
      report.open++;
      if (isOverdue(state, now)) report.overdue++;
    }
  }
}

/** Submits one sample dossier (online, or at the commune's counter); null when its procedure was not yet in force. */
async function submitSample(
  ctx: ServerContext,
  plan: SamplePlan,
  people: Principal[],
  r: () => number,
): Promise<string | null> {
  // A procedure not yet in force that day (a version effective later) gives way to one that is.
  let current = (await inForce(ctx, plan.procedure))?.current;
  for (const code of SAMPLE_PROCEDURES) current ??= (await inForce(ctx, code))?.current;
  if (!current) return null;
  plan.procedure = current.code as SamplePlan['procedure'];
  const person = randomPerson(r);
  const place = (await ctx.agencies.get()).records.get(plan.commune)?.name.vi;
  if (place) person.address = `${person.address}, ${place}`;
  const data = sampleData(plan.procedure, r, person, plan.commune, ctx.clock.now(), plan.choices);
  const form = new FormData();
  const online = plan.channel === 'online';
  form.append(
    'submission',
    JSON.stringify({
      version: current.version,
      data,
      ...(online && current.definition.receiving.mode === 'choice' ? { agency: plan.commune } : {}),
      ...(online ? {} : { channel: plan.channel }),
    }),
  );
  for (const check of requiredDocuments(current.definition, data, ctx.evaluator, plan.channel)) {
    const limits = uploadLimits(check.document);
    if (!check.required || !limits) continue;
    for (let i = 0; i < Math.max(1, limits.minFiles); i++)
      form.append(
        `documents.${check.document.id}`,
        new Blob([pdf(check.document.id)], { type: 'application/pdf' }),
        `${check.document.id}.pdf`,
      );
  }
  const request = new Request('http://demo.invalid/', { method: 'POST', body: form });
  const reception = people.find((p) => p.grants.some((g) => g.agency === plan.commune && g.role === 'reception'));
  if (!online && !reception) return null;
  const result = await submitDossier(
    ctx,
    online
      ? { procedureCode: plan.procedure, via: 'online', actor: { kind: 'applicant' }, uploadedBy: null }
      : {
          procedureCode: plan.procedure,
          via: 'counter',
          actor: staffActor(reception!, plan.commune),
          counterAgency: plan.commune,
          uploadedBy: reception!.staffId,
        },
    request,
  );
  return String((result.body as { code: string }).code);
}

/** Who of the demo staff may take which of the plan's preferred actions now, best first. */
function nextMove(
  wctx: Parameters<typeof availableActions>[0],
  state: DossierState,
  prefs: readonly ActionKind[],
  people: Principal[],
  t: number,
): { kind: ActionKind; who: Principal; agency: string } | null {
  const agencies = [state.location.agency, state.receivingAgency];
  const offers: { kind: ActionKind; who: Principal; agency: string }[] = [];
  for (const who of people) {
    for (const agency of agencies) {
      if (!who.grants.some((g) => g.agency === agency)) continue;
      for (const kind of availableActions(wctx, state, staffActor(who, agency), t)) offers.push({ kind, who, agency });
    }
  }
  for (const kind of prefs) {
    const offer = offers.find((o) => o.kind === kind);
    if (offer) return offer;
  }
  return null;
}

/** Plays a submitted dossier's life forward until it closes or its next step would be after `now`. */
async function playOut(
  ctx: ServerContext,
  clock: ReturnType<typeof manualClock>,
  plan: SamplePlan,
  code: string,
  people: Principal[],
  now: number,
  r: () => number,
): Promise<DossierState> {
  let row = (await dossierByCode(ctx.db, code))!;
  const version = (await loadVersion(ctx, row.procedureCode, row.procedureVersion))!;
  const snap = await ctx.agencies.get();
  let asked = false;
  for (let step = 0; step < 20; step++) {
    const state = row.state as DossierState;
    if (state.closed) break;
    const wctx = workflowContext(ctx, snap, version.definition, row.data, 'all', row.submittedAt.getTime());
    const move = nextMove(wctx, state, preferences(plan, asked), people, clock.now());
    if (!move) break;
    const t = workingInstant(
      snap.calendarOf(state.location.agency),
      nextInstant(plan, move.kind, clock.now(), state, r),
      r,
    );
    if (t > now) break;
    clock.set(t);
    // An external answer closes a step with outcomes (then it carries the result) or only reports back.
    const tries = move.kind === 'receive_external' ? [false, true] : [move.kind === 'approve' || move.kind === 'deny'];
    let done = false;
    for (const withResult of tries) {
      try {
        const req = request(move.kind, state, step, withResult);
        await performAction(ctx, move.who, row.id, req, withResult ? await resultUpload(ctx) : [], { slips: false });
        done = true;
        break;
      } catch (err) {
        // Core may refuse at the later instant (a guard that depends on time): the dossier stays where it is.
        if (!(err instanceof HttpError)) throw err;
      }
    }
    if (!done) break;
    if (move.kind === 'request_supplement') asked = true;
    row = (await dossierById(ctx.db, row.id))!;
  }
  return row.state as DossierState;
}

/** Plays a scripted dossier: each action at its instant by whoever core lets take it; stops at the first refused. */
async function playScript(
  ctx: ServerContext,
  clock: ReturnType<typeof manualClock>,
  script: readonly { kind: ActionKind; at: number }[],
  code: string,
  people: Principal[],
): Promise<DossierState> {
  let row = (await dossierByCode(ctx.db, code))!;
  const version = (await loadVersion(ctx, row.procedureCode, row.procedureVersion))!;
  const snap = await ctx.agencies.get();
  for (const [step, { kind, at }] of script.entries()) {
    const state = row.state as DossierState;
    const wctx = workflowContext(ctx, snap, version.definition, row.data, 'all', row.submittedAt.getTime());
    const move = nextMove(wctx, state, [kind], people, at);
    if (!move || at < state.lastEventAt) break;
    clock.set(at);
    const withResult = kind === 'approve' || kind === 'deny';
    try {
      const req = request(kind, state, step, false);
      await performAction(ctx, move.who, row.id, req, withResult ? await resultUpload(ctx) : [], { slips: false });
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      break;
    }
    row = (await dossierById(ctx.db, row.id))!;
  }
  return row.state as DossierState;
}

/** A receipt or reference number as offices write them: the day and four digits, not an epoch. */
const serial = (at: number) =>
  `${localDate(at, VIETNAM_TIME_ZONE).slice(2).replaceAll('-', '')}${String(Math.floor(at / 1000) % 10_000).padStart(4, '0')}`;

/** The request of an action, with what real staff would write. */
function request(kind: ActionKind, s: DossierState, step: number, withResult: boolean): ActionRequest {
  const params: Record<string, unknown> = {};
  let comment: string | undefined;
  switch (kind) {
    case 'refuse':
      params.reasons = ['Hồ sơ không thuộc thẩm quyền giải quyết hoặc không đủ điều kiện tiếp nhận'];
      break;
    case 'request_supplement':
      params.items = [{ reason: 'Bản chụp giấy tờ không rõ, đề nghị nộp lại bản rõ nét' }];
      params.dueBy = s.lastEventAt + 10 * DAY;
      break;
    case 'supplement_provided':
      comment = 'Người nộp đã bổ sung giấy tờ tại Bộ phận Một cửa';
      break;
    case 'payment_recorded':
      params.amount = s.payment?.amount ?? 0;
      params.reference = `BL-${serial(s.submittedAt)}-${step}`;
      break;
    case 'send_external':
      params.ref = `DD-${serial(s.submittedAt)}`;
      break;
    case 'receive_external':
      params.ref = s.external?.ref ?? `DD-${serial(s.submittedAt)}`;
      if (withResult) params.outcome = 'approved';
      break;
    case 'deny':
      comment = 'Không đủ điều kiện theo quy định';
      break;
  }
  return { kind, params, ...(comment ? { comment } : {}) } as ActionRequest;
}

/** A result document, as uploaded with the action (a signed PDF in real use). */
async function resultUpload(ctx: ServerContext) {
  const form = new FormData();
  form.append('files.ket-qua', new Blob([pdf('ket qua')], { type: 'application/pdf' }), 'ket-qua.pdf');
  const parsed = await parseMultipart(new Request('http://demo.invalid/', { method: 'POST', body: form }), {
    store: ctx.files,
    filePrefix: 'files.',
    maxFileBytes: () => ctx.config.maxFileBytes,
    maxFiles: 1,
    maxFieldBytes: 1024,
  });
  return parsed.files;
}
