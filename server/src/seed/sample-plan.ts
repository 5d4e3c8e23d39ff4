import { localDate, nextWorkingDay, workingPeriods, type ActionKind, type Calendar } from '@motcua/core';
import { SAMPLE_PROCEDURES, pick, type SampleChoices, type SampleProcedure } from './sample-applicants.ts';

/**
 * What becomes of one sample dossier: most are resolved in time and returned; some are refused
 * at reception, asked for a supplement, denied, finished late, or left lying (overdue). Whether it
 * is still open is not chosen: events that would fall after "now" are simply not performed yet.
 */
export type Fate = 'normal' | 'late' | 'supplement' | 'refused' | 'denied' | 'stalled';

export interface SamplePlan {
  n: number;
  procedure: SampleProcedure;
  commune: string;
  channel: 'online' | 'direct' | 'postal';
  submitAt: number;
  fate: Fate;
  /** Where in the allowed time a timely dossier is finished (0–1), or how late a late one is (days). */
  pace: number;
  /** Answers fixed instead of drawn (a scenario that needs a charge, or the liên thông branch). */
  choices?: SampleChoices;
  /** The exact actions and instants of a scripted dossier (the desk's open work) instead of its fate. */
  script?: { kind: ActionKind; at: number }[];
}

const DAY = 86_400_000;

const FATES: [Fate, number][] = [
  ['normal', 66],
  ['late', 12],
  ['supplement', 10],
  ['refused', 4],
  ['denied', 4],
  ['stalled', 4],
];

function fateOf(x: number): Fate {
  let left = x * FATES.reduce((a, [, w]) => a + w, 0);
  for (const [fate, w] of FATES) if ((left -= w) < 0) return fate;
  return 'normal';
}

/**
 * `count` plans between `from` and `now`, oldest first: a tenth in the last three weeks so that
 * inboxes have work, the rest spread over the whole span; six submissions in ten online.
 */
export function samplePlans(
  r: () => number,
  count: number,
  communes: readonly string[],
  from: number,
  now: number,
): SamplePlan[] {
  const plans: SamplePlan[] = [];
  for (let n = 0; n < count; n++) {
    const recent = r() < 0.1;
    const span = recent ? Math.min(21 * DAY, now - from) : now - from;
    const fate = fateOf(r());
    plans.push({
      n,
      procedure: pick(r, SAMPLE_PROCEDURES),
      commune: pick(r, communes),
      channel: r() < 0.6 ? 'online' : r() < 0.85 ? 'direct' : 'postal',
      submitAt: now - Math.floor(r() * span),
      fate,
      pace: fate === 'late' ? 0.2 + r() * 8 : 0.15 + r() * 0.8,
    });
  }
  return plans.sort((a, b) => a.submitAt - b.submitAt);
}

/** The actions a plan takes when core offers them, best first; others core offers are left. */
export function preferences(plan: SamplePlan, asked: boolean): ActionKind[] {
  const out: ActionKind[] = [];
  if (plan.fate === 'refused') out.push('refuse');
  if (plan.fate === 'supplement' && !asked) out.push('request_supplement');
  out.push('accept_supplement', 'supplement_provided', 'payment_recorded', 'accept');
  if (plan.fate === 'stalled') return out;
  out.push('claim', 'receive_external', 'send_external', 'forward');
  out.push(plan.fate === 'denied' ? 'deny' : 'approve', 'return_result');
  return out;
}

/** The first working instant at or after `t` in `cal`, a few minutes in when it had to move. */
export function workingInstant(cal: Calendar, t: number, r: () => number): number {
  let day = localDate(t, cal.timeZone);
  for (let i = 0; i < 30; i++) {
    for (const p of workingPeriods(cal, day)) {
      if (t < p.from) return p.from + Math.floor(r() * 40) * 60_000;
      if (t < p.to) return t;
    }
    day = nextWorkingDay(cal, day);
  }
  return t;
}

/** When the next action of `kind` happens, after `t` (before snapping to working time). */
export function nextInstant(
  plan: SamplePlan,
  kind: ActionKind,
  t: number,
  state: { acceptedAt: number | null; dueAt: number | null },
  r: () => number,
): number {
  const hours = (a: number, b: number) => t + Math.round((a + r() * (b - a)) * 3600_000);
  switch (kind) {
    case 'accept':
    case 'refuse':
      return hours(0.3, 20);
    case 'supplement_provided':
      return hours(20, 120);
    case 'payment_recorded':
      return hours(0.2, 30);
    case 'return_result':
      return hours(0.5, 72);
    case 'approve':
    case 'deny':
      return Math.max(hours(0.3, 1), finishAt(plan, state, t));
    default:
      // A step on the way to the result: part of the time left until it.
      return Math.max(hours(0.2, 0.5), t + Math.round((finishAt(plan, state, t) - t) * (0.15 + r() * 0.35)));
  }
}

/** When a dossier of this plan gets its result: within the allowed time, or some days after it. */
function finishAt(plan: SamplePlan, state: { acceptedAt: number | null; dueAt: number | null }, t: number): number {
  if (state.dueAt === null || state.acceptedAt === null) return t + 2 * DAY;
  if (plan.fate === 'late') return state.dueAt + Math.round(plan.pace * DAY);
  return state.acceptedAt + Math.round((state.dueAt - state.acceptedAt) * plan.pace);
}
