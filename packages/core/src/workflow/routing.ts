import type { Issue } from '../model/issue.ts';
import type { WorkflowStep } from '../model/procedure.ts';
import { holds } from '../conditions/evaluator.ts';
import { resolveAgencyRef } from '../agencies/agency-ref.ts';
import { CalendarNotCoveredError, computeDue } from '../working-time/index.ts';
import type { Actor, AcceptanceFacts, DossierState, Handover, Move, WorkflowContext } from './types.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; issue: Issue };

export function stepIndex(ctx: WorkflowContext, id: string | null): number {
  return id === null ? -1 : ctx.procedure.workflow.steps.findIndex((s) => s.id === id);
}

export function findStep(ctx: WorkflowContext, id: string | null): WorkflowStep | undefined {
  const i = stepIndex(ctx, id);
  return i < 0 ? undefined : ctx.procedure.workflow.steps[i];
}

export function byOf(actor: Actor): Handover['by'] {
  return {
    ...(actor.id !== undefined ? { id: actor.id } : {}),
    ...(actor.name !== undefined ? { name: actor.name } : {}),
  };
}

/** Runs a working-time computation, turning its errors (e.g. a calendar without working time) into an issue. */
function safely<T>(pointer: string, f: () => T): Result<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof CalendarNotCoveredError) {
      return { ok: false, issue: { pointer, code: e.code, message: { vi: e.vi, en: e.en } } };
    }
    const text = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      issue: {
        pointer,
        code: 'deadline-error',
        message: {
          vi: `Không tính được thời hạn theo lịch làm việc: ${text}`,
          en: `The deadline cannot be computed on the working calendar: ${text}`,
        },
      },
    };
  }
}

/** The agency that handles `step` for this dossier, and the step's own due time if it has a budget. */
export function enterStep(
  ctx: WorkflowContext,
  receiving: string,
  step: WorkflowStep,
  at: number,
): Result<{ agency: string; stepDueAt: number | null }> {
  const i = stepIndex(ctx, step.id);
  const res = resolveAgencyRef(step.agency, {
    receiving,
    owner: ctx.procedure.owner,
    data: ctx.data,
    evaluator: ctx.evaluator,
    directory: ctx.directory,
    pointer: `/workflow/steps/${i}/agency`,
  });
  if (!res.ok) return res;
  if (!step.budget) return { ok: true, value: { agency: res.agency, stepDueAt: null } };
  const budget = step.budget;
  const due = safely(`/workflow/steps/${i}/budget`, () => computeDue(ctx.calendarOf(res.agency), at, budget));
  return due.ok ? { ok: true, value: { agency: res.agency, stepDueAt: due.value } } : due;
}

/** What acceptance fixes: due instant (receiving agency's calendar), responsible agency, first step. */
export function acceptanceFacts(
  ctx: WorkflowContext,
  receiving: string,
  at: number,
  actor: Actor,
): Result<AcceptanceFacts> {
  const p = ctx.procedure;
  const due = safely('/deadline', () => computeDue(ctx.calendarOf(receiving), at, p.deadline));
  if (!due.ok) return due;
  let responsible = receiving;
  if (p.report?.responsibleAgency) {
    const r = resolveAgencyRef(p.report.responsibleAgency, {
      receiving,
      owner: p.owner,
      data: ctx.data,
      evaluator: ctx.evaluator,
      directory: ctx.directory,
      pointer: '/report/responsibleAgency',
    });
    if (!r.ok) return r;
    responsible = r.agency;
  }
  const start = findStep(ctx, p.workflow.start);
  if (!start) {
    return {
      ok: false,
      issue: {
        pointer: '/workflow/start',
        code: 'unknown-step',
        message: {
          vi: `Quy trình không có bước đầu "${p.workflow.start}"`,
          en: `The workflow has no start step "${p.workflow.start}"`,
        },
      },
    };
  }
  const entered = enterStep(ctx, receiving, start, at);
  if (!entered.ok) return entered;
  return {
    ok: true,
    value: {
      dueAt: due.value,
      deadline: JSON.parse(JSON.stringify(p.deadline)),
      responsibleAgency: responsible,
      timeZone: ctx.directory.get(responsible)!.timeZone,
      location: { agency: entered.value.agency, step: start.id, role: start.role },
      stepDueAt: entered.value.stepDueAt,
      handover: {
        from: { agency: receiving, step: null },
        to: { agency: entered.value.agency, step: start.id },
        at,
        by: byOf(actor),
        stepDueAt: null,
        onTime: null,
        interAgency: entered.value.agency !== receiving,
      },
    },
  };
}

/**
 * The branch taken from `step`: the first whose condition holds on the applicant's data, or
 * `chosen` when it is one of those that hold (staff may pick among valid branches).
 */
export function chooseBranch(
  ctx: WorkflowContext,
  step: WorkflowStep,
  chosen: string | undefined,
): Result<WorkflowStep> {
  const holding = (step.next ?? []).filter((b) => holds(ctx.evaluator, b.when, ctx.data));
  if (holding.length === 0) {
    return {
      ok: false,
      issue: {
        pointer: '/params/step',
        code: 'no-branch',
        message: {
          vi: `Không có nhánh nào từ bước "${step.id}" phù hợp với dữ liệu hồ sơ`,
          en: `No branch from step "${step.id}" fits the dossier's data`,
        },
      },
    };
  }
  const branch = chosen === undefined ? holding[0]! : holding.find((b) => b.step === chosen);
  if (!branch) {
    return {
      ok: false,
      issue: {
        pointer: '/params/step',
        code: 'branch-not-allowed',
        message: {
          vi: `Không thể chuyển từ bước "${step.id}" sang "${chosen}"; các bước được phép: ${holding.map((b) => b.step).join(', ')}`,
          en: `Cannot move from step "${step.id}" to "${chosen}"; allowed: ${holding.map((b) => b.step).join(', ')}`,
        },
      },
    };
  }
  const target = findStep(ctx, branch.step);
  if (!target) {
    return {
      ok: false,
      issue: {
        pointer: '/params/step',
        code: 'unknown-step',
        message: { vi: `Quy trình không có bước "${branch.step}"`, en: `The workflow has no step "${branch.step}"` },
      },
    };
  }
  return { ok: true, value: target };
}

function handover(
  state: DossierState,
  to: { agency: string; step: string | null },
  at: number,
  actor: Actor,
): Handover {
  return {
    from: { agency: state.location.agency, step: state.location.step },
    to,
    at,
    by: byOf(actor),
    stepDueAt: state.stepDueAt,
    onTime: state.stepDueAt === null ? null : at <= state.stepDueAt,
    interAgency: to.agency !== state.location.agency,
  };
}

/** A move from the current step to `target` (a liên thông hand-over when the agency changes). */
export function moveTo(
  ctx: WorkflowContext,
  state: DossierState,
  target: WorkflowStep,
  at: number,
  actor: Actor,
): Result<Move> {
  const entered = enterStep(ctx, state.receivingAgency, target, at);
  if (!entered.ok) return entered;
  const to = { agency: entered.value.agency, step: target.id };
  return {
    ok: true,
    value: {
      handover: handover(state, to, at, actor),
      location: { agency: to.agency, step: target.id, role: target.role },
      stepDueAt: entered.value.stepDueAt,
    },
  };
}

/** The hand-back to the receiving agency's reception once the result is ready (or the stop notice issued). */
export function backToReception(state: DossierState, at: number, actor: Actor): Move {
  const to = { agency: state.receivingAgency, step: null };
  return {
    handover: handover(state, to, at, actor),
    location: { agency: state.receivingAgency, step: null, role: 'reception' },
    stepDueAt: null,
  };
}
