/**
 * Random dossier histories for property tests: a plan (numbers drawn by fast-check) is played
 * through `decide`, mostly by actors who may act and with actions they may take ("smart" steps),
 * sometimes by anyone with anything (which must then be refused cleanly).
 */
import fc from 'fast-check';
import { ACTION_KINDS, type ActionKind } from '../../vocabulary/actions.ts';
import { decide } from '../decide.ts';
import { availableActions } from '../available-actions.ts';
import type { Action, Actor, Decision, DossierEvent, DossierState, WorkflowContext } from '../types.ts';
import type { Procedure } from '../../model/procedure.ts';
import {
  AGENCIES_2025,
  PERMIT,
  ctxFor,
  at,
  applicant,
  system,
  taxSystem,
  staff,
  WARD_1,
  WARD_2,
  COMMUNE_3,
  CONSTRUCTION,
} from './fixtures.ts';

const DAY = 86_400_000;

/** A second procedure in another field, answerable at the owning department (liên thông reporting). */
export const PERMIT_OWNER_REPORTS: Procedure = {
  ...PERMIT,
  code: '1.009998',
  field: { code: 'quy-hoach', title: { vi: 'Quy hoạch' } },
  fees: { collect: 'after', items: [] },
  deadline: { unit: 'working-days', value: 2 },
  report: { responsibleAgency: { relative: 'owner' } },
};

/** Every staff member of the province: per agency, two specialists, a leader, a receptionist. */
export const STAFF: Actor[] = AGENCIES_2025.flatMap((a) => [
  staff(`tn@${a.code}`, a.code, 'reception'),
  staff(`cv1@${a.code}`, a.code, 'specialist'),
  staff(`cv2@${a.code}`, a.code, 'specialist'),
  staff(`ld@${a.code}`, a.code, 'leader'),
]);
export const EVERYONE: Actor[] = [applicant, system, taxSystem, ...STAFF];

export interface PlanStep {
  smart: boolean;
  actor: number;
  kind: number;
  /** Time since the previous event, in ms. */
  dt: number;
  seed: number;
}

export interface DossierPlan {
  procedure: 0 | 1;
  commune: number;
  area: number;
  channel: number;
  fees: number;
  /** Day of 2026 the dossier is submitted on, and the minute of that day. */
  startDay: number;
  startMinute: number;
  steps: PlanStep[];
}

export const planStep = fc.record({
  smart: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  actor: fc.nat(),
  kind: fc.nat(),
  dt: fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 4 * 3600_000 }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 2 * DAY }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 8 * DAY }) },
  ),
  seed: fc.nat(),
});

export const dossierPlan = (maxSteps = 25) =>
  fc.record({
    procedure: fc.constantFrom<0 | 1>(0, 1),
    commune: fc.nat({ max: 2 }),
    area: fc.constantFrom(100, 300),
    channel: fc.nat({ max: 2 }),
    fees: fc.constantFrom(0, 75_000),
    startDay: fc.integer({ min: 0, max: 330 }),
    startMinute: fc.integer({ min: 0, max: 1439 }),
    steps: fc.array(planStep, { minLength: Math.min(8, maxSteps), maxLength: maxSteps, size: 'max' }),
  });

const COMMUNES = [WARD_1, WARD_2, COMMUNE_3];

export function contextOf(plan: DossierPlan): WorkflowContext {
  return ctxFor({ fullName: 'Lê Văn Tám', area: plan.area }, plan.procedure === 0 ? PERMIT : PERMIT_OWNER_REPORTS);
}

function startInstant(plan: DossierPlan): number {
  const base = at('2026-01-01', '00:00');
  return base + plan.startDay * DAY + plan.startMinute * 60_000;
}

/** Actors likely to be able to act on this dossier now (the smart steps choose among them). */
function relevantActors(state: DossierState | null, commune: string): Actor[] {
  if (state === null) return [applicant, STAFF.find((s) => s.agency === commune && s.roles?.includes('reception'))!];
  const here = STAFF.filter((s) => s.agency === state.location.agency || s.agency === state.receivingAgency);
  const named = state.location.assignee ? STAFF.filter((s) => s.id === state.location.assignee) : [];
  return [applicant, system, taxSystem, ...here, ...named];
}

export function paramsFor(
  kind: ActionKind,
  state: DossierState | null,
  t: number,
  seed: number,
  plan: DossierPlan,
): Partial<Action> {
  const pick = <T>(xs: readonly T[]) => xs[seed % xs.length]!;
  switch (kind) {
    case 'submit':
      return {
        params: {
          channel: pick(['online', 'direct', 'postal'] as const),
          feesOwed: plan.fees,
          agency: COMMUNES[plan.commune]!,
        },
      };
    case 'refuse':
      return { params: { reasons: seed % 7 === 0 ? [] : ['Hồ sơ không thuộc thẩm quyền'] } };
    case 'request_supplement':
      return {
        params: {
          items: [{ documentId: pick(['don', 'ban-ve', 'khong-co']), reason: 'Thiếu giấy tờ' }],
          dueBy: t + ((seed % 10) - 1) * DAY,
          ...((state?.supplementRequests ?? 0) > 0 && seed % 5 !== 0 ? { repeatReason: 'Bổ sung chưa đủ' } : {}),
        },
      };
    case 'supplement_provided':
      return seed % 6 === 0 ? {} : { attachments: [`s-${seed % 100}`] };
    case 'request_payment':
      return { params: { amount: 1000 + (seed % 5) * 1000 } };
    case 'payment_recorded':
      return { params: { amount: seed % 9 === 0 ? 1 : (state?.payment?.amount ?? 1000), reference: `P-${seed % 4}` } };
    case 'assign':
      return { params: { assignee: `cv${1 + (seed % 2)}@${state?.location.agency ?? WARD_1}` } };
    case 'forward':
      return seed % 3 === 0 ? { params: { step: pick(PERMIT.workflow.steps.map((s) => s.id)) } } : {};
    case 'send_external':
      return { params: { ref: `R-${seed % 3}` } };
    case 'receive_external':
      return {
        params: {
          ref: seed % 8 === 0 ? 'R-x' : (state?.external?.ref ?? `R-${seed % 3}`),
          ...(seed % 4 === 0 ? { outcome: pick(['approved', 'denied'] as const) } : {}),
          result: { ok: seed % 2 === 0 },
        },
      };
    case 'approve':
    case 'deny':
      return { ...(seed % 6 === 0 ? {} : { attachments: [`kq-${seed % 10}`] }), comment: 'Kết quả giải quyết' };
    case 'stop':
      return { params: { reason: 'Dừng xử lý theo quy định' } };
    case 'request_withdrawal':
      return { params: { reason: 'Không có nhu cầu' } };
    case 'withdraw':
      return {};
    case 'extend':
      return { params: { newDueAt: (state?.dueAt ?? t) + ((seed % 6) - 1) * DAY, reason: 'Xin lỗi vì chậm trễ' } };
    default:
      return {};
  }
}

export interface Played {
  ctx: WorkflowContext;
  state: DossierState | null;
  events: DossierEvent[];
  /** Every (state before, decision, action) triple, in order. */
  trace: { before: DossierState | null; action: Action; decision: Decision }[];
}

const PROGRESS = new Set<ActionKind>([
  'accept',
  'claim',
  'forward',
  'send_external',
  'receive_external',
  'approve',
  'deny',
  'return_result',
  'payment_recorded',
  'supplement_provided',
  'accept_supplement',
]);

export function play(plan: DossierPlan): Played {
  const ctx = contextOf(plan);
  const commune = COMMUNES[plan.commune]!;
  let state: DossierState | null = null;
  let t = startInstant(plan);
  const events: DossierEvent[] = [];
  const trace: Played['trace'] = [];
  // The submission comes first: online by the applicant, or at the commune's counter.
  const first: PlanStep = { smart: false, actor: -1, kind: 0, dt: 0, seed: plan.channel };
  for (const step of [first, ...plan.steps]) {
    t += step.dt;
    let actor: Actor;
    let kind: ActionKind;
    if (step === first) {
      const counter = STAFF.find((s) => s.agency === commune && s.roles?.includes('reception'))!;
      const action = {
        kind: 'submit',
        actor: plan.channel === 0 ? applicant : counter,
        at: t,
        ...paramsFor('submit', null, t, plan.channel, plan),
      } as Action;
      const decision = decide(ctx, null, action);
      trace.push({ before: null, action, decision });
      if (decision.ok) {
        events.push(...decision.events);
        state = decision.state;
      }
      continue;
    }
    // Moves that carry a dossier towards its end weigh more, so that histories get somewhere.
    const options = step.smart
      ? relevantActors(state, commune).flatMap((a) =>
          availableActions(ctx, state, a, t).flatMap((k) =>
            Array.from({ length: PROGRESS.has(k) ? 6 : 1 }, () => [a, k] as const),
          ),
        )
      : [];
    if (options.length > 0) {
      [actor, kind] = options[step.kind % options.length]!;
    } else {
      actor = EVERYONE[step.actor % EVERYONE.length]!;
      kind = ACTION_KINDS[step.kind % ACTION_KINDS.length]!;
    }
    const extra = paramsFor(kind, state, t, step.seed, plan);
    const action = { kind, actor, at: t, ...extra } as Action;
    const decision = decide(ctx, state, action);
    trace.push({ before: state, action, decision });
    if (decision.ok) {
      events.push(...decision.events);
      state = decision.state;
    }
  }
  return { ctx, state, events, trace };
}
