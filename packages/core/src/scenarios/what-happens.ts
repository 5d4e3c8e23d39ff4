import type { Procedure, TestScenario, WorkflowStep } from '../model/procedure.ts';
import type { Issue } from '../model/issue.ts';
import type { LocalizedText } from '../i18n/text.ts';
import type { SchemaEvaluator } from '../conditions/evaluator.ts';
import { holds } from '../conditions/evaluator.ts';
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { resolveReceivingAgency } from '../agencies/receiving-agency.ts';
import { resolveAgencyRef } from '../agencies/agency-ref.ts';
import type { Calendar } from '../working-time/calendar-schema.ts';
import { computeDue } from '../working-time/due.ts';
import { requiredDocuments } from '../procedure/documents.ts';
import { computeFees, feeIssues, type FeeQuote } from '../procedure/fees.ts';
import { withDerived } from '../procedure/derived.ts';

/** What a scenario runs against: how conditions are evaluated, the province's agencies and their calendars. */
export interface ScenarioEnvironment {
  evaluator: SchemaEvaluator;
  directory: AgencyDirectory;
  /** The working calendar of an agency; may throw for an agency without one. */
  calendarOf(agency: string): Calendar;
}

export type ScenarioInput = Pick<TestScenario, 'data' | 'submittedAt' | 'channel' | 'agency'>;

export interface RouteStop {
  step: string;
  title: LocalizedText;
  agency: string | null;
  role: WorkflowStep['role'];
  external: boolean;
  /** When the step's budget ends if every earlier step used all of its own (ISO 8601); null without a budget. */
  plannedDueAt: string | null;
}

export interface ScenarioOutcome {
  /** Ids of the documents the applicant must provide, in the procedure's order. */
  documents: string[];
  fees: FeeQuote | null;
  receiving: string | null;
  route: RouteStop[];
  /** The due instant (ISO 8601, UTC) on the receiving agency's calendar; null when it cannot be computed. */
  dueAt: string | null;
  /** Fees collected before acceptance make an online dossier wait for payment (status 6). */
  paymentBeforeAcceptance: boolean;
  /** Why a part could not be computed: pointers into the definition or into `/data`. */
  issues: Issue[];
}

/**
 * What happens to one dossier, computed by the same engines that handle real ones: the required
 * documents, the fees, the receiving agency, the route and the due date. The submission instant
 * is taken as the acceptance instant. The route follows, from the start step, the first branch
 * whose condition holds on the data, and stops at the first step that can approve (the result),
 * at a step with no branch that holds, or before a step it already passed.
 */
export function whatHappens(procedure: Procedure, input: ScenarioInput, env: ScenarioEnvironment): ScenarioOutcome {
  const issues: Issue[] = [];
  const at = Date.parse(input.submittedAt);
  // Conditions see the derived values as of the submission; an invalid instant is reported below.
  const data = Number.isFinite(at) ? withDerived(procedure, input.data, at) : input.data;
  const documents = requiredDocuments(procedure, data, env.evaluator, input.channel)
    .filter((c) => c.required)
    .map((c) => c.document.id);

  const feeProblems = feeIssues(procedure, data, env.evaluator);
  issues.push(...feeProblems);
  const fees = feeProblems.length ? null : computeFees(procedure, data, env.evaluator);

  if (!Number.isFinite(at)) {
    issues.push({
      pointer: '/submittedAt',
      code: 'format',
      message: { vi: 'Thời điểm nộp không hợp lệ', en: 'The submission instant is not valid' },
    });
  }
  const res = resolveReceivingAgency(procedure, data, env.evaluator, env.directory, input.agency);
  const receiving = res.ok ? res.agency : null;
  if (!res.ok) issues.push(res.issue);

  let dueAt: string | null = null;
  if (receiving && Number.isFinite(at)) {
    const due = safely('/deadline', issues, () => computeDue(env.calendarOf(receiving), at, procedure.deadline));
    if (due !== null) dueAt = new Date(due).toISOString();
  }

  const route: RouteStop[] = [];
  const steps = procedure.workflow.steps;
  let step = steps.find((s) => s.id === procedure.workflow.start);
  let enteredAt = at;
  while (step && !route.some((r) => r.step === step!.id)) {
    const i = steps.indexOf(step);
    let agency: string | null = null;
    if (receiving) {
      const r = resolveAgencyRef(step.agency, {
        receiving,
        owner: procedure.owner,
        data,
        evaluator: env.evaluator,
        directory: env.directory,
        pointer: `/workflow/steps/${i}/agency`,
      });
      if (r.ok) agency = r.agency;
      else issues.push(r.issue);
    }
    let plannedDueAt: string | null = null;
    const budget = step.budget;
    if (budget && agency && Number.isFinite(enteredAt)) {
      const due = safely(`/workflow/steps/${i}/budget`, issues, () =>
        computeDue(env.calendarOf(agency!), enteredAt, budget),
      );
      if (due !== null) {
        plannedDueAt = new Date(due).toISOString();
        enteredAt = due;
      }
    }
    route.push({
      step: step.id,
      title: step.title,
      agency,
      role: step.role,
      external: step.external !== undefined,
      plannedDueAt,
    });
    if (step.outcomes?.includes('approved')) break;
    const branch = (step.next ?? []).find((b) => holds(env.evaluator, b.when, data));
    step = branch ? steps.find((s) => s.id === branch.step) : undefined;
  }

  return {
    documents,
    fees,
    receiving,
    route,
    dueAt,
    paymentBeforeAcceptance: procedure.fees.collect === 'before' && (fees?.total ?? 0) > 0,
    issues,
  };
}

function safely(pointer: string, issues: Issue[], f: () => number): number | null {
  try {
    return f();
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    issues.push({
      pointer,
      code: 'deadline-error',
      message: {
        vi: `Không tính được thời hạn theo lịch làm việc: ${text}`,
        en: `The deadline cannot be computed on the working calendar: ${text}`,
      },
    });
    return null;
  }
}
