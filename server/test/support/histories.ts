/**
 * Dossiers with random (or scripted) histories, made by core's transition function itself and
 * written with the server's own store functions: for tests that need thousands of realistic
 * dossiers (reports, inboxes, audit) without thousands of HTTP round trips.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  applicantIdentity,
  evolve,
  indexEventFlags,
  availableActions,
  computeFees,
  withDerived,
  decide,
  ledgerDiff,
  localDate,
  reportFacts,
  submitterIdentity,
  validateApplicantData,
  type Action,
  type ActionKind,
  type Actor,
  type DossierEvent,
  type DossierState,
  type LedgerEntry,
  type Role,
  type WorkflowContext,
} from '@motcua/core';
import type { ServerContext } from '../../src/context.ts';
import type { Executor } from '../../src/db/client.ts';
import { dossierAgencies, dossiers } from '../../src/db/schema/index.ts';
import { chainHashes, insertEvents, stateColumns, visitRows } from '../../src/dossiers/store.ts';
import { factsRow, writeFacts, type FactsRow } from '../../src/reports/facts-store.ts';
import { GENESIS_HASH } from '../../src/dossiers/event-hash.ts';
import { applicantSearchColumns } from '../../src/dossiers/applicant-search.ts';
import { workflowContext } from '../../src/dossiers/workflow-context.ts';
import { loadVersion, type PublishedProcedure } from '../../src/procedures/catalog.ts';
import { tokenHash } from '../../src/auth/secret.ts';
import type { AgencySnapshot } from '../../src/agency-directory/cache.ts';

// The demo's sample and these histories share the generator, the people and their form data.
import {
  CONSTRUCTION_COMMUNE,
  FAMILY,
  GIVEN,
  MIDDLE,
  SAMPLE_PROCEDURES,
  pick,
  prng,
  randomPerson,
  sampleData,
} from '../../src/seed/sample-applicants.ts';
export { FAMILY, GIVEN, MIDDLE, prng };

export const COMMUNES = Object.keys(CONSTRUCTION_COMMUNE);
export const EXAMPLE_PROCEDURES = SAMPLE_PROCEDURES;

/** A staff actor of the demo tree with a stable id per agency and role (a random-looking UUID). */
const actorIds = new Map<string, string>();
export function staffActorAt(agency: string, role: Role): Actor {
  const key = `${agency}/${role}`;
  let id = actorIds.get(key);
  if (!id) actorIds.set(key, (id = randomUUID()));
  return { kind: 'staff', id, name: `Cán bộ ${role} ${agency}`, agency, roles: [role] };
}

/** Plausible parameters for an action of `kind` on `state` at `at`. */
function paramsFor(kind: ActionKind, s: DossierState, at: number, r: () => number): Partial<Action> {
  const day = 86_400_000;
  switch (kind) {
    case 'refuse':
      return { params: { reasons: ['Hồ sơ không đủ điều kiện tiếp nhận'] } };
    case 'request_supplement':
      return {
        params: { items: [{ reason: 'Thiếu giấy tờ chứng minh' }], dueBy: at + (1 + Math.floor(r() * 10)) * day },
      };
    case 'supplement_provided':
      return { comment: 'Đã bổ sung giấy tờ' };
    case 'request_payment':
      return { params: { amount: 50_000 } };
    case 'payment_recorded':
      return { params: { amount: s.payment?.amount ?? 0, reference: randomUUID() } };
    case 'assign':
      return {
        params: {
          assignee: staffActorAt(s.location.agency, s.location.role).id!,
          assigneeName: 'Chuyên viên được phân công',
        },
      };
    case 'send_external':
      return { params: { ref: randomUUID() } };
    case 'receive_external':
      return { params: { ref: s.external?.ref ?? 'none' } };
    case 'approve':
      return { attachments: [randomUUID()] };
    case 'deny':
      return { attachments: [randomUUID()], comment: 'Không đủ điều kiện cấp' };
    case 'stop':
      return { params: { reason: 'Quá thời hạn bổ sung hồ sơ' } };
    case 'withdraw':
    case 'request_withdrawal':
      return { params: { reason: 'Người nộp đề nghị rút' } };
    case 'extend':
      return {
        params: {
          newDueAt: Math.max(s.dueAt ?? at, at) + (1 + Math.floor(r() * 5)) * day,
          reason: 'Cần xác minh thêm thông tin',
        },
      };
    default:
      return { params: {} };
  }
}

const WEIGHTS: Partial<Record<ActionKind, number>> = {
  accept: 6,
  claim: 3,
  forward: 5,
  approve: 5,
  deny: 1,
  return_result: 4,
  send_external: 4,
  receive_external: 4,
  request_supplement: 1.2,
  supplement_provided: 4,
  accept_supplement: 4,
  payment_recorded: 4,
  request_payment: 0.4,
  refuse: 0.4,
  stop: 0.3,
  withdraw: 0.5,
  request_withdrawal: 0.3,
  extend: 0.6,
  assign: 0.5,
};

/** Everyone who might act on a dossier in its state. */
function actorsFor(s: DossierState): Actor[] {
  const out: Actor[] = [
    staffActorAt(s.receivingAgency, 'reception'),
    staffActorAt(s.location.agency, 'leader'),
    { kind: 'applicant' },
    { kind: 'external', id: 'ext' },
  ];
  if (s.location.step !== null) {
    const member = staffActorAt(s.location.agency, s.location.role);
    out.push(s.location.assignee ? { ...member, id: s.location.assignee } : member);
  }
  return out;
}

export interface HistoryOptions {
  /** The first instant (submission). */
  start: number;
  /** No event after this instant. */
  until: number;
  /** The largest number of events after submission. */
  maxEvents?: number;
  /** Mean gap between events (ms). */
  meanGapMs?: number;
}

/** A random history of one dossier, event by event through core's `decide`. */
export function randomHistory(
  wctx: WorkflowContext,
  receiving: string,
  r: () => number,
  o: HistoryOptions,
): { events: DossierEvent[]; state: DossierState } {
  const channel = r() < 0.6 ? 'online' : r() < 0.85 ? 'direct' : 'postal';
  const fees = computeFees(wctx.procedure, wctx.data, wctx.evaluator);
  const submit = decide(wctx, null, {
    kind: 'submit',
    actor: channel === 'online' ? { kind: 'applicant' } : staffActorAt(receiving, 'reception'),
    at: o.start,
    params: {
      channel,
      ...(wctx.procedure.receiving.mode === 'choice' && channel === 'online' ? { agency: receiving } : {}),
      feesOwed: fees.total,
    },
  } as Action);
  if (!submit.ok)
    throw new Error(
      `generated submission refused: ${submit.refusal.message.en} ${JSON.stringify(submit.refusal.issues)}`,
    );
  const events = [...submit.events];
  let state = submit.state;
  let t = o.start;
  const mean = o.meanGapMs ?? 8 * 3600_000;
  for (let n = 0; n < (o.maxEvents ?? 14) && !state.closed; n++) {
    t += Math.max(60_000, Math.round(-Math.log(1 - r()) * mean));
    if (t > o.until) break;
    const options: { kind: ActionKind; actor: Actor; w: number }[] = [];
    for (const actor of actorsFor(state)) {
      for (const kind of availableActions(wctx, state, actor, t)) options.push({ kind, actor, w: WEIGHTS[kind] ?? 1 });
    }
    if (!options.length) break;
    let x = r() * options.reduce((a, b) => a + b.w, 0);
    let choice = options[0]!;
    for (const opt of options)
      if ((x -= opt.w) <= 0) {
        choice = opt;
        break;
      }
    const extra = paramsFor(choice.kind, state, t, r);
    let decision = decide(wctx, state, { kind: choice.kind, actor: choice.actor, at: t, ...extra } as Action);
    if (!decision.ok && choice.kind === 'receive_external') {
      decision = decide(wctx, state, {
        kind: choice.kind,
        actor: choice.actor,
        at: t,
        params: { ...(extra.params as object), outcome: 'approved' },
        attachments: [randomUUID()],
      } as Action);
    }
    if (!decision.ok) continue;
    events.push(...decision.events);
    state = decision.state;
  }
  return { events, state };
}

/** A history following a script of action kinds (the actor is whoever core lets act). */
export function scriptedHistory(
  wctx: WorkflowContext,
  receiving: string,
  script: readonly (ActionKind | { kind: ActionKind; gapMs?: number; extra?: Partial<Action> })[],
  o: { start: number; channel?: 'online' | 'direct' | 'postal'; gapMs?: number },
): { events: DossierEvent[]; state: DossierState } {
  const r = prng(7);
  const channel = o.channel ?? 'online';
  const fees = computeFees(wctx.procedure, wctx.data, wctx.evaluator);
  const submit = decide(wctx, null, {
    kind: 'submit',
    actor: channel === 'online' ? { kind: 'applicant' } : staffActorAt(receiving, 'reception'),
    at: o.start,
    params: {
      channel,
      ...(wctx.procedure.receiving.mode === 'choice' && channel === 'online' ? { agency: receiving } : {}),
      feesOwed: fees.total,
    },
  } as Action);
  if (!submit.ok) throw new Error(`scripted submission refused: ${submit.refusal.message.en}`);
  const events = [...submit.events];
  let state = submit.state;
  let t = o.start;
  for (const step of script) {
    const s = typeof step === 'string' ? { kind: step } : step;
    t += s.gapMs ?? o.gapMs ?? 3600_000;
    const actor = actorsFor(state).find((a) => availableActions(wctx, state, a, t).includes(s.kind));
    if (!actor) throw new Error(`nobody may ${s.kind} in status ${state.status}`);
    const d = decide(wctx, state, {
      kind: s.kind,
      actor,
      at: t,
      ...paramsFor(s.kind, state, t, r),
      ...(s.extra ?? {}),
    } as Action);
    if (!d.ok)
      throw new Error(`scripted ${s.kind} refused: ${d.refusal.message.en} ${JSON.stringify(d.refusal.issues ?? [])}`);
    events.push(...d.events);
    state = d.state;
  }
  return { events, state };
}

export interface GeneratedDossier {
  id: string;
  code: string;
  version: PublishedProcedure;
  data: Record<string, unknown>;
  events: DossierEvent[];
  state: DossierState;
}

export interface Generator {
  snap: AgencySnapshot;
  versions: Map<string, PublishedProcedure>;
  /** Core's context for a dossier of `code` with `data` submitted at `at` (epoch ms). */
  context(code: string, data: unknown, at: number): WorkflowContext;
  /** A fresh, unique dossier code of `agency` on the day of `at`. */
  codeFor(agency: string, at: number): string;
}

export async function generator(ctx: ServerContext): Promise<Generator> {
  const snap = await ctx.agencies.get();
  const versions = new Map<string, PublishedProcedure>();
  for (const code of EXAMPLE_PROCEDURES) versions.set(code, (await loadVersion(ctx, code, 1))!);
  const counters = new Map<string, number>();
  return {
    snap,
    versions,
    context: (code, data, at) => workflowContext(ctx, snap, versions.get(code)!.definition, data, 'all', at),
    codeFor(agency, at) {
      const day = localDate(at, snap.timeZoneOf(agency)).slice(2).replaceAll('-', '');
      const key = `${agency}-${day}`;
      // Far above what intake allocates in a test, so generated and received codes never meet.
      const n = (counters.get(key) ?? 900_000 + Math.floor(Math.random() * 50_000) * 2) + 1;
      counters.set(key, n);
      return `${key}-${n}`;
    },
  };
}

/** `count` dossiers with random histories between `start` and `until`, over the example procedures and communes. */
export function randomDossiers(
  g: Generator,
  ctx: ServerContext,
  count: number,
  seed: number,
  o: { start: number; until: number; maxEvents?: number; meanGapMs?: number },
): GeneratedDossier[] {
  const r = prng(seed);
  const out: GeneratedDossier[] = [];
  while (out.length < count) {
    const code = pick(r, EXAMPLE_PROCEDURES);
    const commune = pick(r, COMMUNES);
    const person = randomPerson(r);
    const at = o.start + Math.floor(r() * (o.until - o.start));
    const data = sampleData(code, r, person, commune, at);
    const wctx = g.context(code, data, at);
    if (out.length === 0) {
      const issues = validateApplicantData(wctx.procedure, data, ctx.evaluator);
      if (issues.length) throw new Error(`sample data of ${code} invalid: ${JSON.stringify(issues)}`);
    }
    const h = randomHistory(wctx, commune, r, {
      start: at,
      until: o.until,
      ...(o.maxEvents !== undefined ? { maxEvents: o.maxEvents } : {}),
      ...(o.meanGapMs !== undefined ? { meanGapMs: o.meanGapMs } : {}),
    });
    out.push({
      id: randomUUID(),
      code: g.codeFor(h.state.receivingAgency, at),
      version: g.versions.get(code)!,
      data,
      events: h.events,
      state: h.state,
    });
  }
  return out;
}

/**
 * Writes generated dossiers as intake and `act` would have: the row with its derived columns, the
 * hash-chained events, the agencies visited, and the Biểu 06 running totals — core's `ledgerDiff`
 * of every event, summed per key so a batch makes one upsert per total.
 */
export async function writeDossiers(ctx: ServerContext, list: readonly GeneratedDossier[], batch = 250): Promise<void> {
  for (let i = 0; i < list.length; i += batch) {
    const part = list.slice(i, i + batch);
    await ctx.db.transaction(async (tx) => {
      await writeBatch(ctx, tx, part);
    });
  }
}

async function writeBatch(ctx: ServerContext, tx: Executor, part: readonly GeneratedDossier[]): Promise<void> {
  const now = new Date(ctx.clock.now());
  const rows = part.map((d) => {
    const p = d.version.definition;
    const applicant = applicantIdentity(p, d.data, ctx.evaluator);
    const name = applicant.kind === 'organization' ? (applicant.name ?? '') : (applicant.fullName ?? '');
    return {
      id: d.id,
      code: d.code,
      procedureCode: d.version.code,
      procedureVersion: d.version.version,
      fieldCode: p.field.code,
      submittedAt: new Date(d.state.submittedAt),
      applicantKind: applicant.kind,
      applicantName: name,
      applicantIdNumber: applicant.idNumber ?? null,
      applicantPhone: applicant.phone ?? null,
      applicantEmail: applicant.email ?? null,
      applicantAddress: applicant.address ?? null,
      ...applicantSearchColumns([name, applicant.idNumber, applicant.phone, applicant.email]),
      applicant,
      submitter: submitterIdentity(p, d.data, ctx.evaluator),
      data: d.data,
      fees: computeFees(p, withDerived(p, d.data, d.state.submittedAt), ctx.evaluator),
      trackingSecretHash: tokenHash(d.id),
      headHash: chainHashes(d.id, GENESIS_HASH, d.events).at(-1)!,
      lockVersion: d.events.length,
      createdAt: now,
      updatedAt: now,
      ...stateColumns(d.state),
    };
  });
  for (let i = 0; i < rows.length; i += 100) await tx.insert(dossiers).values(rows.slice(i, i + 100));
  for (const d of part) await insertEvents(tx, d.id, GENESIS_HASH, d.events, now.getTime());
  const visits: ReturnType<typeof visitRows> = [];
  const searchOf = new Map(rows.map((r) => [r.id, r.applicantSearch]));
  const ledger = new Map<string, LedgerEntry>();
  for (const d of part) {
    const seen = new Set<string>();
    let before: DossierState | null = null;
    let state: DossierState | null = null;
    for (const e of d.events) {
      state = evolve(state, e);
      for (const a of [state.receivingAgency, state.location.agency]) {
        if (!seen.has(a)) {
          seen.add(a);
          visits.push(...visitRows(d.id, [a], e.at, searchOf.get(d.id)!));
        }
      }
      for (const entry of ledgerDiff(
        before ? reportFacts(before, d.version.definition.field.code) : null,
        reportFacts(state, d.version.definition.field.code),
      )) {
        const key = `${entry.agency}\u0000${entry.field}\u0000${entry.day}\u0000${entry.column}`;
        const cur = ledger.get(key);
        if (cur) cur.delta += entry.delta;
        else ledger.set(key, { ...entry });
      }
      before = state;
    }
  }
  // The dashboard's facts: core's dashboardFacts of the whole log.
  const facts = part
    .map((d) => factsRow(d.id, d.state, d.version.definition.field.code, d.version.code, indexEventFlags(d.events)))
    .filter((f): f is FactsRow => f !== null);
  for (let i = 0; i < facts.length; i += 200) await writeFacts(tx, facts.slice(i, i + 200));
  for (let i = 0; i < visits.length; i += 500)
    await tx
      .insert(dossierAgencies)
      .values(visits.slice(i, i + 500))
      .onConflictDoNothing();
  const entries = [...ledger.values()].filter((e) => e.delta !== 0);
  for (let i = 0; i < entries.length; i += 500) {
    const chunk = entries.slice(i, i + 500);
    await tx.execute(
      sql`insert into report_ledger (agency_code, field_code, day, "column", value) values ${sql.join(
        chunk.map((e) => sql`(${e.agency}, ${e.field}, ${e.day}::date, ${e.column}, ${e.delta})`),
        sql`, `,
      )} on conflict (agency_code, field_code, day, "column") do update set value = report_ledger.value + excluded.value`,
    );
  }
}
